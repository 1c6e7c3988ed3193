"""A closed list of values with French labels, usable as Django choices."""

import csv
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path


@dataclass(frozen=True)
class Vocabulary:
    name: str
    items: tuple[tuple[str, str], ...]
    _labels: dict = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "_labels", dict(self.items))

    @classmethod
    def same_labels(cls, name: str, values: list[str]) -> "Vocabulary":
        """Vocabularies of the lieux standard: the value is its own French label."""
        return cls(name, tuple((v, v) for v in values))

    @classmethod
    def from_enum(cls, name: str, enum: type[Enum]) -> "Vocabulary":
        """Vocabularies of data·inclusion: slug values with a label each."""
        return cls(name, tuple((member.value, member.label) for member in enum))

    @classmethod
    def from_csv(cls, name: str, path: Path) -> "Vocabulary":
        with open(path, encoding="utf-8", newline="") as handle:
            return cls(name, tuple((r["value"], r["label"]) for r in csv.DictReader(handle)))

    @property
    def choices(self) -> list[tuple[str, str]]:
        return list(self.items)

    @property
    def values(self) -> list[str]:
        return [value for value, _ in self.items]

    def __contains__(self, value) -> bool:
        return value in self._labels

    def label(self, value: str) -> str:
        return self._labels.get(value, value)
