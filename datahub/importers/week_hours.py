"""Opening hours written one column per weekday (« 09:00 - 12:00 / 13:30 - 17:00 ») → OSM `opening_hours`.

Spreadsheets, and the national France Services list, give each day its own cell. Each cell is a list of
spans (`/`, `,`, `;` or « et » between spans; `-`, `–` or « à » inside; `9h`, `9h30`, `09:00`); an empty
cell or « fermé » is a closed day. A `00:00 - 00:00` span (a placeholder in the France Services list) is
dropped, overlapping spans are joined, and the days that share the same spans are written together:
`Mo-We,Fr 09:00-12:00,13:30-17:00; Sa 09:00-12:00`. The result is checked with `directory.domain.hours`.
"""

import re

from django.utils.translation import gettext, pgettext

from directory.domain import hours

DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
OSM_DAYS = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]

_TIME = r"(\d{1,2})(?:\s*[h:.]\s*(\d{2})?)?"
_SPAN = re.compile(rf"^{_TIME}\s*(?:-|–|—|à|a)\s*{_TIME}$", re.IGNORECASE)
_PARTS = re.compile(r"\s*(?:/|,|;|\||\bet\b|\+)\s*", re.IGNORECASE)
_CLOSED = {"ferme", "fermé", "fermée", "ferm", "closed", "-", "–", "non", "x"}


class UnreadableDay(ValueError):
    """One day's cell is not a list of spans; the message quotes it."""


def _minutes(hour: str, minute: str | None) -> int:
    value = int(hour) * 60 + int(minute or 0)
    if int(minute or 0) >= 60 or value > 24 * 60:
        raise ValueError
    return value


def day_spans(cell: str, notes: list[str]) -> list[tuple[int, int]]:
    """The open spans of one day, in minutes since midnight, sorted and joined."""
    text = " ".join((cell or "").split())
    if not text or text.lower() in _CLOSED:
        return []
    spans = []
    for part in _PARTS.split(text):
        if not part:
            continue
        match = _SPAN.match(part)
        if not match:
            raise UnreadableDay(text)
        try:
            start, end = _minutes(match[1], match[2]), _minutes(match[3], match[4])
        except ValueError:
            raise UnreadableDay(text) from None
        if start == end:
            notes.append(part)  # "00:00 - 00:00": an empty span, not a day open all day
            continue
        if end < start:
            raise UnreadableDay(text)
        spans.append((start, end))
    joined: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if joined and start <= joined[-1][1]:
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _day_list(indexes: list[int]) -> str:
    """[0, 1, 2, 4] → "Mo-We,Fr"."""
    runs: list[list[int]] = []
    for index in indexes:
        if runs and index == runs[-1][-1] + 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    return ",".join(
        OSM_DAYS[run[0]] if len(run) == 1 else f"{OSM_DAYS[run[0]]}{'-' if len(run) > 2 else ','}{OSM_DAYS[run[-1]]}"
        for run in runs
    )


def to_osm(cells: dict[str, str], warnings: list[str]) -> str:
    """`{"lundi": "09:00 - 12:00", …}` → OSM hours; "" when no day is given.

    An unreadable day keeps the whole week as French text (so nothing is lost), with a warning.
    """
    if not any((cells.get(day) or "").strip() for day in DAYS):
        return ""
    week, empty_spans = [], []
    for day in DAYS:
        notes: list[str] = []
        try:
            week.append(day_spans(cells.get(day, ""), notes))
        except UnreadableDay as exc:
            warnings.append(
                gettext("Horaires du %(day)s illisibles : « %(value)s » (attendu : 09:00 - 12:00 / 14:00 - 17:00)")
                % {"day": pgettext("weekday", day), "value": exc}
            )
            return " ; ".join(f"{day} : {cells[day].strip()}" for day in DAYS if (cells.get(day) or "").strip())
        if notes:
            empty_spans.append(day)
    if empty_spans:
        warnings.append(
            gettext("Plage « 00:00 - 00:00 » ignorée (aucune heure d’ouverture) : %(days)s")
            % {"days": ", ".join(empty_spans)}
        )
    groups: dict[tuple, list[int]] = {}
    for index, spans in enumerate(week):
        if spans:
            groups.setdefault(tuple(spans), []).append(index)
    if not groups:
        warnings.append(gettext("Aucune heure d’ouverture lisible : horaires laissés vides"))
        return ""
    rules = [
        f"{_day_list(indexes)} {','.join(f'{_hhmm(a)}-{_hhmm(b)}' for a, b in spans)}"
        for spans, indexes in sorted(groups.items(), key=lambda item: item[1][0])
    ]
    result = "; ".join(rules)
    if not hours.is_valid(result):  # never expected: the rules above are plain OSM
        warnings.append(gettext("Horaires convertis refusés par le contrôle OSM : « %(value)s »") % {"value": result})
    return result
