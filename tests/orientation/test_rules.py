"""The rules file is data, checked when it is loaded: an unknown field, operator, key, need or placeholder is a
clear error at startup and in the tests, never a rule that silently never fires."""

import datetime

import pytest

from orientation.domain import rules

HEAD = 'version = "1"\ndate = 2026-12-04\n'


def procedures() -> str:
    return "".join(
        f'[procedures.{code}]\nshort = "x"\nonline_only = true\naccount = ""\nskills = []\nneeds = ["demarches"]\n'
        "documents = []\n"
        for code in ["caf", "impots", "sante", "france-travail", "identite", "retraite", "logement", "energie", "autre"]
    )


def rule(when: str, **extra) -> str:
    lines = "".join(f"{key} = {value}\n" for key, value in extra.items())
    return f'[[rules]]\ncode = "R"\nname = "n"\ntext = "t"\nreason = "r"\nwhen = {when}\n{lines}'


def parse(body: str) -> rules.RuleSet:
    return rules.parse(HEAD + body + procedures())


def test_the_shipped_rules_load_with_their_version_and_date():
    shipped = rules.load()
    assert shipped.version and isinstance(shipped.date, datetime.date)
    assert len(shipped.rules) >= 8 and len({r.code for r in shipped.rules}) == len(shipped.rules)
    assert all(p.documents for p in shipped.procedures.values())


def test_a_valid_rule_parses():
    found = parse(rule('{ all = [{ field = "mobility", equals = "aucun" }] }', remote="true"))
    assert found.rules[0].remote and found.rules[0].when == {"all": [{"field": "mobility", "equals": "aucun"}]}


@pytest.mark.parametrize(
    ("when", "message"),
    [
        ('{ field = "shoe_size", equals = "42" }', "champ inconnu 'shoe_size'"),
        ('{ field = "mobility", resembles = "aucun" }', "opérateur inconnu"),
        ('{ field = "mobility", equals = "aucun", in = ["x"] }', "opérateur inconnu"),
        ('{ field = "mobility", within_days = 3 }', "ne s’applique pas au champ 'mobility'"),
        ('{ field = "deadline", within_days = "3" }', "mauvais type"),
        ("{ all = [] }", "une liste de conditions est attendue"),
        ('{ all = [{ field = "mobility", equals = "aucun" }], any = [] }', "doit être seul"),
        ('{ not = { field = "nothing", is_empty = true } }', "champ inconnu 'nothing'"),
    ],
)
def test_a_wrong_condition_is_refused_with_a_clear_message(when, message):
    with pytest.raises(rules.RulesError, match=message):
        parse(rule(when))


def test_an_unknown_key_need_support_or_placeholder_is_refused():
    when = '{ field = "mobility", equals = "aucun" }'
    with pytest.raises(rules.RulesError, match="clé inconnue \\['severity'\\]"):
        parse(rule(when, severity="3"))
    with pytest.raises(rules.RulesError, match="besoin inconnu"):
        parse(rule(when, needs='["teleportation"]'))
    with pytest.raises(rules.RulesError, match="prise en charge inconnue"):
        parse(rule(when, supports='["Télépathie"]'))
    with pytest.raises(rules.RulesError, match="variable permise"):
        rules.parse(HEAD + rule(when).replace('reason = "r"', 'reason = "{procedure.__class__}"') + procedures())


def test_a_file_without_version_or_with_a_procedure_missing_is_refused():
    with pytest.raises(rules.RulesError, match="version"):
        rules.parse(procedures())
    with pytest.raises(rules.RulesError, match="démarches sans description"):
        rules.parse(HEAD + procedures().split("[procedures.autre]")[0])
    with pytest.raises(rules.RulesError, match="illisible"):
        rules.parse("version = ")


def test_two_rules_with_one_code_are_refused():
    when = '{ field = "mobility", equals = "aucun" }'
    with pytest.raises(rules.RulesError, match="en double"):
        parse(rule(when) + rule(when))


@pytest.mark.parametrize(
    ("node", "facts", "expected"),
    [
        ({"field": "equipment", "lacks": "ordinateur"}, {"equipment": ["smartphone"]}, True),
        ({"field": "equipment", "contains_any": ["a", "b"]}, {"equipment": ["b"]}, True),
        ({"field": "equipment", "is_empty": True}, {"equipment": []}, True),
        ({"field": "language", "not_empty": True}, {"language": ""}, False),
        ({"not": {"field": "mobility", "equals": "aucun"}}, {"mobility": "pied"}, True),
        ({"any": [{"field": "mobility", "equals": "x"}, {"field": "reading", "in": ["no"]}]}, {"reading": "no"}, True),
        ({"field": "deadline", "within_days": 3}, {"deadline": None}, False),
    ],
)
def test_the_operators(node, facts, expected):
    assert rules.holds(node, facts, datetime.date(2026, 12, 4)) is expected
