"""The supply side, read from the directory (never written): coverage by commune and need, distances, hours.

- services per 10,000 inhabitants: published places answering the need located in the commune;
- distance to the nearest place answering the need, from the commune's centre (town hall) — averaged over the
  territory weighted by population;
- a gap: no place for the need within ANCRAGE_OBSERVATORY_GAP_KM of the commune's centre;
- opening hours per week per 10,000 inhabitants: the hours the commune's places are open in one reference week,
  the same for every place (the first week from now, Monday to Sunday, without a public holiday), read from their
  OSM opening hours as the directory reads them (`directory.domain.hours`, opening-hours-py). A place whose hours
  are empty, unreadable or only « unknown » is not counted, and the page says how many there are.
"""

import math
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

import opening_hours
from django.conf import settings
from django.utils.translation import gettext_lazy

from directory.domain import hours
from directory.models import Place
from directory.needs import NEEDS, Need
from observatory.domain.margins import home_communes


def _keys(need: Need) -> set[str]:
    return {f"m:{v}" for v in need.mediation} | {f"t:{v}" for v in need.thematiques}


def answers(place: Place, need: Need) -> bool:
    """The search's own rule (directory.domain.search: stored keys, or the place's kind), on a loaded place."""
    return bool(_keys(need) & set(place.search_keys or ())) or bool(set(need.typologies) & set(place.typologie or ()))


def km(lat1, lon1, lat2, lon2) -> float:
    """Great-circle distance (haversine), in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def reference_week(today: date) -> datetime:
    """Monday 00:00 of the first week, from `today`'s, with no public holiday: one usual week for every place."""
    monday = today - timedelta(days=today.weekday())
    for weeks in range(53):
        start = monday + timedelta(weeks=weeks)
        if not any(hours.is_public_holiday(start + timedelta(days=d)) for d in range(7)):
            return datetime.combine(start, time())
    return datetime.combine(monday, time())


def weekly_hours(horaires: str, week: datetime) -> float | None:
    """Hours open in the week starting at `week`, or None when they are not known (empty, unreadable, or only
    « unknown » spans). Only the spans the library says are open count: closed and unknown ones do not."""
    parsed = hours.parse(horaires)
    if parsed is None:
        return None
    opened, unknown = timedelta(), False
    for begin, end, state, _ in parsed.intervals(week, week + timedelta(days=7)):
        if state == opening_hours.State.OPEN:
            opened += end - begin
        elif state == opening_hours.State.UNKNOWN:
            unknown = True
    if unknown and not opened:
        return None
    return opened.total_seconds() / 3600


@dataclass
class CommuneSupply:
    code: str
    name: str
    population: int
    has_qpv: bool
    latitude: float | None
    longitude: float | None
    places: dict[str, int] = field(default_factory=dict)  # need slug → places in the commune
    nearest_km: dict[str, float | None] = field(default_factory=dict)
    hours_per_week: float = 0.0  # places with known hours only
    without_hours: int = 0  # places in the commune whose hours are not known (not counted in hours_per_week)

    def per_10k(self, need: str) -> float:
        return self.places.get(need, 0) * 10_000 / self.population if self.population else 0.0

    @property
    def hours_per_10k(self) -> float:
        return self.hours_per_week * 10_000 / self.population if self.population else 0.0

    def gap(self, need: str) -> bool:
        nearest = self.nearest_km.get(need)
        return nearest is None or nearest > settings.ANCRAGE_OBSERVATORY_GAP_KM


def supply(now: datetime | None = None) -> list[CommuneSupply]:
    week = reference_week((now or hours.local_now()).date())
    places = list(
        Place.objects.published()
        .exclude(latitude=None)
        .only("pk", "code_insee", "latitude", "longitude", "search_keys", "typologie", "horaires")
    )
    by_need = {need.slug: [p for p in places if answers(p, need)] for need in NEEDS}
    rows = []
    for commune in home_communes():
        row = CommuneSupply(
            commune.code_insee,
            commune.nom,
            commune.population,
            bool(commune.codes_qpv),
            commune.latitude,
            commune.longitude,
        )
        mine = [p for p in places if p.code_insee == commune.code_insee]
        weekly = [weekly_hours(p.horaires, week) for p in mine]
        row.hours_per_week = sum(h for h in weekly if h is not None)
        row.without_hours = sum(1 for h in weekly if h is None)
        for need in NEEDS:
            row.places[need.slug] = sum(1 for p in mine if answers(p, need))
            distances = [
                km(commune.latitude, commune.longitude, p.latitude, p.longitude)
                for p in by_need[need.slug]
                if commune.latitude is not None
            ]
            row.nearest_km[need.slug] = min(distances) if distances else None
        rows.append(row)
    return rows


def weighted_distance(rows: list[CommuneSupply], need: str) -> float | None:
    """Population-weighted mean distance to the nearest place for the need (communes with a known one)."""
    known = [(r.population, r.nearest_km[need]) for r in rows if r.nearest_km.get(need) is not None]
    total = sum(p for p, _ in known)
    return sum(p * d for p, d in known) / total if total else None


def qpv_versus_rest(rows: list[CommuneSupply], need: str) -> list[tuple[str, float, float | None]]:
    """(group, places per 10,000, weighted distance) for communes with a QPV and the others."""
    out = []
    for label, flag in ((gettext_lazy("Communes avec un QPV"), True), (gettext_lazy("Autres communes"), False)):
        group = [r for r in rows if r.has_qpv == flag]
        population = sum(r.population for r in group)
        places = sum(r.places.get(need, 0) for r in group)
        out.append((label, places * 10_000 / population if population else 0.0, weighted_distance(group, need)))
    return out
