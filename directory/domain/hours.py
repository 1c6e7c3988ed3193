"""Opening hours in the OpenStreetMap `opening_hours` format, read for people.

Everything is computed in the place's own local time (`territory.timezones`, from its INSEE code) with
French public holidays (`PH`). The raw OSM syntax is never shown to the public: valid hours are phrased in
French, invalid ones are shown only when they are already words a person reads (`readable_text`).
"""

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import opening_hours
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop, pgettext
from django.utils.translation import gettext_lazy as _

from territory.timezones import timezone_for_insee

NBSP = "\u00a0"

DAY_NAMES = [_("lundi"), _("mardi"), _("mercredi"), _("jeudi"), _("vendredi"), _("samedi"), _("dimanche")]
MONTH_NAMES = [
    _("janvier"), _("février"), _("mars"), _("avril"), _("mai"), _("juin"),
    _("juillet"), _("août"), _("septembre"), _("octobre"), _("novembre"), _("décembre"),
]  # fmt: skip
HORIZON_DAYS = 14  # « open on Tuesday »: in the next two weeks; « closed »: no opening in that time


@lru_cache(maxsize=4096)
def parse(horaires: str) -> opening_hours.OpeningHours | None:
    """The parsed expression, or None when it is empty or not valid OSM syntax."""
    if not horaires or not horaires.strip():
        return None
    try:
        return opening_hours.OpeningHours(horaires.strip(), country="FR", max_interval_days=30)
    except (opening_hours.ParserError, SyntaxError, ValueError):
        return None


def is_valid(horaires: str) -> bool:
    return parse(horaires) is not None


def local_now(tz: str | None = None) -> datetime:
    """Now, as a naive wall-clock time in the zone `tz` (the site's zone by default), to the minute."""
    return to_local(timezone.now(), tz)


def to_local(moment: datetime, tz: str | None = None) -> datetime:
    """An aware moment as a naive wall-clock time in the zone `tz`; a naive moment is taken as already local."""
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment, ZoneInfo(tz) if tz else None)
    return moment.replace(tzinfo=None, second=0, microsecond=0)


def place_now(code_insee: str, now: datetime | None = None) -> datetime:
    """The wall-clock time at a place (overseas places have their own time zone)."""
    return to_local(now or timezone.now(), timezone_for_insee(code_insee))


def format_time(moment: time | datetime) -> str:
    """9 h, 9 h 30, 12 h 15 — with non-breaking spaces, so that a time never breaks across lines."""
    if moment.hour == 0 and moment.minute == 0 and isinstance(moment, datetime):
        return gettext("minuit")
    if moment.minute == 0:
        return gettext("%(hour)s h") % {"hour": moment.hour}
    return gettext("%(hour)s h %(minute)s") % {"hour": moment.hour, "minute": f"{moment.minute:02d}"}


_OSM_TOKENS = re.compile(r"\b(Mo|Tu|We|Th|Fr|Sa|Su|PH|SH|off|open|closed)\b|\d\d?:\d\d\s*-|[;\[\]]")


def readable_text(horaires: str) -> str:
    """Hours that are not valid OSM syntax, when they are already plain words (else "": never raw syntax)."""
    value = (horaires or "").strip()
    if not value or parse(value) is not None or _OSM_TOKENS.search(value) or not re.search(r"[a-zà-ÿ]{4}", value):
        return ""
    return value


@lru_cache(maxsize=1)
def _holidays() -> opening_hours.OpeningHours:
    return opening_hours.OpeningHours("PH", country="FR")


def is_public_holiday(day: date) -> bool:
    return _holidays().is_open(datetime.combine(day, time(12)))


def has_holiday_rule(horaires: str) -> bool:
    """Whether the hours say what happens on public holidays (`PH off`, `PH 10:00-12:00`…)."""
    return bool(re.search(r"\bPH\b", horaires or ""))


def _unchecked_holiday(horaires: str, day: date) -> bool:
    return is_public_holiday(day) and not has_holiday_rule(horaires)


def format_day(day: date, today: date) -> str:
    if day == today:
        return gettext("aujourd’hui")
    if day == today + timedelta(days=1):
        return gettext("demain")
    if day - today < timedelta(days=7):
        return str(DAY_NAMES[day.weekday()])
    return gettext("le %(weekday)s %(day)s %(month)s") % {
        "weekday": DAY_NAMES[day.weekday()],
        "day": day.day,
        "month": MONTH_NAMES[day.month - 1],
    }


