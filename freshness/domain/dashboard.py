"""The freshness dashboard: how many published places are up to date, due or overdue, in all and by commune,
by type of place (the lieux standard's « typologie », until structures exist) and by source (the data hub's
source records; a coordinator's own corrections are not a source here)."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from datahub.models import SourceRecord
from datahub.provenance import COORDINATION
from directory.models import Place
from directory.presentation import SOURCE_NAMES
from freshness.domain.due import DUE, OVERDUE, UP_TO_DATE, status_of
from freshness.domain.requests import reachable, staffed_structures
from standards import lieux

STATES = [UP_TO_DATE, DUE, OVERDUE]
NO_TYPE, NO_SOURCE = gettext_noop("Type non précisé"), gettext_noop("Aucune source importée (saisi à la main)")


@dataclass
class Row:
    label: str
    counts: dict = field(default_factory=lambda: dict.fromkeys(STATES, 0))

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def cells(self) -> list[tuple[int, int]]:
        """(count, share in whole %) for each state, in the order of STATES."""
        total = self.total
        return [(self.counts[s], round(100 * self.counts[s] / total) if total else 0) for s in STATES]


def source_name(code: str) -> str:
    """A source for a coordinator: its code, with the name people know it by when there is one."""
    known = SOURCE_NAMES.get(code.lower())
    return f"{known} ({code})" if known else code


def _rows(groups: dict[str, Row]) -> list[Row]:
    return sorted(groups.values(), key=lambda row: (-row.total, row.label))


def figures(today: date | None = None) -> dict:
    today = today or timezone.localdate()
    sources = defaultdict(set)
    records = SourceRecord.objects.filter(kind=SourceRecord.Kind.PLACE, place__est_publie=True).exclude(
        source=COORDINATION
    )
    for place_id, source in records.values_list("place_id", "source").distinct():
        sources[place_id].add(source)
    overall = Row(_("Tous les lieux publiés"))
    by_commune, by_type, by_source = {}, {}, {}
    unreachable, staffed = 0, staffed_structures()
    fields = ["nom", "commune", "code_insee", "typologie", "courriels", "date_maj", "cree_le", "structure_id"]
    places = Place.objects.published().select_related("freshness").only(*fields, "freshness__cadence_months")
    for place in places.iterator(chunk_size=2000):
        state = status_of(place, today)
        overall.counts[state] += 1
        if state != UP_TO_DATE and not reachable(place, staffed):
            unreachable += 1
        commune = (
            f"{place.commune} ({place.code_insee})" if place.code_insee else (place.commune or _("Commune inconnue"))
        )
        by_commune.setdefault(commune, Row(commune)).counts[state] += 1
        for label in [lieux.TYPOLOGIE.label(t) for t in place.typologie] or [_(NO_TYPE)]:
            by_type.setdefault(label, Row(label)).counts[state] += 1
        for label in sorted(source_name(s) for s in sources.get(place.pk, ())) or [_(NO_SOURCE)]:
            by_source.setdefault(label, Row(label)).counts[state] += 1
    return {
        "today": today,
        "overall": overall,
        "unreachable": unreachable,
        "tables": [
            ("commune", _("Par commune"), _("Commune"), _rows(by_commune)),
            ("type", _("Par type de lieu"), _("Type de lieu"), _rows(by_type)),
            ("source", _("Par source des données"), _("Source"), _rows(by_source)),
        ],
    }
