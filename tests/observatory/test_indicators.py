"""The illectronisme rule (INSEE 2021), weak capacities, and the indicators read from answers."""

import numpy as np

from observatory.domain import frame, indicators

ALL = {
    "activites_information": ["actualites"],
    "activites_communication": ["courriels"],
    "activites_resolution": ["banque"],
    "activites_logiciels": ["texte"],
    "activites_protection": ["cookies"],
}


def person(**answers):
    return {"derniere_utilisation": "moins_3_mois", "annee_naissance": 1960, "sexe": "femme", **answers}


def flags(indicator, rows):
    data = frame.from_answers(rows, 2026)
    flag, base = indicators.BY_KEY[indicator].compute(data)
    return list(flag[base])


def test_illectronisme_is_no_use_in_three_months_or_no_skill_in_four_domains_of_five():
    rows = [
        person(derniere_utilisation="jamais"),  # no use: illectronisme
        person(derniere_utilisation="3_12_mois"),  # not in the last three months: illectronisme
        person(
            **{
                **ALL,
                "activites_information": ["aucune"],
                "activites_communication": ["aucune"],
                "activites_resolution": [],
                "activites_logiciels": ["aucune"],
            }
        ),  # one domain: illectronisme
        person(
            **{
                **ALL,
                "activites_information": ["aucune"],
                "activites_communication": [],
                "activites_resolution": ["aucune"],
            }
        ),  # three missing: weak
        person(**ALL),  # every domain
    ]
    assert flags("illectronisme", rows) == [True, True, True, False, False]
    assert flags("weak_capacities", rows) == [False, True, False]  # users only: missing 4, 3, 0 domains


def test_no_home_internet_counts_only_those_who_know():
    rows = [person(internet_domicile="non"), person(internet_domicile="oui"), person(internet_domicile="ne_sait_pas")]
    assert flags("no_home_internet", rows) == [True, False]


def test_procedures_exclude_people_who_had_none():
    rows = [person(autonomie_demarches=v) for v in ("seul", "avec_aide", "par_un_tiers", "pas_pu", "sans_objet")]
    assert flags("autonomous", rows) == [True, False, False, False]
    assert flags("dependent", rows) == [False, True, True, False]
    assert flags("gave_up", rows) == [False, False, False, True]


def test_support_wanted_by_theme():
    rows = [
        person(accompagnement_souhaite=["demarches", "securite"]),
        person(accompagnement_souhaite=["aucun"]),
        person(),
    ]
    assert flags("support_demarches", rows) == [True, False]
    assert flags("support_securite", rows) == [True, False]


def test_every_indicator_says_its_reference_or_that_it_is_local():
    for indicator in indicators.INDICATORS:
        ref = indicator.reference
        assert ref is None or (ref["source"] and ref["year"] and 0 < ref["value"] < 100)
    assert indicators.BY_KEY["illectronisme"].reference_share == 0.154
    assert indicators.BY_KEY["far_from_digital"].local


def test_the_territory_estimates_every_indicator():
    rows = [person(**ALL, internet_domicile="oui")] * 40
    data = frame.from_answers(rows, 2026)
    estimates = indicators.territory(data, np.ones(data.n))
    assert len(estimates) == len(indicators.INDICATORS)
    assert {i.key: e.share for i, e in estimates}["illectronisme"] == 0.0
