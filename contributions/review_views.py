"""The review page of one contribution (`/moderation/modifications/<id>/`), linked from the moderation queue."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.permissions import MODERATE, can
from contributions.domain import review
from contributions.fields import group, label, model_of, readable
from contributions.forms import ReviewForm
from contributions.models import Contribution


@dataclass
class Row:
    field: str
    model: type
    label: str
    old: str
    new: str
    decision: str
    note: str
    group: str


def _rows(contribution) -> list[Row]:
    model = model_of(contribution)
    return [
        Row(e.field, model, label(model, e.field), readable(model, e.field, e.old_value),
            readable(model, e.field, e.new_value), e.get_decision_display() if e.decision else "", e.note,
            group(e.field))
        for e in contribution.fields.all()
    ]  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def review_contribution(request, pk: int):
    contribution = get_object_or_404(
        Contribution.objects.select_related("place", "author", "structure", "reviewed_by"), pk=pk
    )
    if not can(request.user, MODERATE, contribution):
        raise PermissionDenied
    rows = _rows(contribution)
    form = ReviewForm(request.POST or None, contribution=contribution, rows=rows) if contribution.waiting else None
    if request.method == "POST" and form is not None and form.is_valid():
        review.decide(contribution, request.user, form.decisions(), form.cleaned_data["reason"])
        messages.success(request, _("Décision enregistrée. L’auteur ou l’autrice en est informé(e) par courriel."))
        return redirect("contributions:review", contribution.pk)
    groups = {}
    for row in rows:
        groups.setdefault("tout" if form and form.whole else row.group, []).append(row)
    context = {"contribution": contribution, "rows": rows, "form": form, "groups": groups}
    return render(request, "contributions/review.html", context, status=400 if form and form.errors else 200)
