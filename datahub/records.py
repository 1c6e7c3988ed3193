"""What an importer produces from one row: records ready to be written, or a rejection."""

from dataclasses import dataclass, field
from datetime import date


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
