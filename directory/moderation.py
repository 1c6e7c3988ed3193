"""Visitors' error reports in the moderation queue, and the page where a moderator decides on one."""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.permissions import MODERATE, can
from directory.domain import reports
from directory.models import ErrorReport
from moderation import registry
from moderation.views import moderator_only


def _waiting():
    return ErrorReport.objects.filter(status=ErrorReport.Status.NEW).select_related("place").order_by("cree_le", "pk")


def pending(user):
    for report in _waiting().iterator(chunk_size=100):
        yield registry.Item(
            kind="signalements",
            title=f"{report.get_kind_display()} : {report.place.nom}",
            url=reverse("directory:report-review", args=[report.pk]),
            created=report.cree_le,
            summary=report.message[:120],
        )


def register():
    registry.register("signalements", _("Signalements d’erreur"), pending, count=lambda user: _waiting().count())


class DecisionForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Décision"),
        widget=forms.RadioSelect,
        choices=[
            (ErrorReport.Status.DONE, _("Traité : la fiche est corrigée ou était juste")),
            (ErrorReport.Status.REJECTED, _("Sans suite")),
        ],
        error_messages={"required": _("Choisissez une décision.")},
    )
    reply = forms.CharField(
        label=_("Réponse à la personne"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Envoyée par courriel si la personne a laissé son adresse. Obligatoire pour « Sans suite »."),
    )
    notes = forms.CharField(
        label=_("Note pour l’équipe (non envoyée)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


@moderator_only
def review(request, pk: int):
    report = get_object_or_404(ErrorReport.objects.select_related("place"), pk=pk)
    if not can(request.user, MODERATE, report):
        raise PermissionDenied(gettext("Cette page est réservée à l’équipe de modération."))
    form = DecisionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            reports.decide(report, form.cleaned_data["status"], user=request.user, reply=form.cleaned_data["reply"],
                           notes=form.cleaned_data["notes"])  # fmt: skip
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect(reverse("moderation:queue") + "#signalements")
    return render(request, "directory/moderation/report.html", {"report": report, "form": form})
