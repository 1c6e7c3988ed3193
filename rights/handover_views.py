"""Handing a result over to the accompanying professional: the POST from the result page (consent required), the
page the signed e-mailed link opens, and the professional's own kept results. Thin: `domain.handover` acts."""

from datetime import date

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from accounts.permissions import DELETE, VIEW, can, is_professional
from core import signing
from core.throttle import throttled
from rights import forms, handover_forms, views
from rights.domain import handover, precheck
from rights.models import Handover

PREFIX = "transmettre"


@require_POST
@throttled("droits-transmission")
def hand_over(request):
    kept = request.session.get(views.SESSION_KEY) or {}
    if "amounts" not in kept:
        return redirect("rights:questionnaire")
    keep = "garder" in request.POST and is_professional(request.user)
    form = handover_forms.HandoverForm(request.POST, keep=keep, prefix=PREFIX)
    if not form.is_valid():
        return views.results_page(request, handover_form=form)
    answers = kept["answers"]
    check = precheck.interpret(
        forms.household(answers), date.fromisoformat(kept["month"]), kept["amounts"], kept["versions"]
    )
    computed_at = timezone.datetime.fromisoformat(kept["at"])
    user = request.user if keep else None
    handover.hand_over(check, answers["commune"], computed_at, email=form.cleaned_data["email"], user=user)
    kept["transmis"] = "garde" if keep else "envoye"
    request.session[views.SESSION_KEY] = kept
    return redirect(reverse("rights:results") + "#transmettre")


def _page(request, item: Handover, status: int = 200):
    kept = item.recipient_user_id is not None and item.recipient_user_id == request.user.pk
    context = {"handover": item, "summary": item.summary, "kept": kept, **handover.groups(item)}
    return render(request, "rights/handover.html", context, status=status)


@require_GET
def by_link(request, token: str):
    """The e-mailed link: the result's summary while it lasts (30 days by default)."""
    try:
        item = handover.read(token)
    except signing.LinkError as error:
        context = {"message": str(error), "days": settings.ANCRAGE_RIGHTS_HANDOVER_DAYS}
        return render(request, "rights/handover_link_error.html", context, status=400)
    return _page(request, item)


@login_required
@require_GET
def kept_list(request):
    items = handover.current(Handover.objects.filter(recipient_user=request.user)).order_by("-created_at")
    context = {"items": items, "days": settings.ANCRAGE_RIGHTS_HANDOVER_DAYS}
    return render(request, "rights/handover_list.html", context)


def _kept(request, pk: int, action: str) -> Handover:
    item = get_object_or_404(handover.current(Handover.objects.all()), pk=pk)
    if not can(request.user, action, item):
        raise PermissionDenied
    return item


@login_required
@require_GET
def kept_detail(request, pk: int):
    return _page(request, _kept(request, pk, VIEW))


@login_required
@require_POST
def kept_delete(request, pk: int):
    handover.forget(_kept(request, pk, DELETE), request.user)
    return redirect("rights:handovers")
