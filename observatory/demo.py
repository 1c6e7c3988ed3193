"""Demonstration survey responses, generated with the assumptions stated on the methodology page.

Deterministic (a fixed seed): the same responses on every machine. Respondents are spread over the communes by
population, older and more often women than the population (so that the weighting has something to correct).
Not using internet and missing skills grow with age and fall with the diploma, near INSEE's 2021 national orders
of magnitude; a little more in communes with a priority neighbourhood.
"""

import random
from datetime import date

from observatory.domain.frame import AGE_BANDS
from observatory.survey.questionnaire import DOMAINS, load

SIZE = 1500
SEED = 2026
AGE_MIX = (0.08, 0.17, 0.2, 0.17, 0.25, 0.13)
NON_USE = (0.01, 0.02, 0.05, 0.1, 0.25, 0.55)
DIPLOMA_FACTOR = {"aucun": 2.0, "cep_brevet": 1.6, "cap_bep": 1.2, "bac": 0.9, "bac_2": 0.6, "bac_3": 0.4}
SKILL = {"information": 0.93, "communication": 0.97, "resolution": 0.85, "logiciels": 0.75, "protection": 0.6}


def _age(rng: random.Random, band: str) -> int:
    if band == "80+":
        return rng.randint(80, 94)
    low, high = (int(x) for x in band.split("-"))
    return rng.randint(low, high)


def _options(key: str) -> list[str]:
    question = load()[key]
    return [v for v in question.values if v != question.exclusive]


def one(rng: random.Random, communes: list[tuple[str, int, bool]], today: date) -> dict:
    code, _, qpv = rng.choices(communes, weights=[c[1] for c in communes])[0]
    band_index = rng.choices(range(len(AGE_BANDS)), weights=AGE_MIX)[0]
    age = _age(rng, AGE_BANDS[band_index])
    diplomas = list(DIPLOMA_FACTOR)
    diploma = diplomas[min(5, max(0, int(rng.gauss(4.0 - band_index * 0.5, 1.4))))]
    factor = DIPLOMA_FACTOR[diploma] * (1.3 if qpv else 1.0)
    user = rng.random() > min(0.95, NON_USE[band_index] * factor)
    domain_keys = {q.domain: q.key for q in load().questions if q.domain}
    answers = {
        "commune": code,
        "annee_naissance": today.year - age,
        "sexe": "femme" if rng.random() < 0.58 else "homme",
        "qpv": ("oui" if rng.random() < 0.6 else "non") if qpv else "non",
        "diplome": diploma,
        "situation": "retraite"
        if age >= 63
        else rng.choice(["emploi", "emploi", "chomage", "foyer", "autre"] + (["etudes"] * 3 if age < 25 else [])),
        "derniere_utilisation": "moins_3_mois" if user else rng.choice(["3_12_mois", "plus_1_an", "jamais", "jamais"]),
        "internet_domicile": "non" if rng.random() < (0.7 if not user else 0.03) else "oui",
        "equipement": rng.sample(_options("equipement"), rng.randint(1, 3))
        if user or rng.random() < 0.4
        else ["aucun"],
    }
    missing = 0
    for domain in DOMAINS:
        key = domain_keys[domain]
        p = SKILL[domain] * (1 - 0.09 * band_index) / (factor**0.3)
        if user and rng.random() < p:
            answers[key] = rng.sample(_options(key), rng.randint(1, 3))
        else:
            answers[key] = ["aucune"] if user else []
            missing += 1
    ease = 4 - missing * 0.6 - band_index * 0.25 + rng.gauss(0, 0.7)
    answers["aisance"] = "tres" if ease > 3.2 else "plutot" if ease > 2 else "peu" if ease > 1 else "pas_du_tout"
    uneasy = answers["aisance"] in ("peu", "pas_du_tout")
    answers["inquietude_demarches"] = rng.choices(
        ["beaucoup", "un_peu", "non"], weights=(0.5, 0.35, 0.15) if uneasy else (0.1, 0.3, 0.6)
    )[0]
    answers["autonomie_demarches"] = rng.choices(
        ["seul", "avec_aide", "par_un_tiers", "pas_pu", "sans_objet"],
        weights=(0.15, 0.3, 0.35, 0.15, 0.05) if uneasy else (0.75, 0.12, 0.05, 0.03, 0.05),
    )[0]
    answers["freins"] = rng.sample(_options("freins"), rng.randint(1, 2)) if uneasy or rng.random() < 0.4 else ["rien"]
    answers["accompagnement_souhaite"] = (
        rng.sample(_options("accompagnement_souhaite"), rng.randint(1, 3))
        if uneasy or rng.random() < 0.35
        else ["aucun"]
    )
    answers["lieux_connus"] = rng.sample(_options("lieux_connus"), rng.randint(0, 2)) or ["aucun"]
    return answers


def generate(communes: list[tuple[str, int, bool]], today: date, size: int = SIZE, seed: int = SEED) -> list[dict]:
    rng = random.Random(seed)  # noqa: S311 (reproducible fiction, not secrets)
    return [one(rng, communes, today) for _ in range(size)]
