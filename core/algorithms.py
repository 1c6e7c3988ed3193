"""Declarations of the public algorithms (CRPA L311-3-1, R311-3-1-2): each algorithm declares itself next to
its own code, from the very constants and rules it runs with, so the public register (`algorithms` app) cannot
drift from what runs.

An app registers a function returning a `Declaration` from its `AppConfig.ready()`:

    algorithms.register("recherche", declare)   # declare() -> Declaration, called at each reading

The register reads `declarations()`; `fingerprint(d)` is what changes when a rule, a weight or a parameter does.
"""

import hashlib
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Parameter:
    """A parameter or weight, with the value the code runs with and what it does, in plain French."""

    name: str
    value: str
    meaning: str


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


def declarations() -> list[Declaration]:
    """Every registered declaration, read now from the running code, in registration order."""
    return [declare() for declare in _registry.values()]


def declaration(slug: str) -> Declaration | None:
    declare = _registry.get(slug)
    return declare() if declare else None


def fingerprint(d: Declaration) -> str:
    """A short hash of what governs the outcome: parameters, rules and their version (not the wording around them)."""
    governing = {"parameters": [asdict(p) for p in d.parameters], "rules": [asdict(r) for r in d.rules]}
    governing["rules_version"] = d.rules_version
    return hashlib.sha256(json.dumps(governing, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:12]
