"""A structure's year in the agenda, counted for the network's yearly summary and the observatory: dates held,
seats registered, people present. Counts only, never a person."""

from django.db.models import Count, Q, Sum
from django.utils import timezone

from agenda.models import Event, Occurrence, Registration


def yearly_counts(structure, year: int) -> dict[str, int]:
    held = Occurrence.objects.filter(
        event__structure=structure,
        event__status=Event.Status.PUBLISHED,
        cancelled=False,
        starts_at__year=year,
        starts_at__lt=timezone.now(),
    )
    registrations = Registration.objects.filter(occurrence__in=held, status=Registration.Status.REGISTERED)
    totals = registrations.aggregate(seats=Sum("seats"), present=Sum("attended", filter=Q(attended__isnull=False)))
    return {
        "events_held": held.aggregate(n=Count("pk"))["n"],
        "registrations": totals["seats"] or 0,
        "attendance": totals["present"] or 0,
    }
