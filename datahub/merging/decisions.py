"""Decisions on pairs of places, kept on their source records so that they outlive the places.

A coordinator's refusal, a merge, an undone merge: each is stored for every pair of the two places'
records ("source|id"). When a place is deleted and a later import creates it again, the new place
has the same records, so the same decision applies: a refused pair is not proposed again, a merged
pair is merged again.
"""

from itertools import product

from datahub.models import MergeDecision, SourceRecord
from datahub.provenance import COORDINATION

PLACE = SourceRecord.Kind.PLACE
SAME, DIFFERENT = MergeDecision.Verdict.SAME, MergeDecision.Verdict.DIFFERENT
_CHUNK = 500


def record_key(source: str, source_id: str) -> str:
    return f"{source}|{source_id}"


def place_keys(place_id: int) -> list[str]:
    records = SourceRecord.objects.filter(place_id=place_id, kind=PLACE).exclude(source=COORDINATION)
    rows = records.values_list("source", "source_id")
    return sorted(record_key(*row) for row in rows)


def remember(keys_a, keys_b, verdict: str) -> None:
    """Record `verdict` for every pair of records of the two places (the latest decision wins)."""
    for a, b in product(keys_a, keys_b):
        if a != b:
            first, second = sorted((a, b))
            MergeDecision.objects.update_or_create(a=first, b=second, defaults={"verdict": verdict})


class Verdicts:
    """The decisions that concern places in the database, loaded once for a detection run."""

    def __init__(self):
        self.pairs = {(a, b): verdict for a, b, verdict in MergeDecision.objects.values_list("a", "b", "verdict")}
        wanted = {key for pair in self.pairs for key in pair}
        self.keys_of: dict[int, set[str]] = {}
        ids = sorted({key.split("|", 1)[1] for key in wanted if "|" in key})
        for start in range(0, len(ids), _CHUNK):
            rows = SourceRecord.objects.filter(kind=PLACE, source_id__in=ids[start : start + _CHUNK])
            for source, source_id, place_id in rows.values_list("source", "source_id", "place_id"):
                key = record_key(source, source_id)
                if key in wanted and place_id is not None:
                    self.keys_of.setdefault(place_id, set()).add(key)

    def between(self, pk_a: int, pk_b: int) -> str | None:
        """DIFFERENT if any pair of their records was decided distinct, SAME if one was merged, else None."""
        found = set()
        for a, b in product(self.keys_of.get(pk_a, ()), self.keys_of.get(pk_b, ())):
            verdict = self.pairs.get(tuple(sorted((a, b))))
            if verdict:
                found.add(verdict)
        if DIFFERENT in found:
            return DIFFERENT
        return SAME if SAME in found else None
