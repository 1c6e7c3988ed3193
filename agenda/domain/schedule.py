"""Occurrences materialised from an event's schedule, up to a horizon (`ANCRAGE_AGENDA_HORIZON_DAYS`).

`materialise(event)` makes the future dates match the schedule: missing ones are created, those the schedule no
longer has are deleted when nobody registered, else cancelled (their registrants are told by the caller:
`domain/changes.py`). A change of time moves the dates of the same day instead (registrations follow).
The daily job `agenda.tasks.extend_occurrences` calls it for every published event, so the horizon slides.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from agenda.domain import recurrence
from agenda.models import Event, Occurrence


@dataclass
class Outcome:
    created: list = field(default_factory=list)
    moved: list = field(default_factory=list)  # (occurrence, old start)
    cancelled: list = field(default_factory=list)


def horizon(now=None) -> datetime.datetime:
    return (now or timezone.now()) + datetime.timedelta(days=settings.ANCRAGE_AGENDA_HORIZON_DAYS)


@transaction.atomic
def materialise(event: Event, now=None) -> Outcome:
    now = now or timezone.now()
    limit = horizon(now)
    length = recurrence.duration(event)
    wanted = [s for s in recurrence.planned_starts(event) if now <= s <= limit] if event.status != "annule" else []
    by_day = {s.date(): s for s in wanted}
    outcome = Outcome()
    existing = list(event.occurrences.filter(starts_at__gte=now, cancelled=False))
    for occurrence in existing:
        local = timezone.localtime(occurrence.starts_at, event_zone(event))
        start = by_day.pop(local.date(), None)
        if start is None:
            if occurrence.registrations.exists():
                occurrence.cancelled = True
                occurrence.save(update_fields=["cancelled"])
                outcome.cancelled.append(occurrence)
            else:
                occurrence.delete()
            continue
        if start != occurrence.starts_at or occurrence.ends_at != start + length:
            old = occurrence.starts_at
            occurrence.starts_at, occurrence.ends_at = start, start + length
            occurrence.save(update_fields=["starts_at", "ends_at"])
            if start != old:
                outcome.moved.append((occurrence, old))
        capacity = _capacity(event)
        if occurrence.capacity != capacity:
            occurrence.capacity = None if capacity is None else max(capacity, occurrence.taken)
            occurrence.save(update_fields=["capacity"])
    known = {
        timezone.localtime(s, event_zone(event)).date()
        for s in event.occurrences.filter(starts_at__gte=now).values_list("starts_at", flat=True)
    }
    for day, start in sorted(by_day.items()):
        if day in known:
            continue  # a date cancelled by the organiser stays cancelled
        outcome.created.append(
            Occurrence.objects.create(event=event, starts_at=start, ends_at=start + length, capacity=_capacity(event))
        )
    return outcome


def _capacity(event: Event) -> int | None:
    return event.capacity if event.takes_registrations else None


def event_zone(event: Event):
    from zoneinfo import ZoneInfo

    return ZoneInfo(event.timezone)


def extend_all(now=None) -> int:
    """Slide the horizon for every published event; returns how many dates were created."""
    created = 0
    for event in Event.objects.published().iterator():
        created += len(materialise(event, now).created)
    return created
