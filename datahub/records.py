"""What an importer produces from one row: records ready to be written, or a rejection."""

from dataclasses import dataclass, field
from datetime import date
from functools import cache

from django.db.models import CharField, EmailField, URLField
from django.utils.translation import gettext, gettext_lazy


class Rejected(Exception):
    """The row cannot be used at all; the message says why, in French."""


@dataclass
class PlaceRecord:
    source: str
    source_id: str
    fields: dict
    date_maj: date | None = None


@dataclass
class ServiceRecord:
    source: str
    source_id: str
    place_source_id: str
    fields: dict
    date_maj: date | None = None


@dataclass
class Parsed:
    places: list[PlaceRecord] = field(default_factory=list)
    services: list[ServiceRecord] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


# Short codes (postal, INSEE, SIRET, phone) and addresses on the web are worthless cut: they are dropped.
_DROP_WHEN_TOO_LONG = 30


@cache
def _limits(kind: str) -> dict[str, tuple[int, bool, str]]:
    """{field: (max_length, is_url, French label)} of the place or service model."""
    from directory.models import Place, Service

    model = Place if kind == "place" else Service
    return {
        f.name: (f.max_length, isinstance(f, (URLField, EmailField)), str(f.verbose_name))
        for f in model._meta.concrete_fields
        if getattr(f, "max_length", None) and isinstance(f, CharField)
    }


def fit_to_columns(parsed: Parsed) -> Parsed:
    """Every value fits its database column, so that no value aborts a run (PostgreSQL checks lengths,
    SQLite does not): long texts are cut with a warning; codes and web addresses that are too long
    are dropped with a warning; an identifier too long rejects the row."""
    for kind, records in (("place", parsed.places), ("service", parsed.services)):
        for record in records:
            for value, label in (
                (record.source_id, gettext_lazy("Identifiant")),
                (getattr(record, "place_source_id", ""), gettext_lazy("Structure")),
            ):
                if len(value) > 200:
                    raise Rejected(
                        gettext("%(label)s trop long (%(length)s caractères, au plus 200) : « %(start)s… »")
                        % {"label": label, "length": len(value), "start": value[:40]}
                    )
            record.source = record.source[:100]
            for name, (limit, is_url, label) in _limits(kind).items():
                value = record.fields.get(name)
                if not isinstance(value, str) or len(value) <= limit:
                    continue
                if is_url or limit <= _DROP_WHEN_TOO_LONG:
                    record.fields[name] = ""
                    parsed.warnings.append(
                        gettext("« %(label)s » trop long (%(length)s caractères, au plus %(limit)s) : ignoré")
                        % {"label": label, "length": len(value), "limit": limit}
                    )
                else:
                    record.fields[name] = value[: limit - 1].rstrip() + "…"
                    parsed.warnings.append(
                        gettext("« %(label)s » trop long (%(length)s caractères) : coupé à %(limit)s")
                        % {"label": label, "length": len(value), "limit": limit}
                    )
    return parsed
