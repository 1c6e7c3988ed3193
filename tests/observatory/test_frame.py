"""Columns from answers: integer codes built once, decoded values equal to the answers, age bands at their edges."""

import numpy as np

from observatory.domain import frame

ROWS = [
    {"commune": "91377", "annee_naissance": 2012, "sexe": "femme", "internet_domicile": "oui", "qpv": "oui"},
    {"commune": "91377", "annee_naissance": 2010, "sexe": "autre", "accompagnement_souhaite": ["demarches"]},
    {"commune": "91228", "annee_naissance": 2002, "sexe": "homme", "activites_information": ["aucune"]},
    {"commune": "", "annee_naissance": 1946, "activites_information": ["aucune", "actualites"]},
    {},
]


def test_columns_decode_to_the_answers_and_age_bands_start_at_15():
    data = frame.from_answers(ROWS, 2026, {"91228"})
    assert list(data["commune"]) == ["91377", "91377", "91228", "", ""]
    assert list(data["age_band"]) == ["", "15-24", "15-24", "80+", ""]  # 15 is the first age; no year, no band
    assert list(data["sex"]) == ["femme", "", "homme", "", ""]  # only the two sexes of the margins
    assert list(data["qpv_commune"]) == [False, False, True, False, False]
    assert list(data["support_demarches"]) == [False, True, False, False, False]
    assert list(data["skills_missing"]) == [5, 5, 5, 4, 5]  # a list with a real activity counts as a skill
    assert [frame.age_band(a) for a in (14, 15, 24, 25, 79, 80, None)] == [
        "",
        "15-24",
        "15-24",
        "25-39",
        "65-79",
        "80+",
        "",
    ]


def test_codes_lookups_and_encodings_agree_with_the_values():
    data = frame.from_answers(ROWS, 2026)
    codes, categories = data.codes("commune")
    assert list(categories[codes]) == list(data["commune"])
    assert list(data.isin("commune", ["91228", "00000"])) == [False, False, True, False, False]
    assert list(data.answered("internet_domicile")) == [True, False, False, False, False]
    assert list(data.encode("commune", ["91228", "91377"])) == [1, 1, 0, -1, -1]
    given = frame.Frame(3, {"sex": np.array(["homme", "femme", "homme"])})  # a frame of plain values is coded lazily
    assert list(given.encode("sex", ["femme", "homme"])) == [1, 0, 1]
    assert given.subset(np.array([True, False, True])).n == 2
