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
    index = {code: i for i, code in enumerate(codes)}
    lookup = np.vectorize(lambda v: index.get(v, -1), otypes=[np.int64])
    return lookup(values) if len(values) else np.array([], dtype=np.int64)


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
    flag, base = indicator.compute(frame)
    band_codes = _encode(frame["age_band"], list(AGE_BANDS))
    rows = []
    for code, name in communes:
        in_commune = base & (frame["commune"] == code)
        n = int(in_commune.sum())
        groups = np.where(in_commune, band_codes, -1)
        per_band = estimates.by_group(flag, in_commune, weights, groups, list(AGE_BANDS))
        computable = n >= estimates.suppress_below() and all(e.n > 0 for e in per_band)
        if not computable:
            rows.append(Standardised(name, n, None, None, None))
            continue
        rate = variance = 0.0
        for band, est in zip(AGE_BANDS, per_band, strict=False):
            share = _raw_share(flag, groups, weights, AGE_BANDS.index(band))
            s = standard.get(band, 0.0)
            rate += s * share
            variance += s * s * share * (1 - share) / est.n_eff
        half = estimates.Z95 * math.sqrt(variance)
        rows.append(Standardised(name, n, rate, max(0.0, rate - half), min(1.0, rate + half)))
    return rows


def _raw_share(flag, groups, weights, code) -> float:
    """The weighted rate of one group, published or not (standardisation needs every band's rate)."""
    mask = groups == code
    total = weights[mask].sum()
    return float(weights[mask & flag].sum() / total) if total else 0.0
