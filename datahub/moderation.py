"""Doubtful merges in the moderation queue: the coordination decides them on the side-by-side comparison."""

from django.urls import reverse

from accounts.permissions import MERGE, can
from datahub.models import MergeCandidate
from moderation import registry


def _waiting(user):
    if not can(user, MERGE):  # merging is the coordination's: moderators do not see these
        return MergeCandidate.objects.none()
    pending = MergeCandidate.objects.filter(status=MergeCandidate.Status.PENDING, other__isnull=False)
    return pending.select_related("place").order_by("created_at", "pk")


def pending(user):
    for candidate in _waiting(user).iterator(chunk_size=100):
        yield registry.Item(
            kind="doublons",
            title=f"Doublon possible : « {candidate.place.nom} » et « {candidate.other_name} »",
            url=reverse("admin:datahub_mergecandidate_change", args=[candidate.pk]),
            created=candidate.created_at,
            summary=candidate.reasons[:120],
        )


def register():
    registry.register("doublons", "Doublons possibles", pending, count=lambda user: _waiting(user).count())
