"""The questionnaire's one validation: required questions, blanks on paper, labels as well as codes, years."""

from datetime import date

import numpy as np
import pytest

from observatory.domain import frame, indicators
from observatory.domain.margins import load_margins
from observatory.domain.weighting import rake
from observatory.survey import questionnaire

TODAY = date(2026, 6, 1)


def test_the_required_questions_are_the_ones_the_questionnaire_says(db):
    _, errors = questionnaire.validate({}, today=TODAY)
    required = {q.key for q in questionnaire.load().questions if q.required}
    assert required == {"internet_domicile", "derniere_utilisation", "annee_naissance", "sexe", "commune"}
    assert {k for k, m in errors.items() if m == "réponse obligatoire"} == required


def test_a_paper_questionnaire_left_blank_everywhere_may_be_recorded(db):
    raw = dict.fromkeys(questionnaire.load().keys, "") | {"sexe": "Non renseigné", "equipement": "NR"}
    answers, errors = questionnaire.validate(raw, today=TODAY, blanks_allowed=True)
    assert errors == {}
    assert answers["sexe"] == "" and answers["equipement"] == [] and answers["annee_naissance"] is None


def test_answers_may_be_written_as_printed_on_the_questionnaire(db):
    raw = {
        "internet_domicile": "OUI",
        "derniere_utilisation": "au cours des trois derniers mois",
        "aisance": "tres a l'aise",
        "equipement": "Un smartphone (téléphone avec internet) | un ordinateur",
        "activites_communication": "Utiliser une messagerie (WhatsApp, Messenger…)",
        "activites_information": "actualites,sante",  # codes separated by commas still read
        "diplome": "cap, bep",
        "annee_naissance": "1958",
        "sexe": "Une Femme",
        "commune": "Massy",
    }
    answers, errors = questionnaire.validate(raw, today=TODAY)
    assert errors == {}
    assert answers["derniere_utilisation"] == "moins_3_mois" and answers["aisance"] == "tres"
    assert answers["equipement"] == ["smartphone", "ordinateur"] and answers["sexe"] == "femme"
    assert answers["activites_communication"] == ["messagerie"] and answers["diplome"] == "cap_bep"
    assert answers["activites_information"] == ["actualites", "sante"]


@pytest.mark.parametrize("year", ["2030", "2012", "1899", "1850"])
def test_a_year_of_birth_is_between_1900_and_fifteen_years_ago(db, year):
    _, errors = questionnaire.validate({"annee_naissance": year}, today=TODAY, blanks_allowed=True)
    assert errors["annee_naissance"] == (
        "l’année de naissance doit être comprise entre 1900 et 2011 "
        "(l’enquête s’adresse aux personnes de 15 ans ou plus)"
    )


@pytest.mark.parametrize("year", ["1900", "2011"])
def test_the_bounds_themselves_are_accepted(db, year):
    answers, errors = questionnaire.validate({"annee_naissance": year}, today=TODAY, blanks_allowed=True)
    assert errors == {} and answers["annee_naissance"] == int(year)


def test_non_answers_stay_out_of_the_base_and_are_weighted_one(db):
    """A blank paper questionnaire: out of every indicator's base whose question it left blank; without commune,
    age and sex it is in no raking margin, so it keeps the mean weight 1 (documented on the methodology page)."""
    blank, _ = questionnaire.validate({}, today=TODAY, blanks_allowed=True)
    full, _ = questionnaire.validate(
        {
            "internet_domicile": "non",
            "derniere_utilisation": "jamais",
            "aisance": "peu",
            "annee_naissance": "1950",
            "sexe": "femme",
            "commune": "Massy",
        },
        today=TODAY,
    )
    younger = {**full, "annee_naissance": 1990, "commune": "91477"}
    data = frame.from_answers([blank, full, younger], 2026)
    for key in ("no_home_internet", "no_use_3_months", "illectronisme", "not_comfortable"):
        flag, base = indicators.BY_KEY[key].flags(data)
        assert base.tolist() == [False, True, True] and flag.tolist() == [False, True, True]
    result = rake(data, load_margins())
    assert result.raked == 2 and result.weights[0] == pytest.approx(1.0)
    assert np.isfinite(result.weights).all()
