"""The page behind the e-mailed link « Mes informations sont à jour », the same button in a member's space, and
the coordinators' dashboard.

The link opens a page; only its button (a POST) confirms, because mail scanners and link previews open
every link of a message on their own: a GET never changes anything.
"""

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core import signing
from core.throttle import throttled
from directory.domain import hours
from directory.models import Place
from freshness.domain import confirm as confirming
from freshness.domain import dashboard as figures
from freshness.domain import requests
from freshness.domain.digest import PERMISSION
from freshness.models import Channel


def _link_error(request, error: signing.LinkError, place=None):
    return render(request, "freshness/link_error.html", {"error": str(error), "place": place}, status=400)


@require_http_methods(["GET", "POST"])
@throttled("fiche-a-jour")
def confirm(request, pk: int, token: str):
    try:
        update = requests.read_link(token, pk, consume=False)
    except signing.LinkError as error:
        return _link_error(request, error, Place.objects.published().filter(pk=pk).first())
    place = update.place
    if update.answered_at:
        return render(request, "freshness/already.html", {"place": place, "update": update})
    if request.method == "POST":
        with transaction.atomic():
            try:
                update = requests.read_link(token, pk, consume=True)
            except signing.LinkError as error:
                return _link_error(request, error, place)
            channel = Channel.CAMPAIGN if update.campaign_id else Channel.EMAIL_LINK
            confirming.confirm(place, channel=channel, request=update)
        place.refresh_from_db()
        return render(request, "freshness/thanks.html", {"place": place})
    context = {
        "place": place,
        "edit_url": requests.edit_url(place),
        "in_space": bool(requests.members(place)),
        "update": update,
        "hours_text": hours.readable_text(place.horaires),
        "week": hours.week_table(place.horaires, code_insee=place.code_insee),
    }
    return render(request, "freshness/confirm.html", context)


@login_required
@require_POST
def confirm_in_space(request, pk: int):
    """The button « Mes informations sont à jour » of the « À faire » panel of `/espace/` (a member's place)."""
    place = get_object_or_404(Place, pk=pk)
    confirming.confirm_in_space(request.user, place)
    messages.success(
        request,
        _("Merci : les informations de « %(place)s » sont confirmées à jour aujourd’hui.") % {"place": place.nom},
    )
    return redirect("contributions:home")


@staff_member_required
@require_GET
def dashboard(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    context = {
        **admin.site.each_context(request),
        "title": _("Fraîcheur des informations"),
        "cadence": settings.ANCRAGE_FRESHNESS_CADENCE_MONTHS,
        "overdue_days": settings.ANCRAGE_FRESHNESS_OVERDUE_DAYS,
        **figures.figures(),
    }
    return render(request, "admin/freshness/dashboard.html", context)
