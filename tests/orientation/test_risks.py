"""Every exclusion-risk rule of orientation/rules/risques.toml: it fires when its situation is met, and only then."""

import datetime

import pytest

from orientation.domain.risks import risks
from orientation.models import Situation

TODAY = datetime.date(2026, 12, 4)


def codes(**fields) -> list[str]:
    return [r.code for r in risks(Situation(**fields), today=TODAY)]


def test_an_empty_sheet_shows_no_risk():
    assert codes() == []


@pytest.mark.parametrize(
    ("fields", "fires"),
    [
        ({"equipment": ["aucun"], "procedure": "caf", "deadline": TODAY + datetime.timedelta(days=7)}, True),
        ({"equipment": ["aucun"], "procedure": "caf", "deadline": TODAY + datetime.timedelta(days=15)}, True),
        ({"equipment": ["aucun"], "procedure": "caf", "deadline": TODAY - datetime.timedelta(days=2)}, True),
        ({"equipment": ["aucun"], "procedure": "caf", "deadline": TODAY + datetime.timedelta(days=16)}, False),
        ({"equipment": ["aucun"], "procedure": "caf"}, False),  # no deadline known
        ({"equipment": ["smartphone"], "procedure": "caf", "deadline": TODAY}, False),
        ({"equipment": ["aucun"], "procedure": "logement", "deadline": TODAY}, False),  # not online only
    ],
)
def test_losing_a_right_needs_no_equipment_an_online_procedure_and_a_near_deadline(fields, fires):
    assert ("PERTE-DROIT" in codes(**fields)) is fires


def test_losing_a_right_says_why_in_plain_french():
    found = risks(Situation(equipment=["aucun"], procedure="caf", deadline=datetime.date(2026, 12, 11)), today=TODAY)
    assert found[0].name == "Risque de perdre un droit"
    assert found[0].reason == "Pas d’équipement et une démarche CAF en ligne à faire avant le 11 décembre"


@pytest.mark.parametrize(("reading", "fires"), [("difficile", True), ("non", True), ("facile", False), ("", False)])
def test_reading_difficulties_call_for_help_in_person(reading, fires):
    assert ("LECTURE" in codes(reading=reading)) is fires
    if fires:
        rule = risks(Situation(reading=reading), today=TODAY)[0].rule
        assert rule.in_person and "Illettrisme" in rule.supports


def test_a_person_who_speaks_another_language_needs_help_in_it():
    assert codes(language="") == []
    found = risks(Situation(language="arabe"), today=TODAY)
    assert [r.code for r in found] == ["LANGUE"] and "arabe" in found[0].reason and found[0].rule.language


@pytest.mark.parametrize(("has_email", "fires"), [("non", True), ("oui", False), ("", False)])
def test_no_email_address_means_no_message_from_the_procedure(has_email, fires):
    assert ("SANS-COURRIEL" in codes(has_email=has_email, procedure="impots")) is fires


@pytest.mark.parametrize(
    ("procedure", "accounts", "fires"),
    [("caf", [], True), ("caf", ["caf"], False), ("sante", ["caf"], True), ("sante", ["ameli"], False),
     ("logement", [], False), ("", [], False)],
)  # fmt: skip
def test_no_access_to_the_online_account_the_procedure_needs(procedure, accounts, fires):
    assert ("COMPTE-EN-LIGNE" in codes(procedure=procedure, accounts=accounts)) is fires


def test_the_account_is_named_in_the_reason():
    found = [r for r in risks(Situation(procedure="sante"), today=TODAY) if r.code == "COMPTE-EN-LIGNE"]
    assert found[0].reason == "Pas d’accès au compte Ameli (Assurance maladie), nécessaire pour la démarche santé"


@pytest.mark.parametrize(
    ("disability", "code", "support"),
    [("audition", "HANDICAP-AUDITION", "Surdité"), ("vue", "HANDICAP-VUE", "Déficience visuelle"),
     ("moteur", "HANDICAP-MOTEUR", "Handicaps moteurs"), ("cognitif", "HANDICAP-COGNITIF", "Handicaps mentaux")],
)  # fmt: skip
def test_each_disability_calls_for_adapted_support(disability, code, support):
    found = risks(Situation(disabilities=[disability]), today=TODAY)
    assert [r.code for r in found] == [code] and found[0].rule.supports == (support,)


def test_several_disabilities_give_one_risk_each():
    assert codes(disabilities=["vue", "audition"]) == ["HANDICAP-AUDITION", "HANDICAP-VUE"]


@pytest.mark.parametrize(("mobility", "fires"), [("aucun", True), ("pied", False), ("", False)])
def test_a_person_who_cannot_travel_needs_remote_help_or_a_home_visit(mobility, fires):
    assert ("SANS-DEPLACEMENT" in codes(mobility=mobility)) is fires


@pytest.mark.parametrize(("internet", "fires"), [("non", True), ("oui", False), ("", False)])
def test_no_internet_at_home(internet, fires):
    assert ("SANS-INTERNET" in codes(internet_home=internet)) is fires


def test_weak_skills_count_only_in_the_domains_the_procedure_needs():
    # CAF needs information, software and problem solving; communication is not one of them.
    assert "COMPETENCES" not in codes(procedure="caf", accounts=["caf"], skill_communication="non")
    assert "COMPETENCES" not in codes(procedure="caf", accounts=["caf"], skill_information="seul")
    found = [r for r in risks(Situation(procedure="caf", skill_software="aide", skill_problems="non"), today=TODAY)
             if r.code == "COMPETENCES"]  # fmt: skip
    assert found[0].reason == (
        "La démarche CAF demande de se servir d’un logiciel ou d’une application (remplir, joindre un document) et "
        "résoudre un problème (un mot de passe, un formulaire qui bloque) : la personne ne le fait pas seule"
    )


def test_the_senior_of_the_acceptance_journey():
    fields = {"equipment": ["aucun"], "disabilities": ["audition"], "procedure": "caf",
              "deadline": TODAY + datetime.timedelta(days=6), "accounts": ["caf"]}  # fmt: skip
    assert codes(**fields) == ["PERTE-DROIT", "HANDICAP-AUDITION"]
