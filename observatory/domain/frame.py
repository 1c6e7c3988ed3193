"""Responses as columns (numpy arrays): what the weighting, the indicators and the breakdowns read.

Built once from the stored answers; every statistic after that is vectorised, so 100,000 responses are weighted
and described in well under two seconds (`bench/bench_observatory.py`).
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from observatory.survey.questionnaire import DOMAINS, load

AGE_BANDS = ("15-24", "25-39", "40-54", "55-64", "65-79", "80+")
AGE_LABELS = {
    "15-24": "15 à 24 ans",
    "25-39": "25 à 39 ans",
    "40-54": "40 à 54 ans",
    "55-64": "55 à 64 ans",
    "65-79": "65 à 79 ans",
    "80+": "80 ans ou plus",
}
SEX_LABELS = {"femme": "Femmes", "homme": "Hommes"}
SUPPORT_THEMES = tuple(v for v in load().__getitem__("accompagnement_souhaite").values if v != "aucun")


def age_band(age: int | None) -> str:
    if age is None or age < 15:
        return ""
    for band in AGE_BANDS[:-1]:
        low, high = (int(x) for x in band.split("-"))
        if low <= age <= high:
            return band
    return "80+"


@dataclass
class Frame:
    """One array per column, all of length n."""

    n: int
    columns: dict[str, np.ndarray]
    memo: dict = field(default_factory=dict)  # derived arrays (indicator flags, group codes), computed once

    def __getitem__(self, key: str) -> np.ndarray:
        return self.columns[key]

    def subset(self, mask: np.ndarray) -> "Frame":
        return Frame(int(mask.sum()), {k: v[mask] for k, v in self.columns.items()})


def _domain_key(domain: str) -> str:
    return next(q.key for q in load().questions if q.domain == domain)


def from_answers(rows: Iterable[dict], survey_year: int, qpv_communes: set[str] = frozenset()) -> Frame:
    """`rows`: the answers of each response (dicts as `questionnaire.validate` returns them)."""
    domain_keys = [(_domain_key(d), "aucune") for d in DOMAINS]
    data: dict[str, list] = {
        k: []
        for k in (
            "commune",
            "age_band",
            "sex",
            "qpv_declared",
            "internet_domicile",
            "derniere_utilisation",
            "skills_missing",
            "aisance",
            "inquietude",
            "autonomie",
            "support",
        )
    }
    for answers in rows:
        year = answers.get("annee_naissance")
        data["commune"].append(answers.get("commune") or "")
        data["age_band"].append(age_band(survey_year - year if year else None))
        sex = answers.get("sexe") or ""
        data["sex"].append(sex if sex in SEX_LABELS else "")
        data["qpv_declared"].append(answers.get("qpv") or "")
        data["internet_domicile"].append(answers.get("internet_domicile") or "")
        data["derniere_utilisation"].append(answers.get("derniere_utilisation") or "")
        # A domain left blank by an internet user counts as no activity in it (a « tick all that apply » list).
        data["skills_missing"].append(
            sum(1 for key, none in domain_keys if not [v for v in answers.get(key) or () if v != none])
        )
        data["aisance"].append(answers.get("aisance") or "")
        data["inquietude"].append(answers.get("inquietude_demarches") or "")
        data["autonomie"].append(answers.get("autonomie_demarches") or "")
        data["support"].append("|".join(answers.get("accompagnement_souhaite") or ()))
    columns = {k: np.array(v, dtype=object if k != "skills_missing" else np.int8) for k, v in data.items()}
    for key in (
        "commune",
        "age_band",
        "sex",
        "qpv_declared",
        "internet_domicile",
        "derniere_utilisation",
        "aisance",
        "inquietude",
        "autonomie",
        "support",
    ):
        columns[key] = columns[key].astype(str)
    columns["qpv_commune"] = np.isin(columns["commune"], list(qpv_communes))
    padded = np.char.add(np.char.add("|", columns["support"]), "|")
    for theme in SUPPORT_THEMES:
        columns[f"support_{theme}"] = np.char.find(padded, f"|{theme}|") >= 0
    return Frame(len(columns["commune"]), columns)
