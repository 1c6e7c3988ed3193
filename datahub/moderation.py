"""Doubtful merges in the moderation queue (the coordination decides them on the side-by-side comparison), and a
place's whole history for moderators, with « Revenir à cette valeur »."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext, gettext_lazy
from django.views.decorators.http import require_POST

from accounts.permissions import MERGE, MODERATE, can
from datahub import history as history_of
from datahub.models import FieldChange, MergeCandidate
from directory.models import Place
from moderation import registry
from moderation.views import moderator_only


def _waiting(user):
    if not can(user, MERGE):  # merging is the coordination's: moderators do not see these
        return MergeCandidate.objects.none()
    pending = MergeCandidate.objects.filter(status=MergeCandidate.Status.PENDING, other__isnull=False)
    return pending.select_related("place").order_by("created_at", "pk")


def pending(user):
    for candidate in _waiting(user).iterator(chunk_size=100):
        yield registry.Item(
            kind="doublons",
            title=gettext("Doublon possible : « %(place)s » et « %(other)s »")
            % {"place": candidate.place.nom, "other": candidate.other_name},
            url=reverse("admin:datahub_mergecandidate_change", args=[candidate.pk]),
            created=candidate.created_at,
            summary=candidate.reasons[:120],
        )


def register():
    registry.register(
        "doublons", gettext_lazy("Doublons possibles"), pending, count=lambda user: _waiting(user).count()
    )


# --- a place's whole history, for moderators, with « Revenir à cette valeur » --------------------------------


@moderator_only
def history(request, pk: int):
    place = get_object_or_404(Place, pk=pk)
    if not can(request.user, MODERATE, place):
        raise PermissionDenied(gettext("Cette page est réservée à l’équipe de modération."))
    context = {"place": place, "changes": history_of.changes(place), "events": history_of.events(place)}
    return render(request, "datahub/history.html", context)


@require_POST
@moderator_only
def revert(request, pk: int):
    change = get_object_or_404(FieldChange.objects.select_related("record"), pk=pk)
    target = history_of.target_of(change)
    if target is None or not can(request.user, MODERATE, target):
        raise PermissionDenied(gettext("Cette page est réservée à l’équipe de modération."))
    try:
        history_of.revert(change, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            gettext("La valeur d’avant est rétablie : « %(value)s ».")
            % {"value": change.old_value or gettext("(vide)")},
        )
    place = target if isinstance(target, Place) else target.place
    return redirect(reverse("datahub:history", args=[place.pk]))