def _open_spans(oh, start: datetime, end: datetime) -> list[tuple[datetime, datetime]]:
    return [(a, b) for a, b, state, _ in oh.intervals(start, end) if state == opening_hours.State.OPEN]


UNKNOWN = gettext_noop("Horaires non renseignés")


@dataclass(frozen=True)
class Status:
    """Whether a place is open at a moment, and what changes next, in plain French."""

    known: bool
    is_open: bool = False
    label: str = UNKNOWN  # the callers give it in the language of the page
    next_opening: datetime | None = None

    @property
    def css(self) -> str:
        return "open" if self.is_open else "closed" if self.known else "unknown"


HOLIDAY_TO_CHECK = gettext_noop("Jour férié : horaires à vérifier")


def status(horaires: str, now: datetime | None = None, code_insee: str = "") -> Status:
    """Open or closed at `now` (aware: converted to the place's zone; naive: the place's wall-clock time).

    On a public holiday, hours that say nothing about holidays give "à vérifier", never "Ouvert".
    """
    oh = parse(horaires)
    if oh is None:
        text = readable_text(horaires)  # hours written in words are shown as they are, never raw syntax
        return (
            Status(known=False, label=text if len(text) <= 120 else text[:119] + "…")
            if text
            else Status(False, label=gettext(UNKNOWN))
        )
    now = place_now(code_insee, now)
    if _unchecked_holiday(horaires, now.date()):
        return Status(known=False, label=gettext(HOLIDAY_TO_CHECK))
    if oh.is_unknown(now):
        return Status(known=False, label=gettext("Horaires à vérifier"))
    spans = _open_spans(oh, now, now + timedelta(days=HORIZON_DAYS))
    if not spans:
        return Status(known=True, label=gettext("Fermé dans les %(days)s prochains jours") % {"days": HORIZON_DAYS})
    first_start, first_end = spans[0]
    if first_start <= now:
        end = first_end
        # Merge back-to-back spans (e.g. across midnight) into one "open until".
        for start, finish in spans[1:]:
            if start != end:
                break
            end = finish
        return Status(known=True, is_open=True, label=gettext("Ouvert jusqu’à %(time)s") % {"time": format_time(end)})
    day = format_day(first_start.date(), now.date())
    if _unchecked_holiday(horaires, first_start.date()):
        return Status(known=True, label=gettext("Fermé · %(day)s (jour férié) : horaires à vérifier") % {"day": day})
    return Status(
        known=True,
        label=gettext("Fermé · ouvre %(day)s à %(time)s") % {"day": day, "time": format_time(first_start)},
        next_opening=first_start,
    )


def is_open_at(horaires: str, moment: datetime, code_insee: str = "") -> bool:
    """Surely open at `moment` (a public holiday the hours say nothing about is not "surely open")."""
    oh = parse(horaires)
    if oh is None:
        return False
    moment = place_now(code_insee, moment)
    return oh.is_open(moment) and not _unchecked_holiday(horaires, moment.date())


def open_weekdays(horaires: str, today: date | None = None) -> str:
    """The weekdays (1 = Monday) on which these hours may open, whatever the season, as "|1|2|5|".

    Stored on the place as a database pre-filter for "open on Tuesday". It is read from the rules
    themselves, not from a window of dates, so it never goes stale: a rule's weekdays count whatever
    its months or dates ("Jul-Aug Sa 09:00-12:00" counts Saturday), a rule without weekdays counts every
    day, and a plain "We off" removes Wednesday. The exact answer for the coming days is computed at query
    time from the hours (`opens_on_weekday`). `today` is kept for callers; the result does not depend on it.
    """
    return _open_weekdays(horaires) if parse(horaires) is not None else ""


_DAY_CODES = {code: index + 1 for index, code in enumerate(["mo", "tu", "we", "th", "fr", "sa", "su"])}
_DAY_RANGE = re.compile(r"\b(mo|tu|we|th|fr|sa|su)\b(?:\[[^\]]*\])?(?:\s*-\s*\b(mo|tu|we|th|fr|sa|su)\b)?")
_CLOSED = re.compile(r"\b(off|closed)\b")
_ONLY_DAYS = re.compile(r"^[\s,a-z\-]*$")


