"""An event's schedule: the simple form's choices → an RFC 5545 RRULE, and the dates it gives.

Dates are computed in the event's own time zone, on the wall clock: a workshop at 14:00 stays at 14:00 across
the changes to and from summer time (dateutil's rrule builds each date from its fields, with the zone attached;
the zone gives each its offset). Exceptions: public holidays (`holidays.py`) when `skip_holidays`, and the
explicit `skipped_dates`. A recurrence must end (a date or a number of times), within `MAX_MONTHS`.
"""

import datetime
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from agenda.domain.holidays import name_of

DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
MAX_MONTHS = 24


def rrule(event) -> str:
    """The event's RRULE value ("" for a one-off), e.g. "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=10"."""
    if not event.repeat:
        return ""
    parts = []
    if event.repeat == "hebdo":
        days = sorted(set(event.weekdays or [event.start_date.weekday()]))
        parts = ["FREQ=WEEKLY", f"INTERVAL={event.interval or 1}", "BYDAY=" + ",".join(DAYS[d] for d in days)]
    elif event.repeat == "mois-jour":
        parts = ["FREQ=MONTHLY", f"INTERVAL={event.interval or 1}", f"BYMONTHDAY={event.start_date.day}"]
    elif event.repeat == "mois-semaine":
        nth = (event.start_date.day - 1) // 7 + 1
        nth = -1 if nth == 5 else nth  # « the fifth Tuesday » only exists some months: « the last » is meant
        parts = ["FREQ=MONTHLY", f"INTERVAL={event.interval or 1}", f"BYDAY={nth}{DAYS[event.start_date.weekday()]}"]
    if event.count:
        parts.append(f"COUNT={event.count}")
    else:
        parts.append("UNTIL=" + _until_utc(event).strftime("%Y%m%dT%H%M%SZ"))
    return ";".join(parts)


def _until_utc(event) -> datetime.datetime:
    """The last instant of the `until` day in the event's zone, in UTC (RFC 5545: UNTIL in UTC when DTSTART has
    a zone)."""
    last = event.until or _last_day(event)
    end = datetime.datetime.combine(last, datetime.time(23, 59, 59), ZoneInfo(event.timezone))
    return end.astimezone(datetime.UTC)


def _last_day(event) -> datetime.date:
    return event.start_date + datetime.timedelta(days=round(MAX_MONTHS * 30.5))


def skipped(event, day: datetime.date) -> str:
    """Why this day has no session ("" when it has one): a public holiday, or a date the organiser skipped."""
    if day.isoformat() in (event.skipped_dates or []):
        return _("date annulée par l’organisateur")
    if event.skip_holidays and (holiday := name_of(day)):
        return _("jour férié (%(name)s)") % {"name": holiday}
    return ""


def first_start(event) -> datetime.datetime:
    return datetime.datetime.combine(event.start_date, event.start_time, ZoneInfo(event.timezone))


def duration(event) -> datetime.timedelta:
    start = datetime.datetime.combine(event.start_date, event.start_time)
    end = datetime.datetime.combine(event.start_date, event.end_time)
    return end - start if end > start else end + datetime.timedelta(days=1) - start


def rule_starts(event) -> list[datetime.datetime]:
    """Every start the rule gives, exceptions included (what an iCalendar client expands from RRULE alone)."""
    start = first_start(event)
    text = rrule(event)
    if not text:
        return [start]
    return list(rrulestr(text, dtstart=start))


def planned_starts(event) -> list[datetime.datetime]:
    """The starts that have a session: the rule's, minus holidays and skipped dates (aware, in the event's zone)."""
    return [start for start in rule_starts(event) if not skipped(event, start.date())]


def excluded_starts(event) -> list[datetime.datetime]:
    """The rule's starts that have no session (EXDATE in iCalendar)."""
    return [start for start in rule_starts(event) if skipped(event, start.date())]


def describe(event) -> str:
    """The schedule in words: « Chaque semaine le mardi et le jeudi, jusqu’au 30 juin 2027 »."""
    from web.french import day

    if not event.repeat:
        return ""
    every = event.interval or 1
    if event.repeat == "hebdo":
        days = [str(WEEKDAYS[d]) for d in sorted(set(event.weekdays or [event.start_date.weekday()]))]
        listed = (
            days[0]
            if len(days) == 1
            else _("%(first)s et %(last)s") % {"first": ", ".join(days[:-1]), "last": days[-1]}
        )
        head = ngettext("Chaque semaine le %(days)s", "Toutes les %(n)s semaines le %(days)s", every) % {
            "n": every,
            "days": listed,
        }
    elif event.repeat == "mois-jour":
        head = ngettext("Chaque mois le %(day)s", "Tous les %(n)s mois le %(day)s", every) % {
            "n": every,
            "day": event.start_date.day,
        }
    else:
        nth = (event.start_date.day - 1) // 7 + 1
        weekday = str(WEEKDAYS[event.start_date.weekday()])
        if nth == 5:
            head = ngettext("Chaque mois le dernier %(weekday)s", "Tous les %(n)s mois le dernier %(weekday)s", every)
        elif nth == 1:
            head = ngettext("Chaque mois le 1er %(weekday)s", "Tous les %(n)s mois le 1er %(weekday)s", every)
        else:
            head = ngettext(
                "Chaque mois le %(rank)se %(weekday)s", "Tous les %(n)s mois le %(rank)se %(weekday)s", every
            )
        head = head % {"n": every, "rank": nth, "weekday": weekday}
    if event.count:
        tail = ngettext(", %(n)s séance", ", %(n)s séances", event.count) % {"n": event.count}
    elif event.until:
        tail = _(", jusqu’au %(day)s") % {"day": day(event.until)}
    else:
        tail = ""
    holidays = _(", sauf les jours fériés") if event.skip_holidays else ""
    return head + tail + holidays
