"""Where each value of a place comes from: which source record, which import run, when.

For the coordinator's view of a place (and its « Informations vérifiées le … »): every source that
describes it, with its id and update date, and for each field the source that gives the value shown
and the run that brought that value.
"""

from dataclasses import dataclass
from datetime import datetime

from datahub.models import FieldChange, ImportRun, SourceRecord
from datahub.values import comparable, is_empty


@dataclass(frozen=True)
class FieldOrigin:
    field: str
    record: SourceRecord
    run: ImportRun | None
    since: datetime | None


def place_sources(place) -> list[SourceRecord]:
    """The records of a place (lieux or structures, then services), freshest first."""
    return list(
        SourceRecord.objects.filter(place=place)
        .select_related("first_run", "last_run", "service")
        .order_by("kind", "-date_maj", "source", "source_id")
    )


def field_origins(place) -> dict[str, FieldOrigin]:
    """For each field of the place that a source gives: the record whose value is shown, and the run
    that brought that value (its last change, or the run that created the record)."""
    records = [r for r in place_sources(place) if r.kind == SourceRecord.Kind.PLACE]
    records.sort(key=lambda r: str(r.date_maj or ""), reverse=True)
    origins: dict[str, SourceRecord] = {}
    for record in records:
        for name, value in record.data.items():
            if name not in origins and not is_empty(value) and comparable(getattr(place, name, None)) is not None:
                origins[name] = record
    changes = {}
    for change in FieldChange.objects.filter(record__in=records).select_related("run").order_by("changed_at"):
        changes[(change.record_id, change.field)] = change
    result = {}
    for name, record in origins.items():
        change = changes.get((record.pk, name))
        run = change.run if change else record.first_run
        since = change.changed_at if change else (record.first_run.started_at if record.first_run else None)
        result[name] = FieldOrigin(name, record, run, since)
    return result
