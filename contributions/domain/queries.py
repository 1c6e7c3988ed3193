"""What a member's space shows: their places, the edits waiting on each, the public page with pending edits."""

from django.db.models import Count, Q

from accounts.permissions import structures_of
from contributions.models import Contribution, FieldEdit
from datahub.values import apply
from directory.models import Place


def places_of(user) -> list[Place]:
    """The places of the structures `user` works in, with how many of their edits wait for moderation."""
    waiting = Q(contributions__status__in=Contribution.WAITING)
    pending = Q(contributions__status=Contribution.Status.PENDING)
    return list(
        Place.objects.filter(structure__in=structures_of(user))
        .select_related("structure")
        .annotate(n_waiting=Count("contributions", filter=waiting), n_pending=Count("contributions", filter=pending))
        .order_by("structure__name", "nom")
    )


def pending_edits(place: Place):
    """Place fields edited and not yet applied (a structure not yet validated), oldest first."""
    return FieldEdit.objects.filter(
        contribution__place=place, contribution__status=Contribution.Status.PENDING,
        contribution__action=Contribution.Action.EDIT, contribution__service__isnull=True,
        contribution__service_name="", decision="",
    ).order_by("contribution__created_at", "pk")  # fmt: skip


def with_pending(place: Place) -> Place:
    """The place as it will read once its waiting edits are accepted (in memory: nothing is saved)."""
    apply(place, {edit.field: edit.new_value for edit in pending_edits(place)})
    return place


def history(place: Place, limit: int = 20) -> list[Contribution]:
    return list(
        Contribution.objects.filter(place=place).select_related("author").prefetch_related("fields")
        .order_by("-created_at")[:limit]
    )  # fmt: skip
