"""Confirmed proposals in the moderation queue, and the page where a moderator decides on one."""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext, gettext_lazy

from accounts.permissions import MODERATE, can
from moderation import registry
from moderation.views import moderator_only
from proposals.domain import decide
from proposals.domain.flow import check
from proposals.models import Proposal
from proposals.summary import readable

KEY = "propositions"


def _waiting():
    return (
        Proposal.objects.filter(status=Proposal.Status.PENDING).select_related("place").order_by("confirmed_at", "pk")
    )


def pending(user):
    for proposal in _waiting().iterator(chunk_size=100):
        yield registry.Item(
            kind=KEY,
            title=gettext("Proposition : %(title)s") % {"title": proposal.title},
            url=reverse("proposals:review", args=[proposal.pk]),
            created=proposal.confirmed_at or proposal.created,
            summary=gettext("Proposée par %(structure)s") % {"structure": proposal.structure_name},
        )


def register():
    registry.register(KEY, gettext_lazy("Nouvelles propositions"), pending, count=lambda user: _waiting().count())


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=gettext_lazy("Décision"), widget=forms.RadioSelect,
        choices=[("accepter", gettext_lazy("Accepter : le lieu et ses services sont publiés")),
                 ("refuser", gettext_lazy("Refuser"))],
        error_messages={"required": gettext_lazy("Choisissez « Accepter » ou « Refuser ».")},
    )  # fmt: skip
    reason = forms.CharField(
        label=gettext_lazy("Motif du refus"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("Obligatoire pour un refus : il est envoyé à la personne qui a proposé."),
    )  # fmt: skip

    def clean(self):
        data = super().clean()
        if data.get("decision") == "refuser" and not (data.get("reason") or "").strip():
            self.add_error(
                "reason",
                gettext("Dites à la personne pourquoi la proposition est refusée : ce message lui est envoyé."),
            )
        return data


@moderator_only
def review(request, pk: int):
    proposal = get_object_or_404(Proposal.objects.select_related("place"), pk=pk)
    if not can(request.user, MODERATE, proposal):
        raise PermissionDenied(gettext("Cette page est réservée à l’équipe de modération."))
    checked = check(proposal)
    values = checked.place_values() if checked.place is not None and checked.place.is_valid() else {}
    form = DecisionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and proposal.status == Proposal.Status.PENDING and form.is_valid():
        try:
            if form.cleaned_data["decision"] == "accepter":
                decide.accept(proposal, user=request.user)
            else:
                decide.refuse(proposal, user=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect(reverse("moderation:queue") + "#" + KEY)
    return render(request, "proposals/review.html", {
        "proposal": proposal, "checked": checked, "form": form, "summary": readable(checked),
        "duplicates": [p for p in decide.duplicates(values) if p.pk != proposal.created_place_id] if values else [],
    })  # fmt: skip
