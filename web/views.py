"""The site's error pages, its legal pages (publisher, personal data, contact, accessibility statement) and its map."""

from django.conf import settings
from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.views.decorators.http import require_GET

from core import retention
from web import rgaa


def page_not_found(request, exception=None):
    response = render(request, "web/404.html", status=404)
    response.is_site_page = True
    return response


def permission_denied(request, exception=None):
    message = str(exception or "")
    # Only the messages our own views raise, in French; Django's own (CSRF…) are not for visitors.
    response = render(request, "web/403.html", {"exception": message if message.endswith(".") else ""}, status=403)
    response.is_site_page = True
    return response


def server_error(request):
    try:
        response = render(request, "web/500.html", status=500)
    except Exception:  # noqa: BLE001 — the page must answer even if rendering with the request fails
        response = HttpResponseServerError(loader.get_template("web/500.html").render())
    response.is_site_page = True
    return response


def _site() -> dict:
    return {"legal": settings.ANCRAGE_LEGAL}


@require_GET
def legal_notice(request):
    return render(request, "web/legal_notice.html", _site())


@require_GET
def privacy(request):
    context = _site() | {
        "report_retention_days": settings.ANCRAGE_REPORT_RETENTION_DAYS,
        "report_email_days": settings.ANCRAGE_REPORT_EMAIL_DAYS,
        "proposal_draft_days": settings.ANCRAGE_PROPOSAL_DRAFT_DAYS,
        "proposal_email_days": settings.ANCRAGE_PROPOSAL_EMAIL_DAYS,
        "rights_followup_keep_days": settings.ANCRAGE_RIGHTS_FOLLOWUP_KEEP_DAYS,
        "rights_handover_days": settings.ANCRAGE_RIGHTS_HANDOVER_DAYS,
        # Every retention rule the apps registered (core.retention): the page cannot forget one.
        "retention": sorted(retention.RULES, key=lambda rule: rule.name),
    }
    return render(request, "web/privacy.html", context)


@require_GET
def contact(request):
    return render(request, "web/contact.html", _site())


@require_GET
def accessibility(request):
    return render(request, "web/accessibility.html", _site() | {"audit": rgaa.load_audit()})


@require_GET
def site_map(request):
    """The second way to find a page (RGAA 12.1): every public page, grouped by what people come for."""
    return render(request, "web/site_map.html", _site())
