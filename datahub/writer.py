"""Writing parsed records into places and services, keyed by (source, id).

An unchanged record writes nothing; a changed one updates its place or service; a record new to
its source creates one.
"""

import hashlib
import json
from dataclasses import dataclass, field

from datahub.models import ImportRun, SourceRecord
from datahub.records import Parsed
from directory.models import Place, Service


def fingerprint(fields: dict) -> str:
    return hashlib.sha256(json.dumps(fields, sort_keys=True, default=str).encode()).hexdigest()


@dataclass
class Outcome:
    created: bool = False
    changed: bool = False


@dataclass
class Writer:
    run: ImportRun
    seen: set = field(default_factory=set)

    def _record(self, source: str, kind: str, source_id: str) -> SourceRecord | None:
        return (
            SourceRecord.objects.select_related("place", "service")
            .filter(source=source, kind=kind, source_id=source_id)
            .first()
        )

    def write(self, parsed: Parsed) -> Outcome:
        outcome = Outcome()
        places = {}
        for record in parsed.places:
            place, created, changed = self._upsert_place(record)
            places[record.source_id] = place
            outcome.created |= created
            outcome.changed |= changed
        for record in parsed.services:
            place = places.get(record.place_source_id)
            if place is None:
                existing = self._record(record.source, SourceRecord.Kind.PLACE, record.place_source_id)
                place = existing.place if existing else None
            if place is None:
                continue
            changed = self._upsert_service(record, place)
            outcome.changed |= changed
        if outcome.changed:
            for place in places.values():
                place.refresh_completeness()
        return outcome

    def _track(self, record, kind, fp, **target) -> SourceRecord:
        self.seen.add((record.source, kind, record.source_id))
        return SourceRecord(
            source=record.source, kind=kind, source_id=record.source_id, feed=self.run.feed,
            fingerprint=fp, date_maj=record.date_maj, first_run=self.run, last_run=self.run, **target,
        )  # fmt: skip

    def _upsert_place(self, record) -> tuple[Place, bool, bool]:
        fp = fingerprint(record.fields)
        self.seen.add((record.source, SourceRecord.Kind.PLACE, record.source_id))
        existing = self._record(record.source, SourceRecord.Kind.PLACE, record.source_id)
        if existing and existing.place_id and existing.fingerprint == fp and existing.absent_since is None:
            return existing.place, False, False
        if existing and existing.place_id:
            place = existing.place
            for name, value in record.fields.items():
                setattr(place, name, value)
            place.save()
            existing.fingerprint, existing.date_maj = fp, record.date_maj
            existing.last_run, existing.feed, existing.absent_since = self.run, self.run.feed, None
            existing.save()
            return place, False, True
        place = Place.objects.create(**record.fields)
        if existing:
            existing.place, existing.fingerprint, existing.last_run = place, fp, self.run
            existing.save()
        else:
            self._track(record, SourceRecord.Kind.PLACE, fp, place=place).save()
        return place, True, True

    def _upsert_service(self, record, place: Place) -> bool:
        fp = fingerprint(record.fields)
        self.seen.add((record.source, SourceRecord.Kind.SERVICE, record.source_id))
        existing = self._record(record.source, SourceRecord.Kind.SERVICE, record.source_id)
        if existing and existing.service_id and existing.fingerprint == fp and existing.absent_since is None:
            return False
        if existing and existing.service_id:
            service = existing.service
            for name, value in record.fields.items():
                setattr(service, name, value)
            service.place = place
            service.save()
            existing.fingerprint, existing.date_maj = fp, record.date_maj
            existing.last_run, existing.feed, existing.absent_since = self.run, self.run.feed, None
            existing.save()
            return True
        service = Service.objects.create(place=place, **record.fields)
        if existing:
            existing.service, existing.fingerprint, existing.last_run = service, fp, self.run
            existing.save()
        else:
            self._track(record, SourceRecord.Kind.SERVICE, fp, place=place, service=service).save()
        return True

    def mark_absent(self, today) -> int:
        """Records this feed gave before but not this time: flagged, never deleted."""
        absent = [
            r.pk
            for r in SourceRecord.objects.filter(feed=self.run.feed, absent_since__isnull=True).only(
                "pk", "source", "kind", "source_id"
            )
            if (r.source, r.kind, r.source_id) not in self.seen
        ]
        return SourceRecord.objects.filter(pk__in=absent).update(absent_since=today)
