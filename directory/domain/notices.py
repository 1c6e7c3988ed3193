"""What a place's page and its search results say of its temporary information, in plain French: « Fermeture
exceptionnelle du 1er au 15 janvier », « Fermé exceptionnellement jusqu’au 10 décembre inclus ».

The rules themselves (what is in force, how it changes the hours) are `directory.domain.temporary`.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _

from directory.domain import hours
from directory.domain.temporary import Kind, day_text, period_text, place_today, shown
from directory.models import Place, TemporaryInfo

# Per kind: announced (« … du 1er au 15 janvier »), ending today, in force until a day.
_TITLES = {
    Kind.CLOSURE: (
        _("Fermeture exceptionnelle %(period)s"),
        _("Fermé exceptionnellement aujourd’hui"),
        _("Fermé exceptionnellement jusqu’au %(day)s inclus"),
    ),
    Kind.HOURS: (
        _("Horaires exceptionnels %(period)s"),
        _("Horaires exceptionnels aujourd’hui"),
        _("Horaires exceptionnels jusqu’au %(day)s inclus"),
    ),
    Kind.MESSAGE: (
        _("Information %(period)s"),
        _("Information pour aujourd’hui"),
        _("Information jusqu’au %(day)s inclus"),
    ),
}


@dataclass(frozen=True)
class Notice:
    """One temporary information as the public reads it."""

    info: TemporaryInfo
    in_force: bool
    title: str  # « Fermeture exceptionnelle du 1er au 15 janvier »
    text: str
    service: str  # the service's name, when it is limited to one
    days: list[tuple[str, str]]  # exceptional hours: (« Lundi 4 janvier », « 10 h – 12 h »)

    @property
    def kind(self) -> str:
        return self.info.kind


def _title(info: TemporaryInfo, today: date) -> str:
    ahead, ending_today, until = _TITLES[info.kind]
    if info.debut > today:
        return ahead % {"period": period_text(info.debut, info.fin, today)}
    if info.fin == today:
        return str(ending_today)
    return until % {"day": day_text(info.fin, today)}


def _days(info: TemporaryInfo, today: date, limit: int = 7) -> list[tuple[str, str]]:
    oh = hours.parse(info.horaires) if info.kind == Kind.HOURS else None
    if oh is None:
        return []
    first = max(info.debut, today)
    found = []
    for offset in range(min(limit, (info.fin - first).days + 1)):
        day = first + timedelta(days=offset)
        start = datetime.combine(day, datetime.min.time())
        spans = [
            f"{hours.format_time(a)} – {hours.format_time(b)}"
            for a, b, state, _ in oh.intervals(start, start + timedelta(days=1))
            if state == hours.opening_hours.State.OPEN
        ]
        weekday = str(hours.DAY_NAMES[day.weekday()]).capitalize()
        label = gettext("%(weekday)s %(date)s") % {"weekday": weekday, "date": day_text(day, today)}
        found.append((label, ", ".join(spans) or pgettext("day", "Fermé")))
    return found


def notices(place: Place, infos, now: datetime | None = None) -> list[Notice]:
    """What the place page says: in force first, then what is announced (within the notice horizon)."""
    today = place_today(place, now)
    chosen = shown(infos, today)
    return sorted(
        (
            Notice(
                info=info,
                in_force=info.debut <= today,
                title=_title(info, today),
                text=info.texte,
                service=info.service.nom if info.service_id else "",
                days=_days(info, today),
            )
            for info in chosen
        ),
        key=lambda n: (not n.in_force, n.info.debut, n.info.pk),
    )


def mention(place: Place, infos, now: datetime | None = None) -> str:
    """A short line for a search result: the most pressing notice about the whole place, or ""."""
    found = [n for n in notices(place, infos, now) if not n.service]
    return found[0].title if found else ""
