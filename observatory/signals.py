"""Demand signals: what people asked for and did not find, from every app that knows, as anonymous counts.

An app registers a provider from its `AppConfig.ready()`:

    from observatory import signals
    signals.register("orientation", _("Besoins non couverts (orientation)"), uncovered_needs)

where `uncovered_needs(since: date) -> Iterable[signals.Signal]` yields counts by need × commune × week (never a
person, a name or free text). Built in: the directory's searches that found nothing or little (`SearchGap`,
which the directory counts itself: it cannot import the observatory). Apps to the right of the observatory
(algorithms, opendata, api) may register too; apps to its left cannot import it and are read here instead.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Signal:
    need: str  # a directory need slug (directory/needs.py), or the provider's own theme key
    code_insee: str  # "" when the commune is unknown
    week: date  # the Monday (a provider counting by month: the month's first day)
    count: int
    detail: str = ""  # e.g. "nothing" / "few"; never free text typed by a person


@dataclass(frozen=True)
class Provider:
    key: str
    label: str
    read: Callable[[date], Iterable[Signal]]


_PROVIDERS: dict[str, Provider] = {}


def register(key: str, label: str, read: Callable[[date], Iterable[Signal]]) -> None:
    _PROVIDERS[key] = Provider(key, label, read)


def providers() -> list[Provider]:
    return list(_PROVIDERS.values())


def _search_gaps(since: date) -> Iterable[Signal]:
    from directory.models import SearchGap

    for gap in SearchGap.objects.filter(week__gte=since).order_by("week", "need", "code_insee"):
        if gap.nothing:
            yield Signal(gap.need, gap.code_insee, gap.week, gap.nothing, "nothing")
        if gap.few:
            yield Signal(gap.need, gap.code_insee, gap.week, gap.few, "few")


def _uncovered_needs(since: date) -> Iterable[Signal]:
    """Orientation's gaps: a situation sheet's need that no service answered (counted by month, per rule)."""
    from orientation.models import UncoveredNeed

    first_month = since.replace(day=1)
    for gap in UncoveredNeed.objects.filter(month__gte=first_month).order_by("month", "need", "code_insee"):
        yield Signal(gap.need, gap.code_insee, gap.month, gap.count, gap.reason)


def _non_recours(since: date) -> Iterable[Signal]:
    """The rights pre-check's likely non-recours: a benefit the household probably gets and did not claim."""
    from rights.models import CheckCount
    from rights.situation import BY_KEY

    rows = CheckCount.objects.filter(month__gte=since.replace(day=1), non_recours__gt=0).order_by("month", "benefit")
    for row in rows:
        label = BY_KEY[row.benefit].label if row.benefit in BY_KEY else row.benefit
        yield Signal(label, row.code_insee, row.month, row.non_recours, "non-recours")


def register_builtin() -> None:
    register("recherches", _("Recherches dans l’annuaire sans résultat ou avec peu de résultats"), _search_gaps)
    register(
        "orientation", _("Besoins sans service trouvé lors d’une orientation (fiches de situation)"), _uncovered_needs
    )
    register("droits", _("Droits probables non demandés (« Vérifier ses droits »)"), _non_recours)
