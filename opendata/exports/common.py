"""What every export shares: the published data, its date, the producer name, streaming helpers."""

import csv
import io
import json
from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache

from django.conf import settings
from django.db.models import Max, Prefetch, QuerySet
from django.utils import timezone
from django.utils.text import slugify

from directory.domain import temporary
from directory.models import Place, Service

CHUNK_SIZE = 2000
PREFETCH_CHUNK_SIZE = 500  # places per query when their services come along
BUFFER_BYTES = 64 * 1024


def producer() -> str:
    """Our identifier as a data producer ("ancrage"), used as data·inclusion `source` and in file names."""
    return _slug(settings.ANCRAGE_SITE_NAME)


@lru_cache(maxsize=8)
def _slug(name: str) -> str:
    return slugify(name) or "ancrage"


def published_places() -> QuerySet:
    return Place.objects.published()


def published_services() -> QuerySet:
    return Service.objects.filter(place__est_publie=True)


def places_with_services(places: QuerySet, *service_fields: str) -> Iterator[Place]:
    """Places streamed by chunks, each with `place.services.all()` prefetched (only `service_fields`)."""
    services = Service.objects.order_by("pk")
    if service_fields:
        services = services.only("pk", "place_id", *service_fields)
    places = with_dated_hours(places.order_by("pk").prefetch_related(Prefetch("services", queryset=services)))
    return places.iterator(PREFETCH_CHUNK_SIZE)


def with_dated_hours(places: QuerySet) -> QuerySet:
    """Places with their closures and exceptional hours in force or to come (`dated_hours`), one query a chunk."""
    return places.prefetch_related(Prefetch("temporary_infos", queryset=temporary.exported(), to_attr="dated"))


def dated_hours(place: Place) -> str:
    """The place's OSM hours with its closures and exceptional hours appended as dated rules
    (`… ; 2027 Jan 01-2027 Jan 15 off`): no standard has a column for them, OSM hours carry them natively."""
    return temporary.apply(place.horaires, getattr(place, "dated", []))


def services_with_places(services: QuerySet) -> Iterator[Service]:
    return services.select_related("place").order_by("pk").iterator(CHUNK_SIZE)


def date_of(obj) -> date:
    """`date_maj`, or the day of the last change in Ancrage when the source gave none."""
    if obj.date_maj:
        return obj.date_maj
    return timezone.localdate(obj.modifie_le) if obj.modifie_le else timezone.localdate()


def data_date() -> date | None:
    """The date of the published data: its most recent update."""
    found = published_places().aggregate(maj=Max("date_maj"), modifie=Max("modifie_le"))
    candidates = [found["maj"], timezone.localdate(found["modifie"]) if found["modifie"] else None]
    candidates = [d for d in candidates if d]
    return max(candidates) if candidates else None


def place_url(place: Place, base_url: str) -> str:
    """Absolute address of the place's public page."""
    return base_url.rstrip("/") + _place_path(place.pk, place.nom)


@lru_cache(maxsize=20_000)
def _place_path(pk: int, nom: str) -> str:
    """`Place.get_absolute_url()`, remembered: services of one place share it, and `reverse()` is slow."""
    return Place(pk=pk, nom=nom).get_absolute_url()


def csv_lines(header: list[str], rows: Iterable[list]) -> Iterator[str]:
    """A CSV file (`,`, `"` quoting when needed, CRLF), one string per line."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    yield buffer.getvalue()
    for row in rows:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(row)
        yield buffer.getvalue()


def json_array(items: Iterable) -> Iterator[str]:
    """A JSON list written item by item."""
    yield "["
    first = True
    for item in items:
        yield ("\n" if first else ",\n") + json.dumps(item, ensure_ascii=False, default=str)
        first = False
    yield "\n]\n"


def buffered(parts: Iterable[str], size: int = BUFFER_BYTES) -> Iterator[bytes]:
    """UTF-8 bytes in blocks of about `size`, so a stream is not a flood of tiny writes."""
    pending, length = [], 0
    for part in parts:
        data = part.encode("utf-8")
        pending.append(data)
        length += len(data)
        if length >= size:
            yield b"".join(pending)
            pending, length = [], 0
    if pending:
        yield b"".join(pending)