@lru_cache(maxsize=4096)
def _open_weekdays(horaires: str) -> str:
    days: set[int] = set()
    for rule in re.split(r";|\|\|", horaires.lower()):
        rule = re.sub(r'"[^"]*"', "", rule).strip()  # comments
        if not rule:
            continue
        named: set[int] = set()
        for start, end in _DAY_RANGE.findall(rule):
            first, last = _DAY_CODES[start], _DAY_CODES[end or start]
            named |= {(first - 1 + step) % 7 + 1 for step in range((last - first) % 7 + 1)}
        if _CLOSED.search(rule):
            # "We off" (weekdays only) closes those days; a dated closure ("Aug off") may not close them all.
            if named and _ONLY_DAYS.match(_CLOSED.sub("", rule).replace("ph", "")):
                days -= named
            continue
        days |= named or set(range(1, 8))
    return "|" + "|".join(str(d) for d in sorted(days)) + "|" if days else ""


@lru_cache(maxsize=16384)
def opens_on_weekday(horaires: str, weekday: int, today: date) -> bool:
    """Whether these hours open on that ISO weekday in the next two weeks from `today` (computed at query time)."""
    oh = parse(horaires)
    if oh is None:
        return False
    start = datetime.combine(today, time())
    return any(a.isoweekday() == weekday for a, _ in _open_spans(oh, start, start + timedelta(days=HORIZON_DAYS)))


@dataclass(frozen=True)
class DayHours:
    day: date
    name: str
    spans: list[str]
    is_today: bool
    to_check: bool = False

    @property
    def text(self) -> str:
        if self.to_check:
            return gettext("Jour férié : à vérifier")
        return ", ".join(self.spans) if self.spans else pgettext("day", "Fermé")


def _span_text(start: datetime, end: datetime, state, comment: str) -> str:
    if end - start >= timedelta(days=1):
        text = gettext("toute la journée")
    else:
        text = f"{format_time(start)} – {format_time(end)}"
    if state == opening_hours.State.UNKNOWN:
        if end - start >= timedelta(days=1):
            text = gettext("à vérifier")
        else:
            text = gettext("%(spans)s (à vérifier)") % {"spans": text}
    return f"{text} ({comment})" if comment else text


def week_table(horaires: str, today: date | None = None, code_insee: str = "") -> list[DayHours]:
    """The seven days from Monday of the current week, with their opening spans in French."""
    oh = parse(horaires)
    if oh is None:
        return []
    today = today or place_now(code_insee).date()
    monday = today - timedelta(days=today.weekday())
    table = []
    for offset in range(7):
        day = monday + timedelta(days=offset)
        start = datetime.combine(day, time())
        spans = [
            _span_text(a, b, state, comment)
            for a, b, state, comment in oh.intervals(start, start + timedelta(days=1))
            if state in (opening_hours.State.OPEN, opening_hours.State.UNKNOWN)
        ]
        table.append(
            DayHours(
                day=day,
                name=str(DAY_NAMES[day.weekday()]).capitalize(),
                spans=spans,
                is_today=day == today,
                to_check=_unchecked_holiday(horaires, day),
            )
        )
    return table


def exceptions(horaires: str, today: date | None = None, code_insee: str = "") -> list[str]:
    """Plain-French notes on what differs from the usual week: holidays, alternate weeks."""
    oh = parse(horaires)
    if oh is None:
        return []
    today = today or place_now(code_insee).date()
    notes = []
    text = horaires.replace(" ", "")
    if "PHoff" in text:
        notes.append(gettext("Fermé les jours fériés."))
    elif not has_holiday_rule(horaires):
        notes.append(gettext("Jours fériés : les horaires ne sont pas précisés, vérifiez avant de vous déplacer."))
    if "week" in horaires:
        notes.append(gettext("Les horaires changent d’une semaine à l’autre : vérifiez la semaine qui vous intéresse."))
    this_week = [d.spans for d in week_table(horaires, today)]
    next_week = [d.spans for d in week_table(horaires, today + timedelta(days=7))]
    if this_week != next_week and "week" not in horaires:
        notes.append(gettext("Les horaires de la semaine prochaine sont différents."))
    return notes
