"""Responses as columns (numpy arrays): what the weighting, the indicators and the breakdowns read.

Built once from the stored answers. Each answer column is held as integer codes into its distinct values
(`Frame.codes`), so every statistic after that is integer work (lookup tables, `np.bincount`): 100,000 responses
are weighted and described in well under two seconds (`bench/bench_observatory.py`). `frame["column"]` still
gives the values as strings, decoded on first use.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from django.utils.translation import gettext_lazy as _

from observatory.survey.questionnaire import DOMAINS, load

AGE_BANDS = ("15-24", "25-39", "40-54", "55-64", "65-79", "80+")
AGE_LABELS = {
    "15-24": _("15 à 24 ans"),
    "25-39": _("25 à 39 ans"),
    "40-54": _("40 à 54 ans"),
    "55-64": _("55 à 64 ans"),
    "65-79": _("65 à 79 ans"),
    "80+": _("80 ans ou plus"),
}
AGE_LOWER = np.array([15, 25, 40, 55, 65, 80])  # each band's first age, in AGE_BANDS order
SEX_LABELS = {"femme": _("Femmes"), "homme": _("Hommes")}
SUPPORT_THEMES = tuple(v for v in load().__getitem__("accompagnement_souhaite").values if v != "aucun")
# Frame column → answer key, for the answers kept as they are ("" when not given).
TEXT_ANSWERS = {
    "commune": "commune",
    "qpv_declared": "qpv",
    "internet_domicile": "internet_domicile",
    "derniere_utilisation": "derniere_utilisation",
    "aisance": "aisance",
    "inquietude": "inquietude_demarches",
    "autonomie": "autonomie_demarches",
}


def age_band(age: int | None) -> str:
    if age is None or age < 15:
        return ""
    return AGE_BANDS[int(np.searchsorted(AGE_LOWER, age, side="right")) - 1]


def _factorize(values) -> tuple[np.ndarray, np.ndarray]:
    """(codes, distinct values as strings): hashing, not sorting."""
    codes, categories = pd.factorize(np.asarray(values, dtype=object))
    return codes.astype(np.int64), np.asarray(list(categories), dtype=str)


@dataclass
class Frame:
    """One array per column, all of length n: given as values (`columns`) or as codes (`coded`), or both."""

    n: int
    columns: dict[str, np.ndarray]
    memo: dict = field(default_factory=dict)  # derived arrays (indicator flags, group codes), computed once
    coded: dict[str, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict)  # column → (codes, categories)

    def __getitem__(self, key: str) -> np.ndarray:
        if key not in self.columns:
            codes, categories = self.coded[key]
            self.columns[key] = categories[codes] if len(codes) else np.array([], dtype=str)
        return self.columns[key]

    def codes(self, key: str) -> tuple[np.ndarray, np.ndarray]:
        """(each row's code, the distinct values): the column's values are `categories[codes]`."""
        if key not in self.coded:
            self.coded[key] = _factorize(self.columns[key])
        return self.coded[key]

    def isin(self, key: str, values) -> np.ndarray:
        """Rows whose value is one of `values`, through a lookup table on the codes."""
        codes, categories = self.codes(key)
        return np.isin(categories, list(values))[codes] if len(codes) else np.zeros(0, bool)

    def answered(self, key: str) -> np.ndarray:
        codes, categories = self.codes(key)
        return (categories != "")[codes] if len(codes) else np.zeros(0, bool)

    def encode(self, key: str, wanted) -> np.ndarray:
        """Each row's position in `wanted` (-1 when its value is not there)."""
        codes, categories = self.codes(key)
        index = {value: i for i, value in enumerate(wanted)}
        table = np.array([index.get(value, -1) for value in categories.tolist()], dtype=np.int64)
        return table[codes] if len(codes) else np.zeros(0, np.int64)

    def subset(self, mask: np.ndarray) -> "Frame":
        keys = set(self.columns) | set(self.coded)
        return Frame(int(mask.sum()), {k: self[k][mask] for k in keys})


def _domain_key(domain: str) -> str:
    return next(q.key for q in load().questions if q.domain == domain)


def from_answers(rows: Iterable[dict], survey_year: int, qpv_communes: set[str] = frozenset()) -> Frame:
    """`rows`: the answers of each response (dicts as `questionnaire.validate` returns them).

    One pass in Python over the answers (the only per-row Python work), then codes by hashing."""
    domain_keys = [_domain_key(d) for d in DOMAINS]
    text: dict[str, list] = {column: [] for column in TEXT_ANSWERS}
    appends = [(text[column].append, key) for column, key in TEXT_ANSWERS.items()]
    years, sexes, missing, support, support_bits = [], [], [], [], []
    bits = {theme: 1 << i for i, theme in enumerate(SUPPORT_THEMES)}
    for answers in rows:
        get = answers.get
        for append, key in appends:
            append(get(key) or "")
        years.append(get("annee_naissance") or 0)
        sex = get("sexe")
        sexes.append(sex if sex in SEX_LABELS else "")
        # A domain left blank by an internet user counts as no activity in it (a « tick all that apply » list).
        count = 0
        for key in domain_keys:
            values = get(key)
            # (the first value tells in almost every case; the rest is read only when it is « aucune »)
            if not values or (values[0] == "aucune" and all(v == "aucune" for v in values)):
                count += 1
        missing.append(count)
        themes = get("accompagnement_souhaite") or ()
        support.append("|".join(themes))
        mask = 0
        for theme in themes:
            mask |= bits.get(theme, 0)
        support_bits.append(mask)
    n = len(years)
    coded = {column: _factorize(values) for column, values in text.items()}
    coded["sex"] = _factorize(sexes)
    coded["support"] = _factorize(support)
    year = np.array(years, dtype=np.int64)
    age = np.where(year > 0, survey_year - year, -1)
    # Code 0: no age or under 15; code k: AGE_BANDS[k - 1].
    coded["age_band"] = (np.searchsorted(AGE_LOWER, age, side="right").astype(np.int64), np.array(["", *AGE_BANDS]))
    columns = {"skills_missing": np.array(missing, dtype=np.int8)}
    data = Frame(n, columns, coded=coded)
    columns["qpv_commune"] = data.isin("commune", qpv_communes)
    packed = np.array(support_bits, dtype=np.int64)
    for theme, bit in bits.items():
        columns[f"support_{theme}"] = (packed & bit) != 0
    return data
