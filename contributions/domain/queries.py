"""What a member's space shows: their places, the edits waiting on each, the public page with pending edits."""

from django.db.models import Count, Q

from accounts.permissions import structures_of
from contributions.models import Contribution, FieldEdit
from datahub.values import apply, from_json
from directory.domain import temporary
from directory.models import Place, Service, TemporaryInfo


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


def pending_edits(place: Place, service: Service | None = None):
    """Fields of the place (or of one of its services) edited and not yet applied (a structure not yet
    validated), oldest first."""
    edits = FieldEdit.objects.filter(
        contribution__place=place, contribution__status=Contribution.Status.PENDING,
        contribution__action=Contribution.Action.EDIT, decision="",
    ).order_by("contribution__created_at", "pk")  # fmt: skip
    if service is None:
        return edits.filter(contribution__service__isnull=True, contribution__service_name="")
    return edits.filter(contribution__service=service)


def with_pending(obj: Place | Service) -> Place | Service:
    """The place or service as it will read once its waiting edits are accepted (in memory: nothing saved)."""
    edits = pending_edits(obj) if isinstance(obj, Place) else pending_edits(obj.place, obj)
    apply(obj, {edit.field: edit.new_value for edit in edits})
    return obj


def services_with_pending(place: Place) -> list[Service]:
    """The place's services once its waiting edits, additions and removals are accepted (nothing saved)."""
    waiting = Contribution.objects.filter(place=place, status=Contribution.Status.PENDING)
    removed = set(waiting.filter(action=Contribution.Action.DELETE).values_list("service_id", flat=True))
    services = [with_pending(s) for s in place.services.select_related("place") if s.pk not in removed]
    for added in waiting.filter(action=Contribution.Action.ADD).prefetch_related("fields"):
        services.append(Service(place=place, **{e.field: from_json(e.field, e.new_value) for e in added.fields.all()}))
    return services


def has_pending(place: Place) -> bool:
    return Contribution.objects.filter(place=place, status=Contribution.Status.PENDING).exists()


def history(place: Place, limit: int = 20) -> list[Contribution]:
    return list(
        Contribution.objects.filter(place=place).select_related("author").prefetch_related("fields")
        .order_by("-created_at")[:limit]
    )  # fmt: skip


def temporary_infos(place: Place) -> list[TemporaryInfo]:
    """The place's closures, exceptional hours and messages not yet ended (in force or to come), first day first."""
    today = temporary.place_today(place)
    return list(place.temporary_infos.filter(fin__gte=today).select_related("service").order_by("debut", "pk"))
