"""After an import: the places it created are compared with the others, merged or queued for review.

Candidates are the places near it (a grid of ~220 m cells), with its SIRET or at its address. A
crowded bucket (a file whose records all share one position, one SIRET or one address) is narrowed
to the places sharing a distinctive word of the name, and to the `CROWDED` most recent of them, so
that detection stays linear in the number of places instead of quadratic.
"""

import bisect
import math
from dataclasses import replace

from django.utils.translation import gettext

from datahub.importers.profiles import ONE_PLACE_PER_ID_SOURCES
from datahub.merging.actions import merge_places
from datahub.merging.decide import Decision, Level, decide
from datahub.merging.decisions import DIFFERENT, SAME, Verdicts
from datahub.merging.similarity import PlaceSummary, address_key, distinctive_words
from datahub.models import MergeCandidate, SourceRecord
from directory.models import Place

_CELL_LAT, _CELL_LON = 0.002, 0.003  # about 220 m × 220 m in mainland France
MAX_PROPOSALS = 3  # at most this many doubtful pairs queued for one new place, the likeliest first
CROWDED = 64  # a bucket of candidates larger than this is narrowed to places sharing a word of the name


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / _CELL_LAT), math.floor(lon / _CELL_LON)


class _Buckets:
    """Places by key, in pk order; a crowded key is also indexed by distinctive word, when first asked."""

    def __init__(self, words_of):
        self.words_of = words_of
        self.all: dict = {}
        self.by_word: dict = {}

    def add(self, key, place: PlaceSummary) -> None:
        self.all.setdefault(key, []).append(place)

    def get(self, key, place: PlaceSummary) -> list[PlaceSummary]:
        """The places of `key`; when crowded, the most recent older ones sharing a word of its name."""
        bucket = self.all.get(key, [])
        if len(bucket) <= CROWDED:
            return bucket
        if key not in self.by_word:
            index: dict[str, list[PlaceSummary]] = {}
            for other in bucket:
                for word in self.words_of(other):
                    index.setdefault(word, []).append(other)
            self.by_word[key] = index
        found = []
        for word in self.words_of(place):
            alike = self.by_word[key].get(word, [])
            end = bisect.bisect_left(alike, place.pk, key=lambda p: p.pk)
            found.extend(alike[max(0, end - CROWDED) : end])
        return found


class _Index:
    def __init__(self):
        self.by_pk: dict[int, PlaceSummary] = {}
        self.words: dict[int, set[str]] = {}  # computed for the places of crowded buckets only
        self.grid = _Buckets(self.words_of)
        self.by_pivot = _Buckets(self.words_of)
        self.by_address = _Buckets(self.words_of)
        rows = Place.objects.order_by("pk").values_list(
            "pk", "nom", "pivot", "adresse", "code_insee", "latitude", "longitude", "position_approximative"
        )
        for row in rows.iterator(chunk_size=5000):
            place = PlaceSummary(*row)
            self.by_pk[place.pk] = place
            if place.precise:
                self.grid.add(_cell(place.latitude, place.longitude), place)
            if place.pivot:
                self.by_pivot.add(place.pivot, place)
            key = address_key(place.adresse, place.code_insee)
            if key:
                self.by_address.add(key, place)

    def words_of(self, place: PlaceSummary) -> set[str]:
        if place.pk not in self.words:
            self.words[place.pk] = distinctive_words(place.nom)
        return self.words[place.pk]

    def candidates(self, place: PlaceSummary) -> dict[int, PlaceSummary]:
        found = {}
        if place.precise:
            row, col = _cell(place.latitude, place.longitude)
            for dr in (-1, 0, 1):
                for dc in (-1, 0, 1):
                    found.update((p.pk, p) for p in self.grid.get((row + dr, col + dc), place))
        if place.pivot:
            found.update((p.pk, p) for p in self.by_pivot.get(place.pivot, place))
        key = address_key(place.adresse, place.code_insee)
        if key:
            found.update((p.pk, p) for p in self.by_address.get(key, place))
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
                decision = Decision(
                    Level.AUTO, 1.0, gettext("%(reasons)s, déjà fusionnés") % {"reasons": decision.reasons}
                )
            elif decision.level == Level.AUTO and one_list:
                reasons = gettext("%(reasons)s, deux fiches distinctes de la liste « %(lists)s »") % {
                    "reasons": decision.reasons,
                    "lists": ", ".join(sorted(one_list)),
                }
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
        for _, score, other, decision in decisions[:MAX_PROPOSALS]:
            if (other.pk, pk) not in known_pairs:
                MergeCandidate.objects.create(
                    place_id=other.pk, other_id=pk, other_name=place.nom[:250], score=score,
                    reasons=decision.reasons, run=run,
                )  # fmt: skip
                known_pairs.add((other.pk, pk))
    return merged
