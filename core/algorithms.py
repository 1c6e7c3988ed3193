"""Declarations of the public algorithms (CRPA L311-3-1, R311-3-1-2): each algorithm declares itself next to
its own code, from the very constants and rules it runs with, so the public register (`algorithms` app) cannot
drift from what runs.

An app registers a function returning a `Declaration` from its `AppConfig.ready()`:

    algorithms.register("recherche", declare)   # declare() -> Declaration, called at each reading

A parameter is best read with `constant("directory.domain.search.NEAREST_LIMIT", "…", "…")` (or
`"settings.ANCRAGE_…"`): its value is then the one the code reads at this moment, and `source` says where.

The register reads `declarations()`; `fingerprint(d)` is what changes when a rule, a weight or a parameter does.
"""

import hashlib
import importlib
import json
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Parameter:
    """A parameter or weight, with the value the code runs with and what it does, in plain French."""

    name: str
    value: str
    meaning: str
    source: str = ""  # where the running code reads it ("settings.ANCRAGE_…", "package.module.NAME"); not hashed


@dataclass(frozen=True)
class Rule:
    """One written rule (a risk rule, a merge rule…): its code and its text in plain French."""

    code: str
    text: str


@dataclass(frozen=True)
class Declaration:
    slug: str  # stable, in URLs: "recherche", "risques-exclusion"…
    name: str  # « Classement des résultats de la recherche »
    purpose: str  # what it is for
    part_in_outcome: str  # a decision aid, never a decision: what it proposes, who decides
    data: tuple[tuple[str, str], ...]  # (data used, its source)
    operations: tuple[str, ...]  # the steps, in order, in plain French
    human_role: str  # what the person or the professional does with it, and how to contest
    module: str  # where the code lives (dotted path)
    parameters: tuple[Parameter, ...] = ()
    rules: tuple[Rule, ...] = ()
    rules_version: str = ""  # the version of a rules file, where the algorithm reads one
    contact: str = ""  # whom to ask; empty: the site's contact page


_registry: dict[str, Callable[[], Declaration]] = {}


def register(slug: str, declare: Callable[[], Declaration]) -> None:
    _registry[slug] = declare


def slugs() -> list[str]:
    """The registered slugs, in registration order (without reading the declarations)."""
    return list(_registry)


def declarations() -> list[Declaration]:
    """Every registered declaration, read now from the running code, in registration order."""
    return [declare() for declare in _registry.values()]


def declaration(slug: str) -> Declaration | None:
    declare = _registry.get(slug)
    return declare() if declare else None


def fingerprint(d: Declaration) -> str:
    """A short hash of what governs the outcome: parameters, rules and their version (not the wording around them,
    nor where a parameter is read)."""
    governing = {
        "parameters": [{"name": p.name, "value": p.value, "meaning": p.meaning} for p in d.parameters],
        "rules": [{"code": r.code, "text": r.text} for r in d.rules],
    }
    governing["rules_version"] = d.rules_version
    return hashlib.sha256(json.dumps(governing, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:12]


# --- parameters read from the running code --------------------------------------------------------------------


def resolve(source: str):
    """The value a dotted `source` names now: "settings.NAME" or "package.module.NAME"."""
    owner, _, name = source.rpartition(".")
    if owner == "settings":
        from django.conf import settings

        return getattr(settings, name)
    return getattr(importlib.import_module(owner), name)


def french(value, unit: str = "") -> str:
    """A value as a French reader reads it: 0.85 → « 0,85 », True → « oui », (20, 30) → « 20, 30 », plus a unit."""
    if isinstance(value, bool):
        text = "oui" if value else "non"
    elif isinstance(value, float):
        text = str(value).replace(".", ",")
    elif isinstance(value, (list, tuple, set, frozenset)):
        text = ", ".join(french(v) for v in (sorted(value) if isinstance(value, (set, frozenset)) else value))
    else:
        text = str(value)
    return f"{text}\u00a0{unit}" if unit else text


def constant(source: str, name: str, meaning: str, unit: str = "", show: Callable | None = None) -> Parameter:
    """A parameter read now from the constant or setting `source` the code runs with; `show(value)` phrases it
    (default: `french(value, unit)`)."""
    value = resolve(source)
    return Parameter(name=name, value=show(value) if show else french(value, unit), meaning=meaning, source=source)
