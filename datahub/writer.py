"""Writing parsed records into places and services, keyed by (source, kind, id), in batches.

An unchanged record writes nothing (its fingerprint is the same); a changed one updates only the
fields whose value changed, each change kept in the field history; a record new to its source
creates a place or a service. Existing records are looked up a batch at a time, and everything is
written with bulk inserts and updates, so a 150,000-service file takes a few hundred queries.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db import connection
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext

from core import bulk
from datahub.models import FieldChange, ImportRun, SourceRecord
from datahub.provenance import EDIT_SOURCES
from datahub.records import Parsed
from datahub.values import apply, combine, display, fingerprint, from_json, keep_precise_position, to_json
from directory.domain.writes import refresh_places
from directory.models import Place, Service

PLACE, SERVICE = SourceRecord.Kind.PLACE, SourceRecord.Kind.SERVICE
CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"
_CHUNK = 500
_ANALYZE_AFTER = 5000
_PLACE_FIELDS = [f for f in Place._meta.concrete_fields if not f.primary_key]


@dataclass
class Known:
    """What the writer needs to know of an existing source record, without loading it."""

    pk: int
    fingerprint: str
    place_id: int | None
    service_id: int | None
    absent_since: date | None
    date_maj: date | None = None
    feed: str = ""

    def outdated_by(self, incoming: date | None, feed: str) -> bool:
        """Another file already gave a version at least as recent: keep it (no back and forth).

        The feed that wrote the record may always correct it, even without a newer date.
        """
        if self.absent_since is not None or None in (self.date_maj, incoming) or feed == self.feed:
            return False
        return incoming <= self.date_maj


@dataclass
class Rejection:
    reason: str


@dataclass
class Writer:
    run: ImportRun
    known: dict = field(default_factory=dict)
    seen: set = field(default_factory=set)
    created_place_ids: list = field(default_factory=list)
    stale_places: set = field(default_factory=set)

    def __post_init__(self):
        self.now = timezone.now()
        rows = SourceRecord.objects.filter(feed=self.run.feed).values_list(
            "pk",
            "source",
            "kind",
            "source_id",
            "fingerprint",
            "place_id",
            "service_id",
            "absent_since",
            "date_maj",
            "feed",
        )
        for pk, source, kind, source_id, *known in rows.iterator(chunk_size=5000):
            self.known[(source, kind, source_id)] = Known(pk, *known)
        self.multi_places = self._shared("place_id", PLACE)
        self.multi_services = self._shared("service_id", SERVICE)

    @staticmethod
    def _shared(column: str, kind: str) -> set[int]:
        """Places (or services) fed by more than one source record: they combine their sources."""
        return set(
            SourceRecord.objects.filter(kind=kind)
            .values(column)
            .annotate(n=Count("pk"))
            .filter(n__gt=1)
            .values_list(column, flat=True)
        )

    # --- lookups ---------------------------------------------------------------------------
    def _lookup(self, keys: set[tuple]) -> None:
        """Load the records of `keys` that this run does not know yet (e.g. from another feed)."""
        missing: dict[tuple[str, str], list[str]] = {}
        for key in keys:
            if key not in self.known:
                missing.setdefault(key[:2], []).append(key[2])
                self.known[key] = None
        for (source, kind), ids in missing.items():
            for start in range(0, len(ids), _CHUNK):
                rows = SourceRecord.objects.filter(
                    source=source, kind=kind, source_id__in=ids[start : start + _CHUNK]
                ).values_list(
                    "pk", "source_id", "fingerprint", "place_id", "service_id", "absent_since", "date_maj", "feed"
                )
                for pk, source_id, *known in rows:
                    self.known[(source, kind, source_id)] = Known(pk, *known)

    # --- one batch -------------------------------------------------------------------------
    def write_batch(self, items: list[Parsed]) -> list:
        """Write a batch of parsed rows; one outcome per row (CREATED, UPDATED, UNCHANGED or a Rejection)."""
        outcomes: list = [UNCHANGED] * len(items)
        keys: set[tuple] = set()
        for index, parsed in enumerate(items):
            row_keys = [(r.source, PLACE, r.source_id) for r in parsed.places]
            row_keys += [(r.source, SERVICE, r.source_id) for r in parsed.services]
            duplicate = next((k for k in row_keys if k in self.seen), None)
            if duplicate:
                outcomes[index] = Rejection(
                    gettext("Identifiant « %(id)s » en double : déjà lu plus haut dans le fichier")
                    % {"id": duplicate[2]}
                )
                continue
            self.seen.update(row_keys)
            keys.update(row_keys)
            keys.update((r.source, PLACE, r.place_source_id) for r in parsed.services)
        self._lookup(keys)
        self._write_places(items, outcomes)
        self._write_services(items, outcomes)
        return outcomes

    def _write_places(self, items, outcomes) -> None:
        creates, updates = [], []
        for index, parsed in enumerate(items):
            if isinstance(outcomes[index], Rejection):
                continue
            for record in parsed.places:
                key = (record.source, PLACE, record.source_id)
                fp = fingerprint(record.fields)
                known = self.known.get(key)
                if known is None or known.place_id is None:
                    creates.append((index, record, fp, bool(parsed.services)))
                elif (known.fingerprint != fp or known.absent_since is not None) and not known.outdated_by(
                    record.date_maj, self.run.feed
                ):
                    updates.append((index, record, fp, known))
        if creates:
            self._create_places(creates, outcomes)
        if updates:
            self._update(Place, updates, outcomes, self.multi_places)

    def _create_places(self, creates, outcomes) -> None:
        rows, datas = [], []
        for _, record, _, has_services in creates:
            data = to_json(record.fields)
            place = Place(**{name: from_json(name, value) for name, value in data.items()})
            place.compute_derived(has_services)
            rows.append({f.attname: getattr(place, f.attname) for f in _PLACE_FIELDS})
            datas.append(data)
        ids = bulk.insert(Place, rows)
        self.created_place_ids.extend(ids)
        self._save_new_records(
            [
                (index, record, fp, {"place_id": pk}, data)
                for (index, record, fp, _), pk, data in zip(creates, ids, datas, strict=True)
            ],
            PLACE,
            outcomes,
        )

    def _write_services(self, items, outcomes) -> None:
        creates, updates = [], []
        for index, parsed in enumerate(items):
            if isinstance(outcomes[index], Rejection):
                continue
            for record in parsed.services:
                parent = self.known.get((record.source, PLACE, record.place_source_id))
                if parent is None or parent.place_id is None:
                    outcomes[index] = Rejection(
                        gettext(
                            "Structure « %(id)s » inconnue pour la source « %(source)s » : "
                            "importez d’abord le fichier de ses structures"
                        )
                        % {"id": record.place_source_id, "source": record.source}
                    )
                    self.seen.discard((record.source, SERVICE, record.source_id))
                    break
                key = (record.source, SERVICE, record.source_id)
                fp = fingerprint(record.fields, record.place_source_id)
                known = self.known.get(key)
                target = {"place_id": parent.place_id, "parent_id": parent.pk}
                if known is None or known.service_id is None:
                    creates.append((index, record, fp, target))
                elif (known.fingerprint != fp or known.absent_since is not None) and not known.outdated_by(
                    record.date_maj, self.run.feed
                ):
                    updates.append((index, record, fp, known, target))
        if creates:
            datas = [to_json(r.fields) for _, r, _, _ in creates]
            ids = bulk.insert(
                Service,
                [{**data, "place_id": target["place_id"]} for (*_, target), data in zip(creates, datas, strict=True)],
            )
            self._save_new_records(
                [
                    (i, r, fp, {**target, "service_id": pk}, data)
                    for (i, r, fp, target), pk, data in zip(creates, ids, datas, strict=True)
                ],
                SERVICE,
                outcomes,
            )
            self.stale_places.update(target["place_id"] for *_, target in creates)
        if updates:
            self._update(Service, updates, outcomes, self.multi_services)

    # --- shared steps ----------------------------------------------------------------------
    def _save_new_records(self, entries, kind, outcomes) -> None:
        new, revived = [], []
        for index, record, fp, target, data in entries:
            known = self.known.get((record.source, kind, record.source_id))
            if known:  # a known record without its place or service: the target was deleted by hand, recreated now
                revived.append(
                    SourceRecord(pk=known.pk, feed=self.run.feed, fingerprint=fp, date_maj=record.date_maj,
                                 last_run=self.run, data=data, absent_since=None, **target)
                )  # fmt: skip
            else:
                new.append({
                    "source": record.source, "kind": kind, "source_id": record.source_id, "feed": self.run.feed,
                    "fingerprint": fp, "date_maj": record.date_maj, "first_run_id": self.run.pk,
                    "last_run_id": self.run.pk, "data": data, "absent_since": None, **target,
                })  # fmt: skip
            outcomes[index] = CREATED
        pks = iter(bulk.insert(SourceRecord, new))
        self._analyze_once(len(new))
        if revived:
            fields = ["feed", "fingerprint", "date_maj", "last_run", "data", "absent_since", *target]
            SourceRecord.objects.bulk_update(revived, fields, batch_size=_CHUNK)
        revived_pks = iter(rec.pk for rec in revived)
        for _, record, fp, target, _ in entries:
            known = self.known.get((record.source, kind, record.source_id))
            self.known[(record.source, kind, record.source_id)] = Known(
                next(revived_pks) if known else next(pks), fp, target.get("place_id"), target.get("service_id"),
                None, record.date_maj, self.run.feed,
            )  # fmt: skip

    def _update(self, model, updates, outcomes, shared: set[int]) -> None:
        """Apply changed records to their places or services, keeping each changed value in history."""
        kind = PLACE if model is Place else SERVICE
        target_field = "place_id" if kind == PLACE else "service_id"
        ids = {getattr(entry[3], target_field) for entry in updates}
        objects = model.objects.in_bulk(ids)
        siblings, corrections = self._siblings(kind, ids & shared)
        previous = self._previous_data([entry[3].pk for entry in updates])
        touched, history, moved_from = {}, [], set()
        for index, record, fp, known, *extra in updates:
            obj = objects[getattr(known, target_field)]
            data = to_json(record.fields)
            values = data
            if obj.pk in siblings:
                siblings[obj.pk][known.pk] = (str(record.date_maj or ""), data)
                values = combine(list(siblings[obj.pk].values()))
            # Only what the source changed is applied: a value it repeats does not revert a correction
            # made since (by a coordinator, or by another source).
            old = previous.get(known.pk, {})
            values = {name: value for name, value in values.items() if name not in old or old[name] != data.get(name)}
            if not values.get("date_maj", True):
                del values["date_maj"]  # a version without a date never erases the date another gave
            if kind == PLACE:
                values = keep_precise_position(obj, values)
            diff = apply(obj, values)
            self._supersede(corrections.get(obj.pk), diff)
            if extra and obj.place_id != extra[0]["place_id"]:
                diff["place_id"] = (obj.place_id, extra[0]["place_id"])
                moved_from.add(obj.place_id)
                obj.place_id = extra[0]["place_id"]
            for name, (old, new) in diff.items():
                history.append(FieldChange(record_id=known.pk, run=self.run, field=name, old_value=display(old),
                                           new_value=display(new), changed_at=self.now))  # fmt: skip
            if diff:
                touched.setdefault(obj.pk, (obj, set()))[1].update(diff)
            update = {
                "fingerprint": fp,
                "data": data,
                "date_maj": record.date_maj,
                "last_run": self.run,
                "feed": self.run.feed,
            }
            if extra:
                update["parent_id"] = extra[0]["parent_id"]
            # One UPDATE per changed row: cheaper than bulk_update's CASE expressions over many fields.
            SourceRecord.objects.filter(pk=known.pk).update(absent_since=None, **update)
            known.fingerprint, known.absent_since, known.date_maj = fp, None, record.date_maj
            known.feed = self.run.feed
            if outcomes[index] != CREATED:
                outcomes[index] = UPDATED
        with_services = set()
        if kind == PLACE and touched:
            with_services = set(
                Service.objects.filter(place_id__in=touched).values_list("place_id", flat=True).distinct()
            )
        for obj, fields in touched.values():
            fields.add("modifie_le")
            obj.modifie_le = self.now
            if kind == PLACE:
                obj.compute_derived(obj.pk in with_services)
                fields |= {"jours_ouverture", "score_completude", "nom_recherche"}
            model.objects.filter(pk=obj.pk).update(**{name: getattr(obj, name) for name in fields})
        FieldChange.objects.bulk_create(history, batch_size=_CHUNK)
        if kind == SERVICE:
            self.stale_places.update({obj.place_id for obj, _ in touched.values()} | moved_from)

    def _analyze_once(self, inserted: int) -> None:
        """PostgreSQL plans the per-batch lookups by key on the table's statistics: taken before a large
        first import, they say a source has no services, and each lookup then reads every record of the
        source (quadratic). Once a run has inserted many records, statistics are refreshed (ANALYZE sees
        the rows of its own transaction)."""
        self.inserted = getattr(self, "inserted", 0) + inserted
        if self.inserted >= _ANALYZE_AFTER and not getattr(self, "analyzed", False):
            self.analyzed = True
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute(f"ANALYZE {connection.ops.quote_name(SourceRecord._meta.db_table)}")

    @staticmethod
    def _previous_data(pks: list[int]) -> dict[int, dict]:
        """What each record said at the previous import."""
        out = {}
        for start in range(0, len(pks), _CHUNK):
            out.update(SourceRecord.objects.filter(pk__in=pks[start : start + _CHUNK]).values_list("pk", "data"))
        return out

    @staticmethod
    def _siblings(kind, ids: set[int]) -> tuple[dict[int, dict[int, tuple]], dict[int, list[SourceRecord]]]:
        """The other sources' records of these targets, and the corrections of coordinators and structures
        (kept apart: a correction holds until a source changes that value, see `_update`)."""
        column = "place_id" if kind == PLACE else "service_id"
        out: dict[int, dict[int, tuple]] = {}
        corrections: dict[int, list[SourceRecord]] = {}
        if ids:
            for pk, source, target, date_maj, data in SourceRecord.objects.filter(
                kind=kind, **{f"{column}__in": ids}
            ).values_list("pk", "source", column, "date_maj", "data"):
                if source in EDIT_SOURCES:
                    corrections.setdefault(target, []).append(SourceRecord(pk=pk, data=data))
                else:
                    out.setdefault(target, {})[pk] = (str(date_maj or ""), data)
        return out, corrections

    @staticmethod
    def _supersede(corrections: list[SourceRecord] | None, diff: dict) -> None:
        """A source changed values a coordinator or a structure had corrected: its news replaces them."""
        for correction in corrections or ():
            if set(diff) & set(correction.data):
                data = {name: value for name, value in correction.data.items() if name not in diff}
                SourceRecord.objects.filter(pk=correction.pk).update(data=data)

    # --- end of run ------------------------------------------------------------------------
    def refresh_places(self) -> None:
        """Places whose services changed: search keys and completeness, once per place and per run."""
        ids = sorted(self.stale_places)
        for start in range(0, len(ids), 5000):
            refresh_places(ids[start : start + 5000])
        self.stale_places.clear()

    def mark_absent(self, today) -> int:
        """Records this feed gave before but not this time: flagged, never deleted. Returns how many
        (`present_before`: how many were present in the feed before this run)."""
        rows = SourceRecord.objects.filter(feed=self.run.feed, absent_since__isnull=True).values_list(
            "pk", "source", "kind", "source_id"
        )
        rows = list(rows.iterator())
        self.present_before = len(rows)
        absent = [pk for pk, source, kind, source_id in rows if (source, kind, source_id) not in self.seen]
        for start in range(0, len(absent), _CHUNK):
            SourceRecord.objects.filter(pk__in=absent[start : start + _CHUNK]).update(absent_since=today)
        return len(absent)
