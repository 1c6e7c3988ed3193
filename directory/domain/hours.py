"""Opening hours in the OpenStreetMap `opening_hours` format, read for people.

Everything is computed in Europe/Paris local time with French public holidays (`PH`).
"""

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache

import opening_hours
from django.utils import timezone

DAY_NAMES = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
MONTH_NAMES = [
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
]  # fmt: skip
_HORIZON_DAYS = 14


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


def local_now() -> datetime:
    return timezone.localtime().replace(tzinfo=None, second=0, microsecond=0)


def format_time(moment: time | datetime) -> str:
    """9 h, 9 h 30, 12 h 15."""
    if moment.hour == 0 and moment.minute == 0 and isinstance(moment, datetime):
        return "minuit"
    return f"{moment.hour} h" if moment.minute == 0 else f"{moment.hour} h {moment.minute:02d}"


def format_day(day: date, today: date) -> str:
    if day == today:
        return "aujourd’hui"
    if day == today + timedelta(days=1):
        return "demain"
    if day - today < timedelta(days=7):
        return DAY_NAMES[day.weekday()]
    return f"le {DAY_NAMES[day.weekday()]} {day.day} {MONTH_NAMES[day.month - 1]}"


def _open_spans(oh, start: datetime, end: datetime) -> list[tuple[datetime, datetime]]:
    return [(a, b) for a, b, state, _ in oh.intervals(start, end) if state == opening_hours.State.OPEN]


@dataclass(frozen=True)
class Status:
    """Whether a place is open at a moment, and what changes next, in plain French."""

    known: bool
    is_open: bool = False
    label: str = "Horaires non renseignés"
    next_opening: datetime | None = None


def status(horaires: str, now: datetime | None = None) -> Status:
    oh = parse(horaires)
    if oh is None:
        return Status(known=False)
    now = now or local_now()
    spans = _open_spans(oh, now, now + timedelta(days=_HORIZON_DAYS))
    if not spans:
        return Status(known=True, label=f"Fermé dans les {_HORIZON_DAYS} prochains jours")
    first_start, first_end = spans[0]
    if first_start <= now:
        end = first_end
        # Merge back-to-back spans (e.g. across midnight) into one "open until".
        for start, finish in spans[1:]:
            if start != end:
                break
            end = finish
        return Status(known=True, is_open=True, label=f"Ouvert jusqu’à {format_time(end)}")
    day = format_day(first_start.date(), now.date())
    return Status(
        known=True,
        label=f"Fermé · ouvre {day} à {format_time(first_start)}",
        next_opening=first_start,
    )


def is_open_at(horaires: str, moment: datetime) -> bool:
    oh = parse(horaires)
    return oh is not None and oh.is_open(moment)


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
    return any(a.isoweekday() == weekday for a, _ in _open_spans(oh, start, start + timedelta(days=_HORIZON_DAYS)))


@dataclass(frozen=True)
class DayHours:
    day: date
    name: str
    spans: list[str]
    is_today: bool

    @property
    def text(self) -> str:
        return ", ".join(self.spans) if self.spans else "Fermé"


def week_table(horaires: str, today: date | None = None) -> list[DayHours]:
    """The seven days from Monday of the current week, with their opening spans in French."""
    oh = parse(horaires)
    if oh is None:
        return []
    today = today or local_now().date()
    monday = today - timedelta(days=today.weekday())
    table = []
    for offset in range(7):
        day = monday + timedelta(days=offset)
        start = datetime.combine(day, time())
        spans = _open_spans(oh, start, start + timedelta(days=1))
        table.append(
            DayHours(
                day=day,
                name=DAY_NAMES[day.weekday()].capitalize(),
                spans=[f"{format_time(a)} – {format_time(b)}" for a, b in spans],
                is_today=day == today,
            )
        )
    return table


def exceptions(horaires: str, today: date | None = None) -> list[str]:
    """Plain-French notes on what differs from the usual week: holidays, alternate weeks."""
    oh = parse(horaires)
    if oh is None:
        return []
    today = today or local_now().date()
    notes = []
    text = horaires.replace(" ", "")
    if "PHoff" in text:
        notes.append("Fermé les jours fériés.")
    if "week" in horaires:
        notes.append("Les horaires changent d’une semaine à l’autre : vérifiez la semaine qui vous intéresse.")
    this_week = [d.spans for d in week_table(horaires, today)]
    next_week = [d.spans for d in week_table(horaires, today + timedelta(days=7))]
    if this_week != next_week and "week" not in horaires:
        notes.append("Les horaires de la semaine prochaine sont différents.")
    return notes
