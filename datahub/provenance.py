"""Where each value of a place comes from: which source record, which import run, when.

For the coordinator's view of a place (and its « Informations vérifiées le … »): every source that
describes it, with its id and update date, and for each field the source that gives the value shown
and the run that brought that value.
"""

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from datahub.models import FieldChange, ImportRun, SourceRecord
from datahub.values import comparable, display, is_empty, to_json
from directory.models import Place

# A coordinator's corrections and a structure's own updates are sources of their own: one record per place
# or service and per such source, holding the values they set, dated the day they set them. An import never
# reverts them by repeating an old value; a value the import changes is news and replaces them (writer.py).
COORDINATION = "coordination"
STRUCTURE = "structure"
PROPOSITION = "proposition"  # a place or a service proposed without an account, accepted by a moderator
EDIT_SOURCES = (COORDINATION, STRUCTURE, PROPOSITION)


@dataclass(frozen=True)
class FieldOrigin:
    field: str
    record: SourceRecord
    run: ImportRun | None
    since: datetime | None
    by: object = None  # the person who set the value, when it is a correction


def record_edit(sender, instance, user, changes: dict, source: str = "", **kwargs) -> SourceRecord:
    """A person changed these fields (`directory.domain.writes.edited`): keep the values as their own
    source record (`source`: the coordination's by default, or the structure's), and each change in the
    history with who made it."""
    source = source if source in EDIT_SOURCES else COORDINATION
    kind = SourceRecord.Kind.PLACE if sender is Place else SourceRecord.Kind.SERVICE
    place = instance if sender is Place else instance.place
    record, _ = SourceRecord.objects.get_or_create(
        source=source, kind=kind, source_id=str(instance.pk),
        defaults={"feed": source, "place": place, "service": None if sender is Place else instance},
    )  # fmt: skip
    record.data = {**record.data, **to_json({name: new for name, (_, new) in changes.items()})}
    record.date_maj, record.place = timezone.localdate(), place
    record.save(update_fields=["data", "date_maj", "place"])
    now = timezone.now()
    FieldChange.objects.bulk_create(
        FieldChange(record=record, run=None, by=user if getattr(user, "pk", None) else None, field=name,
                    old_value=display(old), new_value=display(new), changed_at=now)
        for name, (old, new) in changes.items()
    )  # fmt: skip
    return record


def withdraw(source: str, instance, fields) -> None:
    """A moderator reverted these fields of `source`'s edit: its record no longer claims them."""
    kind = SourceRecord.Kind.PLACE if isinstance(instance, Place) else SourceRecord.Kind.SERVICE
    record = SourceRecord.objects.filter(source=source, kind=kind, source_id=str(instance.pk)).first()
    if record is not None and set(fields) & set(record.data):
        record.data = {name: value for name, value in record.data.items() if name not in fields}
        record.save(update_fields=["data"])


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
    for change in FieldChange.objects.filter(record__in=records).select_related("run", "by").order_by("changed_at"):
        changes[(change.record_id, change.field)] = change
    result = {}
    for name, record in origins.items():
        change = changes.get((record.pk, name))
        run = change.run if change else record.first_run
        since = change.changed_at if change else (record.first_run.started_at if record.first_run else None)
        result[name] = FieldOrigin(name, record, run, since, change.by if change else None)
    return result
