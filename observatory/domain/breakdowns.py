"""Indicators by commune, age band, sex, priority neighbourhood; age-standardised rates by commune.

Age standardisation (direct method): a commune's rate is Σ_a s_a · p_a, where p_a is its weighted rate in age band
a and s_a the band's share of the standard population (the territory's population aged 15 or more, from the age
margins). Its variance is Σ_a s_a² · p_a(1 − p_a) / n_eff,a, and the 95 % interval is normal. A commune with a band
nobody answered in, or fewer respondents than the publication threshold, is « n.d. ».
"""

import math
from dataclasses import dataclass

import numpy as np

from observatory.domain import estimates
from observatory.domain.frame import AGE_BANDS, AGE_LABELS, SEX_LABELS, Frame
from observatory.domain.indicators import INDICATORS, Indicator


@dataclass
class Dimension:
    key: str
    label: str
    codes: list[str]
    labels: list[str]


def _encode(values: np.ndarray, codes: list[str]) -> np.ndarray:
    """Each value's position in `codes` (-1 when absent), through the distinct values only."""
    if not len(values):
        return np.array([], dtype=np.int64)
    distinct, inverse = np.unique(values, return_inverse=True)
    index = {code: i for i, code in enumerate(codes)}
    return np.array([index.get(v, -1) for v in distinct], dtype=np.int64)[inverse]


def dimensions(frame: Frame, commune_names: dict[str, str]) -> list[tuple[Dimension, np.ndarray]]:
    communes = sorted(commune_names, key=lambda c: commune_names[c])
    qpv_declared = np.where(frame["qpv_declared"] == "oui", "oui", np.where(frame["qpv_declared"] == "non", "non", ""))
    qpv_commune = np.where(frame["qpv_commune"], "oui", "non")
    dims = [
        (Dimension("commune", "Commune", communes, [commune_names[c] for c in communes]), frame["commune"]),
        (Dimension("age", "Âge", list(AGE_BANDS), [AGE_LABELS[a] for a in AGE_BANDS]), frame["age_band"]),
        (Dimension("sexe", "Sexe", list(SEX_LABELS), list(SEX_LABELS.values())), frame["sex"]),
        (
            Dimension(
                "qpv", "Quartier prioritaire (déclaré)", ["oui", "non"], ["Habite un QPV", "N’habite pas un QPV"]
            ),
            qpv_declared,
        ),
        (
            Dimension(
                "commune_qpv", "Communes avec ou sans QPV", ["oui", "non"], ["Communes avec un QPV", "Autres communes"]
            ),
            qpv_commune,
        ),
    ]
    return [(dim, _encode(values, dim.codes)) for dim, values in dims]


def breakdown(indicator: Indicator, frame: Frame, weights: np.ndarray, dim: Dimension, groups: np.ndarray):
    flag, base = indicator.compute(frame)
    return list(
        zip(
            dim.labels,
            estimates.by_group(flag, base, weights, groups, dim.labels, indicator.reference_share),
            strict=False,
        )
    )


def all_breakdowns(frame: Frame, weights: np.ndarray, commune_names: dict[str, str]) -> dict:
    dims = dimensions(frame, commune_names)
    return {
        indicator.key: {dim.key: breakdown(indicator, frame, weights, dim, groups) for dim, groups in dims}
        for indicator in INDICATORS
    }


@dataclass
class Standardised:
    label: str
    n: int
    rate: float | None
    low: float | None
    high: float | None

    @property
    def suppressed(self) -> bool:
        return self.rate is None


def age_standardised(
    indicator: Indicator, frame: Frame, weights: np.ndarray, communes: list[tuple[str, str]], standard: dict[str, float]
) -> list[Standardised]:
    """Directly age-standardised rate per commune ((code, name) pairs), on the standard age structure."""
    flag, base = indicator.flags(frame)
    if "band_codes" not in frame.memo:
        frame.memo["band_codes"] = _encode(frame["age_band"], list(AGE_BANDS))
    bands = len(AGE_BANDS)
    codes = [code for code, _ in communes]
    memo_key = ("commune_codes", tuple(codes))
    if memo_key not in frame.memo:
        frame.memo[memo_key] = _encode(frame["commune"], codes)
    commune_codes = frame.memo[memo_key]
    keep = base & (commune_codes >= 0) & (frame.memo["band_codes"] >= 0)
    cells = commune_codes[keep] * bands + frame.memo["band_codes"][keep]
    w, y = weights[keep], flag[keep]
    size = len(codes) * bands
    n = np.bincount(cells, minlength=size).reshape(-1, bands)
    total = np.bincount(cells, weights=w, minlength=size).reshape(-1, bands)
    flagged = np.bincount(cells, weights=w * y, minlength=size).reshape(-1, bands)
    squares = np.bincount(cells, weights=w * w, minlength=size).reshape(-1, bands)
    s = np.array([standard.get(band, 0.0) for band in AGE_BANDS])
    rows = []
    for i, (_, name) in enumerate(communes):
        count = int(n[i].sum())
        if count < estimates.suppress_below() or (n[i] == 0).any():
            rows.append(Standardised(name, count, None, None, None))
            continue
        p = flagged[i] / total[i]
        n_eff = total[i] ** 2 / squares[i]
        rate = float((s * p).sum())
        half = estimates.Z95 * math.sqrt(float((s * s * p * (1 - p) / n_eff).sum()))
        rows.append(Standardised(name, count, rate, max(0.0, rate - half), min(1.0, rate + half)))
    return rows
