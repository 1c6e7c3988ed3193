"""Neighbourhood commissions: public ranking and minutes; members rank and publish."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.permissions import can
from participation import forms
from participation.domain import commissions
from participation.models import Commission


@require_http_methods(["GET"])
def index(request):
    return render(
        request, "participation/commissions.html", {"commissions": Commission.objects.prefetch_related("communes")}
    )


@require_http_methods(["GET"])
def detail(request, slug: str):
    commission = get_object_or_404(Commission.objects.prefetch_related("communes"), slug=slug)
    return render(
        request,
        "participation/commission.html",
        {
            "commission": commission,
            "ranked": commissions.ranked(commission),
            "minutes": commission.minutes.all(),
            "member": can(request.user, "edit", commission),
        },
    )


def _member_only(request, slug):
    commission = get_object_or_404(Commission, slug=slug)
    if not can(request.user, "edit", commission):
        raise PermissionDenied(_("Réservé aux membres de la commission."))
    return commission


@login_required
@require_http_methods(["GET", "POST"])
def rank(request, slug: str):
    commission = _member_only(request, slug)
    rows = commissions.ranked(commission)
    form = forms.RankForm(request.POST or None, requests=rows)
    if request.method == "POST" and form.is_valid():
        try:
            commissions.rank(commission, form.ranks(), user=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("participation:commission", slug=commission.slug)
    return render(
        request,
        "participation/rank.html",
        {"commission": commission, "form": form, "rows": rows},
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def minutes(request, slug: str):
    commission = _member_only(request, slug)
    form = forms.MinutesForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            commissions.add_minutes(commission, form.cleaned_data["date"], form.cleaned_data["text"], user=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("participation:commission", slug=commission.slug)
    return render(
        request,
        "participation/minutes.html",
        {"commission": commission, "form": form},
        status=400 if form.errors else 200,
    )
