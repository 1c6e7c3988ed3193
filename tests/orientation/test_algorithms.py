"""The two declarations in the public register read the live rules file and constants: change a rule, a distance
or the cap, and the declaration (and its fingerprint) changes."""

import pytest

from core import algorithms
from orientation.domain import matching, rules

SLUGS = ("risques-exclusion", "orientation-correspondance")


def test_both_algorithms_are_declared_with_every_rule_and_the_rules_version():
    shipped = rules.load()
    for slug in SLUGS:
        declared = algorithms.declaration(slug)
        assert [r.code for r in declared.rules][: len(shipped.rules)] == [r.code for r in shipped.rules]
        assert shipped.version in declared.rules_version
        assert "jamais une décision" in declared.human_role
    declared = algorithms.declaration("risques-exclusion").rules
    assert declared[0].text == f"{shipped.rules[0].name} — {shipped.rules[0].text}"
    assert {r.code for r in declared[len(shipped.rules) :]} == {f"démarche-{k}" for k in shipped.procedures}


def test_the_matching_declares_the_distances_and_the_cap_it_runs_with():
    parameters = {p.name: p.value for p in algorithms.declaration("orientation-correspondance").parameters}
    reach = parameters["Distance selon le déplacement"]
    assert f"{matching.REACH_KM['pied']} km" in reach and f"{matching.REACH_KM['transports']} km" in reach
    assert parameters["Nombre de propositions"] == str(matching.MAX_RESULTS)


@pytest.mark.parametrize("slug", SLUGS)
def test_a_changed_rule_changes_the_declaration(slug, monkeypatch):
    before = algorithms.declaration(slug)
    text = rules.RULES_FILE.read_text(encoding="utf-8")
    text = text.replace("dans les 15 jours", "dans les 30 jours").replace("within_days = 15", "within_days = 30")
    changed = rules.parse(text)
    monkeypatch.setattr(rules, "load", lambda: changed)
    after = algorithms.declaration(slug)
    assert after.rules != before.rules and "dans les 30 jours" in after.rules[0].text
    assert algorithms.fingerprint(after) != algorithms.fingerprint(before)


def test_a_changed_version_or_parameter_changes_the_fingerprint(monkeypatch):
    before = algorithms.fingerprint(algorithms.declaration("orientation-correspondance"))
    monkeypatch.setattr(matching, "REACH_KM", {**matching.REACH_KM, "pied": 3})
    assert algorithms.fingerprint(algorithms.declaration("orientation-correspondance")) != before
    monkeypatch.undo()
    text = rules.RULES_FILE.read_text(encoding="utf-8").replace('version = "', 'version = "9.')
    monkeypatch.setattr(rules, "load", lambda: rules.parse(text))
    assert algorithms.fingerprint(algorithms.declaration("orientation-correspondance")) != before
