"""Public pages of citizens' requests (thin: forms check, `domain` acts)."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.permissions import can
from core import signing
from core.throttle import throttled
from participation import forms
from participation.domain import nearby, queries, stats, submit, workflow
from participation.models import Category, Commission, Request

DRAFT_KEY = "demande_brouillon"
PAGE_SIZE = 30


@require_http_methods(["GET"])
def index(request):
    rows = queries.public().order_by("-received_at", "-pk")
    state = request.GET.get("etat", "")
    if state == "ouvertes":
        rows = rows.filter(status__in=Request.OPEN)
    elif state == "fermees":
        rows = rows.exclude(status__in=Request.OPEN)
    category = request.GET.get("categorie", "")
    if category:
        rows = rows.filter(category__code=category)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "participation/index.html",
        {
            "page": page,
            "categories": Category.objects.filter(active=True),
            "state": state,
            "category": category,
            "commissions": Commission.objects.all(),
            "handles": queries.handles_any(request.user),
        },
    )


def _draft(request) -> Request | None:
    pk = request.session.get(DRAFT_KEY)
    return (
        Request.objects.filter(pk=pk, status=Request.Status.DRAFT).select_related("category", "commune").first()
        if pk
        else None
    )


@require_http_methods(["GET", "POST"])
@throttled("demande")
def new(request):
    form = forms.RequestForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        draft = submit.save_draft(form.to_request())
        similar = nearby.similar(draft.category, draft.commune, draft.latitude, draft.longitude, exclude=draft)
        if similar:
            request.session[DRAFT_KEY] = draft.pk
            return redirect("participation:similar")
        submit.send(draft)
        return redirect("participation:sent")
    return render(request, "participation/new.html", {"form": form, "tile_url": settings.ANCRAGE_TILE_URL})


@require_http_methods(["GET", "POST"])
@throttled("demande")
def similar(request):
    """The step before posting: open requests like this one, each with « Moi aussi »."""
    draft = _draft(request)
    if draft is None:
        return redirect("participation:new")
    found = nearby.similar(draft.category, draft.commune, draft.latitude, draft.longitude, exclude=draft)
    if request.method == "POST":
        action = request.POST.get("action", "")
        target = next((r for r in found if action == f"soutenir-{r.pk}"), None)
        request.session.pop(DRAFT_KEY, None)
        if target is not None:
            submit.support_instead(draft, target)
            request.session["demande_soutenue"] = target.pk
            return redirect("participation:support-sent")
        submit.send(draft)
        return redirect("participation:sent")
    supports = dict(queries.public().filter(pk__in=[r.pk for r in found]).values_list("pk", "support_count"))
    for r in found:
        r.support_count = supports.get(r.pk, 0)
    return render(request, "participation/similar.html", {"draft": draft, "similar": found})


@require_http_methods(["GET"])
def sent(request):
    return render(request, "participation/sent.html")


@require_http_methods(["GET"])
def support_sent(request):
    target = queries.public().filter(pk=request.session.get("demande_soutenue") or 0).first()
    return render(request, "participation/support_sent.html", {"target": target})


@require_http_methods(["GET", "POST"])
@throttled("demande")
def confirm(request, token: str):
    """GET shows « Confirmer » (mail scanners follow links); the POST publishes the request, once."""
    try:
        if request.method == "POST":
            row = submit.confirm(token)
            messages.success(request, _("Votre demande est publiée. Vous serez prévenu par courriel de chaque étape."))
            return redirect("participation:detail", pk=row.pk)
        row = submit.read_request_link(token, consume=False)
    except signing.LinkError as error:
        return render(request, "participation/link_error.html", {"message": str(error)}, status=400)
    return render(request, "participation/confirm.html", {"row": row, "what": "demande"})


@require_http_methods(["GET", "POST"])
@throttled("demande")
def confirm_support(request, token: str):
    try:
        if request.method == "POST":
            row = submit.confirm_support(token)
            messages.success(request, _("Votre « Moi aussi » est confirmé : vous serez prévenu de chaque étape."))
            return redirect("participation:detail", pk=row.request_id)
        row = submit.read_support_link(token, consume=False)
    except signing.LinkError as error:
        return render(request, "participation/link_error.html", {"message": str(error)}, status=400)
    return render(request, "participation/confirm.html", {"row": row.request, "what": "soutien"})


@require_http_methods(["GET"])
def detail(request, pk: int):
    row = get_object_or_404(queries.public(), pk=pk)
    commissions = [
        (c, c.rankings.filter(request=row).first()) for c in Commission.objects.filter(communes=row.commune_id)
    ]
    return render(
        request,
        "participation/detail.html",
        {
            "row": row,
            "updates": row.updates.all(),
            "form": forms.SupportForm(),
            "commissions": commissions,
            "can_handle": can(request.user, "edit", row),
        },
    )


@require_http_methods(["POST"])
@throttled("demande")
def support(request, pk: int):
    row = get_object_or_404(queries.public(), pk=pk)
    form = forms.SupportForm(request.POST)
    if form.is_valid() and row.is_open:
        submit.support(row, form.cleaned_data["email"])
        request.session["demande_soutenue"] = row.pk
        return redirect("participation:support-sent")
    status = 400 if form.errors else 409
    return render(
        request,
        "participation/detail.html",
        {
            "row": row,
            "updates": row.updates.all(),
            "form": form,
            "closed_error": not row.is_open,
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
@throttled("demande")
def contest(request, token: str):
    """« Ce n’est pas réglé »: the link in the « fait » e-mail; the POST reopens the request."""
    form = forms.ContestForm(request.POST or None)
    try:
        row = workflow.read_contest_link(token, consume=False)
        if request.method == "POST" and form.is_valid():
            try:
                row = workflow.contest(token, form.cleaned_data["reason"])
            except ValidationError as error:
                form.add_error("reason", error)
            else:
                messages.success(
                    request, _("La demande est rouverte : elle revient dans la file du service responsable.")
                )
                return redirect("participation:detail", pk=row.pk)
    except signing.LinkError as error:
        return render(request, "participation/link_error.html", {"message": str(error)}, status=400)
    return render(request, "participation/contest.html", {"row": row, "form": form})


@require_http_methods(["GET"])
def statistics(request):
    return render(request, "participation/statistics.html", {"figures": stats.figures()})
