"""Opening hours for people who do not know the OpenStreetMap syntax: one field per weekday, and back.

The form shows a place's hours as seven cells (« 09:00 - 12:00 / 14:00 - 17:00 ») when they are a plain week
(optionally closed on public holidays); the cells are turned into OSM syntax by the data hub's own converter
(`datahub/importers/week_hours.py`, the one used for spreadsheets). Hours with seasons, alternate weeks or
dates stay in OSM syntax, shown to the person in words.
"""

import re

from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from datahub.importers import week_hours
from directory.domain import hours

DAYS = week_hours.DAYS
HOLIDAYS_OFF = "PH off"
# The weekday keys are French words (`week_hours.DAYS`); people read these translated names.
DAY_NAMES = {
    "lundi": pgettext_lazy("weekday", "lundi"),
    "mardi": pgettext_lazy("weekday", "mardi"),
    "mercredi": pgettext_lazy("weekday", "mercredi"),
    "jeudi": pgettext_lazy("weekday", "jeudi"),
    "vendredi": pgettext_lazy("weekday", "vendredi"),
    "samedi": pgettext_lazy("weekday", "samedi"),
    "dimanche": pgettext_lazy("weekday", "dimanche"),
}
DAY_LABELS = {day: capfirst(name) for day, name in DAY_NAMES.items()}
_TIME_SPAN = r"\d\d:\d\d-\d\d:\d\d"
_RULE = re.compile(rf"^(?P<days>[A-Z][a-z](?:[-,][A-Z][a-z])*) (?P<spans>{_TIME_SPAN}(?:,{_TIME_SPAN})*)$")


def _day_indexes(days: str) -> list[int] | None:
    indexes = []
    for part in days.split(","):
        first, _, last = part.partition("-")
        if first not in week_hours.OSM_DAYS or (last and last not in week_hours.OSM_DAYS):
            return None
        start = week_hours.OSM_DAYS.index(first)
        end = week_hours.OSM_DAYS.index(last) if last else start
        if end < start:
            return None
        indexes.extend(range(start, end + 1))
    return indexes


def week_cells(osm: str) -> tuple[dict[str, str], bool] | None:
    """The weekday cells and « closed on public holidays » of plain weekly hours; None for other hours."""
    text = " ".join((osm or "").split())
    cells = dict.fromkeys(DAYS, "")
    if not text:
        return cells, False
    rules = [rule.strip() for rule in text.split(";") if rule.strip()]
    holidays_off = bool(rules) and rules[-1] == HOLIDAYS_OFF
    if holidays_off:
        rules = rules[:-1]
    for rule in rules:
        match = _RULE.match(rule)
        indexes = _day_indexes(match["days"]) if match else None
        if not indexes:
            return None
        for index in indexes:
            if cells[DAYS[index]]:
                return None  # a day given twice: not a plain week
            cells[DAYS[index]] = " / ".join(span.replace("-", " - ") for span in match["spans"].split(","))
    if to_osm(cells, holidays_off)[0] != _normal(text):
        return None
    return cells, holidays_off


def _normal(text: str) -> str:
    return "; ".join(rule.strip() for rule in text.split(";") if rule.strip())


def to_osm(cells: dict[str, str], holidays_off: bool) -> tuple[str, dict[str, str]]:
    """OSM hours from the cells, and {day: French error} for the cells that cannot be read."""
    errors = {}
    for day in DAYS:
        try:
            week_hours.day_spans(cells.get(day, ""), [])
        except week_hours.UnreadableDay:
            errors[day] = _(
                "Les horaires du %(day)s ne se lisent pas. Écrivez par exemple « 09:00 - 12:00 / 14:00 - 17:00 », "
                "ou laissez vide si le lieu est fermé ce jour-là."
            ) % {"day": DAY_NAMES[day]}
    if errors:
        return "", errors
    result = week_hours.to_osm(cells, [])
    if result and holidays_off:
        result = f"{result}; {HOLIDAYS_OFF}"
    return result, {}


def in_words(osm: str) -> str:
    """Hours as the site says them, a day a line: « Lundi : 9 h – 12 h », or a plain note when there are none."""
    if not (osm or "").strip():
        return _("Horaires non renseignés")
    if not hours.is_valid(osm):
        return hours.readable_text(osm) or _("Horaires dans un format non reconnu")
    closed = _("fermé")
    days = [
        _("%(day)s : %(hours)s") % {"day": day.name, "hours": day.text if day.spans else closed}
        for day in hours.week_table(osm)
    ]
    notes = [note for note in hours.exceptions(osm) if not note.startswith("Jours fériés")]
    return "\n".join([*days, *notes])
