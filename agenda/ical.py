"""iCalendar (RFC 5545) feeds, built with the `icalendar` library.

One VEVENT per event: its first date with its zone (TZID, and the VTIMEZONE the library adds), the RRULE of
`domain/recurrence.py`, an EXDATE for every date the rule gives that has no session (holidays, dates skipped or
cancelled). UID is the event's own UUID (stable whatever changes), SEQUENCE goes up with each change a calendar
shows (`domain/events.CALENDAR_FIELDS`), a cancelled event stays with STATUS:CANCELLED so calendars drop it.
Nothing about registrants is ever written here.
"""

import datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext

from agenda.domain import recurrence
from agenda.domain.registrations import where
from agenda.models import Event, Occurrence

KEEP_PAST_DAYS = 90


def feed_events(events):
    """Published and cancelled events with a date in the last `KEEP_PAST_DAYS` days or later."""
    since = timezone.now() - datetime.timedelta(days=KEEP_PAST_DAYS)
    return (
        events.filter(status__in=[Event.Status.PUBLISHED, Event.Status.CANCELLED], occurrences__starts_at__gte=since)
        .distinct().select_related("place", "structure").order_by("pk")
    )  # fmt: skip


def _uid(event: Event) -> str:
    return f"{event.uid}@{urlsplit(settings.ANCRAGE_SITE_URL).hostname or 'ancrage'}"


def vevent(event: Event) -> icalendar.Event:
    start = recurrence.first_start(event)
    component = _component(event, _uid(event), start, start + recurrence.duration(event))
    rule = recurrence.rrule(event)
    if rule:
        component.add("rrule", icalendar.vRecur.from_ical(rule))
        excluded = recurrence.excluded_starts(event)
        if excluded:
            component.add("exdate", excluded)
    return component


def occurrence_vevent(occurrence: Occurrence) -> icalendar.Event:
    """One date alone (« add the date I registered for »): its own stable UID, no RRULE."""
    event = occurrence.event
    zone = ZoneInfo(event.timezone)
    uid = f"{event.uid}-{occurrence.pk}@{urlsplit(settings.ANCRAGE_SITE_URL).hostname or 'ancrage'}"
    component = _component(event, uid, occurrence.starts_at.astimezone(zone), occurrence.ends_at.astimezone(zone))
    if occurrence.cancelled:
        component["status"] = "CANCELLED"
    return component


def _component(event: Event, uid: str, start, end) -> icalendar.Event:
    component = icalendar.Event()
    component.add("uid", uid)
    component.add("sequence", event.sequence)
    component.add("dtstamp", event.updated_at or timezone.now())
    component.add("last-modified", event.updated_at or timezone.now())
    component.add("summary", event.title)
    component.add("dtstart", start)
    component.add("dtend", end)
    text = [event.description, gettext("Organisé par %(name)s.") % {"name": event.structure.name}]
    if event.takes_registrations:
        text.append(
            gettext("Inscription sur %(url)s")
            % {"url": settings.ANCRAGE_SITE_URL.rstrip("/") + event.get_absolute_url()}
        )
    elif event.registration == Event.Registration.PHONE:
        text.append(gettext("Inscription par téléphone : %(phone)s") % {"phone": event.phone})
    component.add("description", "\n\n".join(t for t in text if t))
    component.add("location", event.online_url if event.mode == Event.Mode.ONLINE else where(event))
    if event.latitude is not None and event.mode != Event.Mode.ONLINE:
        component.add("geo", (event.latitude, event.longitude))
    component.add("url", settings.ANCRAGE_SITE_URL.rstrip("/") + event.get_absolute_url())
    component.add("categories", [str(event.get_kind_display()), str(event.theme_label)])
    component.add("status", "CANCELLED" if event.status == Event.Status.CANCELLED else "CONFIRMED")
    return component


def calendar(events, name: str, components=None) -> bytes:
    cal = icalendar.Calendar()
    cal.add("prodid", f"-//{settings.ANCRAGE_SITE_NAME}//Agenda//FR")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    for component in components if components is not None else (vevent(event) for event in events):
        cal.add_component(component)
    cal.add_missing_timezones()
    return cal.to_ical()
