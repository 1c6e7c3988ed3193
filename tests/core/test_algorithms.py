"""core.algorithms: parameters read from the running constants, and a fingerprint of what governs the outcome."""

from dataclasses import replace

import pytest

from core import algorithms
from core.algorithms import Declaration, Parameter, Rule, constant, french, resolve
from directory.domain import search


def _declaration(**changes) -> Declaration:
    base = Declaration(
        slug="essai", name="Essai", purpose="Essayer.", part_in_outcome="Une aide.", data=(("a", "b"),),
        operations=("Un pas.",), human_role="Vous décidez.", module="essai",
        parameters=(Parameter("Seuil", "5", "Ce qu’il fait.", "essai.SEUIL"),), rules=(Rule("R1", "Une règle."),),
    )  # fmt: skip
    return replace(base, **changes)


def test_french_values():
    assert french(0.85) == "0,85"
    assert french(6371.0088, "km") == "6371,0088\u00a0km"
    assert french(True) == "oui" and french(False) == "non"
    assert french((20, 30, 50), "km") == "20, 30, 50\u00a0km"
    assert french(frozenset({"b", "a"})) == "a, b"
    assert french(10) == "10"


def test_a_constant_is_read_now_from_the_module_or_the_settings(settings, monkeypatch):
    assert resolve("directory.domain.search.NEAREST_LIMIT") == search.NEAREST_LIMIT
    monkeypatch.setattr(search, "NEAREST_LIMIT", 7)
    parameter = constant("directory.domain.search.NEAREST_LIMIT", "Lieux", "Combien.", "lieux")
    assert parameter == Parameter("Lieux", "7\u00a0lieux", "Combien.", "directory.domain.search.NEAREST_LIMIT")
    settings.ANCRAGE_DEFAULT_RADIUS_KM = 12
    assert constant("settings.ANCRAGE_DEFAULT_RADIUS_KM", "Rayon", "…", show=lambda v: f"{v} km").value == "12 km"
    with pytest.raises(AttributeError):
        resolve("directory.domain.search.NOTHING")


def test_the_fingerprint_follows_parameters_rules_and_their_version_only():
    d = _declaration()
    same = algorithms.fingerprint(d)
    assert len(same) == 12
    # The wording around, the module, where a parameter is read: not what governs the outcome.
    assert algorithms.fingerprint(replace(d, purpose="Autre.", human_role="Autre.", module="ailleurs")) == same
    moved = (Parameter("Seuil", "5", "Ce qu’il fait.", "ailleurs.SEUIL"),)
    assert algorithms.fingerprint(replace(d, parameters=moved)) == same
    assert algorithms.fingerprint(replace(d, parameters=(Parameter("Seuil", "6", "Ce qu’il fait."),))) != same
    assert algorithms.fingerprint(replace(d, rules=(Rule("R1", "Une autre règle."),))) != same
    assert algorithms.fingerprint(replace(d, rules_version="2")) != same


def test_registered_declarations_are_read_at_each_call(monkeypatch):
    monkeypatch.setattr(algorithms, "_registry", {})
    calls = []
    algorithms.register("essai", lambda: calls.append(1) or _declaration())
    assert algorithms.slugs() == ["essai"] and calls == []
    assert algorithms.declaration("essai").slug == "essai"
    assert [d.slug for d in algorithms.declarations()] == ["essai"] and len(calls) == 2
    assert algorithms.declaration("autre") is None
