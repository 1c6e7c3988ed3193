"""After an import: the places it created are compared with the others, merged or queued for review."""

import math
from dataclasses import replace

from datahub.importers.profiles import ONE_PLACE_PER_ID_SOURCES
from datahub.merging.actions import merge_places
from datahub.merging.decide import Decision, Level, decide
from datahub.merging.decisions import DIFFERENT, SAME, Verdicts
from datahub.merging.similarity import PlaceSummary, address_key
from datahub.models import MergeCandidate, SourceRecord
from directory.models import Place

_CELL_LAT, _CELL_LON = 0.002, 0.003  # about 220 m × 220 m in mainland France
_MAX_PROPOSALS = 3


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / _CELL_LAT), math.floor(lon / _CELL_LON)


class _Index:
    def __init__(self):
        self.by_pk: dict[int, PlaceSummary] = {}
        self.grid: dict[tuple, list[PlaceSummary]] = {}
        self.by_pivot: dict[str, list[PlaceSummary]] = {}
        self.by_address: dict[str, list[PlaceSummary]] = {}
        rows = Place.objects.values_list(
            "pk", "nom", "pivot", "adresse", "code_insee", "latitude", "longitude", "position_approximative"
        )
        for row in rows.iterator(chunk_size=5000):
            place = PlaceSummary(*row)
            self.by_pk[place.pk] = place
            if place.precise:
                self.grid.setdefault(_cell(place.latitude, place.longitude), []).append(place)
            if place.pivot:
                self.by_pivot.setdefault(place.pivot, []).append(place)
            key = address_key(place.adresse, place.code_insee)
            if key:
                self.by_address.setdefault(key, []).append(place)

    def candidates(self, place: PlaceSummary) -> dict[int, PlaceSummary]:
        found = {}
        if place.precise:
            row, col = _cell(place.latitude, place.longitude)
            for dr in (-1, 0, 1):
                for dc in (-1, 0, 1):
                    found.update((p.pk, p) for p in self.grid.get((row + dr, col + dc), []))
        found.update((p.pk, p) for p in self.by_pivot.get(place.pivot, []) if place.pivot)
        found.update((p.pk, p) for p in self.by_address.get(address_key(place.adresse, place.code_insee), []))
        return found


def detect_duplicates(new_place_ids: list[int], run=None) -> int:
    """Merge each new place into an older one it surely duplicates; queue the doubtful pairs. Returns merges."""
    if not new_place_ids:
        return 0
    index = _Index()
    # An official list (the France Services list) gives one id per place: two of its records are never
    # merged automatically (a France services and its bus at one address), a coordinator decides.
    listed: dict[int, set[str]] = {}
    records = SourceRecord.objects.filter(kind=SourceRecord.Kind.PLACE, source__in=ONE_PLACE_PER_ID_SOURCES)
    for place_id, source in records.values_list("place_id", "source"):
        listed.setdefault(place_id, set()).add(source)
    known_pairs = set(MergeCandidate.objects.values_list("place_id", "other_id"))
    verdicts = Verdicts()  # decisions already taken on these records (they outlive deleted places)
    absorbed: set[int] = set()
    merged = 0
    for pk in sorted(new_place_ids):
        place = index.by_pk.get(pk)
        if place is None:
            continue
        decisions = []
        for other in index.candidates(place).values():
            if other.pk >= pk or other.pk in absorbed:
                continue
            verdict = verdicts.between(other.pk, pk)
            if verdict == DIFFERENT:
                continue
            decision = decide(other, place)
            one_list = listed.get(other.pk, set()) & listed.get(pk, set())
            if verdict == SAME:
                decision = Decision(Level.AUTO, 1.0, f"{decision.reasons}, déjà fusionnés")
            elif decision.level == Level.AUTO and one_list:
                reasons = f"{decision.reasons}, deux fiches distinctes de la liste « {', '.join(sorted(one_list))} »"
                decision = replace(decision, level=Level.REVIEW, reasons=reasons)
            if decision.level != Level.NONE:
                decisions.append((decision.level.value, decision.score, other, decision))
        decisions.sort(key=lambda d: (d[0], d[1]), reverse=True)
        if decisions and decisions[0][0] == Level.AUTO.value:
            _, _, other, decision = decisions[0]
            kept, gone = Place.objects.get(pk=other.pk), Place.objects.get(pk=pk)
            merge_places(kept, gone, run=run, automatic=True, reasons=decision.reasons)
            listed.setdefault(other.pk, set()).update(listed.get(pk, set()))
            absorbed.add(pk)
            merged += 1
            continue
        for _, score, other, decision in decisions[:_MAX_PROPOSALS]:
            if (other.pk, pk) not in known_pairs:
                MergeCandidate.objects.create(
                    place_id=other.pk, other_id=pk, other_name=place.nom[:250], score=score,
                    reasons=decision.reasons, run=run,
                )  # fmt: skip
                known_pairs.add((other.pk, pk))
    return merged
