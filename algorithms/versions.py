"""The published versions of each public algorithm, in `algorithms/versions.toml` (committed with the code).

Each entry: the version number, its date, the declaration's fingerprint (`core.algorithms.fingerprint`) and a
one-line French summary of the change. The last entry is the version in force. `drift()` lists the declarations
whose running fingerprint is not their last entry's (a rule, a weight or a parameter changed without a new
version): the test suite fails on it, and `manage.py algorithms_versions --add <slug> "<résumé>"` records it.
"""

import json
import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.utils import timezone

from core import algorithms

PATH = Path(__file__).with_name("versions.toml")
HEADER = (
    "# Published versions of the public algorithms (« Algorithmes publics », /algorithmes/), oldest first.\n"
    '# Do not edit by hand: `manage.py algorithms_versions --add <slug> "<résumé>"` appends the running\n'
    "# declaration's fingerprint with today's date. The last entry of a slug is its version in force.\n"
)


@dataclass(frozen=True)
class Version:
    number: int
    date: date
    fingerprint: str
    summary: str


def load(path: Path | None = None) -> dict[str, list[Version]]:
    path = path or PATH
    if not path.exists():
        return {}
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    return {
        slug: [Version(e["version"], e["date"], e["fingerprint"], e["summary"]) for e in entries]
        for slug, entries in raw.items()
    }


def history(slug: str) -> list[Version]:
    return load().get(slug, [])


def current(slug: str) -> Version | None:
    found = history(slug)
    return found[-1] if found else None


def command(slug: str) -> str:
    return f'manage.py algorithms_versions --add {slug} "<résumé du changement>"'


def drift() -> list[str]:
    """For each registered declaration without a recorded version, or whose running fingerprint differs from its
    last recorded one, a message saying what to run. Empty when the register shows what runs."""
    recorded = load()
    problems = []
    for d in algorithms.declarations():
        live = algorithms.fingerprint(d)
        entries = recorded.get(d.slug)
        if not entries:
            problems.append(f"« {d.slug} » n’a aucune version publiée : lancez {command(d.slug)}")
        elif entries[-1].fingerprint != live:
            problems.append(
                f"« {d.slug} » a changé (empreinte {live}, version {entries[-1].number} publiée avec "
                f"{entries[-1].fingerprint}) : lancez {command(d.slug)}"
            )
    return problems


def add(slug: str, summary: str, day: date | None = None, path: Path | None = None) -> Version:
    """Append the running declaration of `slug` as its next version. Raises ValueError (in French) when the slug
    is unknown, the summary empty, or the declaration unchanged since its last version."""
    path = path or PATH
    declared = algorithms.declaration(slug)
    if declared is None:
        raise ValueError(f"Aucun algorithme « {slug} » n’est déclaré (connus : {', '.join(algorithms.slugs())}).")
    summary = " ".join(summary.split())
    if not summary:
        raise ValueError("Donnez un résumé du changement, en une phrase.")
    entries = load(path).get(slug, [])
    live = algorithms.fingerprint(declared)
    if entries and entries[-1].fingerprint == live:
        raise ValueError(f"« {slug} » n’a pas changé depuis sa version {entries[-1].number}.")
    version = Version(entries[-1].number + 1 if entries else 1, day or timezone.localdate(), live, summary)
    text = path.read_text(encoding="utf-8") if path.exists() else HEADER
    entry = (
        f"\n[[{slug}]]\nversion = {version.number}\ndate = {version.date.isoformat()}\n"
        f"fingerprint = {json.dumps(version.fingerprint)}\nsummary = {json.dumps(summary, ensure_ascii=False)}\n"
    )
    path.write_text(text.rstrip("\n") + "\n" + entry, encoding="utf-8")
    return version
