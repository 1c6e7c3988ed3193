"""What the register's pages and files read: each declaration with its versions, as running now."""

from dataclasses import dataclass

from algorithms import versions
from core import algorithms
from core.algorithms import Declaration


@dataclass(frozen=True)
class Entry:
    declaration: Declaration
    fingerprint: str  # of the running declaration
    history: list[versions.Version]  # oldest first

    @property
    def current(self) -> versions.Version | None:
        return self.history[-1] if self.history else None

    @property
    def published(self) -> bool:
        """The values shown are those of the version in force (not a local setting nor an unpublished change)."""
        return self.current is not None and self.current.fingerprint == self.fingerprint


def _entry(d: Declaration, recorded: dict) -> Entry:
    return Entry(d, algorithms.fingerprint(d), recorded.get(d.slug, []))


def entries() -> list[Entry]:
    recorded = versions.load()
    return [_entry(d, recorded) for d in algorithms.declarations()]


def entry(slug: str) -> Entry | None:
    d = algorithms.declaration(slug)
    return _entry(d, versions.load()) if d else None
