"""Indicators by commune, age band, sex, priority neighbourhood; age-standardised rates by commune.

Age standardisation (direct method): a commune's rate is Σ_a s_a · p_a, where p_a is its weighted rate in age band
a and s_a the band's share of the standard population (the territory's population aged 15 or more, from the age
margins). Its variance is Σ_a s_a² · p_a(1 − p_a) / n_eff,a, and the 95 % interval is normal. A commune with a band
nobody answered in, or fewer respondents than the publication threshold, is « n.d. ».
"""

import math
from dataclasses import dataclass

import numpy as np
from django.utils.translation import gettext_lazy as _

from observatory.domain import estimates
from observatory.domain.frame import AGE_BANDS, AGE_LABELS, SEX_LABELS, Frame
from observatory.domain.indicators import INDICATORS, Indicator


@dataclass
class Dimension:
    key: str
    label: str
    codes: list[str]
    labels: list[str]


def _yes_no(frame: Frame, key: str) -> np.ndarray:
    """0 for « oui », 1 for « non », -1 otherwise (a column of answers, or of booleans)."""
    if frame[key].dtype == bool:
        return np.where(frame[key], 0, 1)
    return frame.encode(key, ["oui", "non"])


def dimensions(frame: Frame, commune_names: dict[str, str]) -> list[tuple[Dimension, np.ndarray]]:
    """Each dimension with every row's group code (-1: none), computed once per frame."""
    key = ("dimensions", tuple(sorted(commune_names.items())))
    if key in frame.memo:
        return frame.memo[key]
    communes = sorted(commune_names, key=lambda c: commune_names[c])
    dims = [
        (
            Dimension("commune", _("Commune"), communes, [commune_names[c] for c in communes]),
            frame.encode("commune", communes),
        ),
        (
            Dimension("age", _("Âge"), list(AGE_BANDS), [AGE_LABELS[a] for a in AGE_BANDS]),
            frame.encode("age_band", AGE_BANDS),
        ),
        (Dimension("sexe", _("Sexe"), list(SEX_LABELS), list(SEX_LABELS.values())), frame.encode("sex", SEX_LABELS)),
        (
            Dimension(
                "qpv",
                _("Quartier prioritaire (déclaré)"),
                ["oui", "non"],
                [_("Habite un QPV"), _("N’habite pas un QPV")],
            ),
            _yes_no(frame, "qpv_declared"),
        ),
        (
            Dimension(
                "commune_qpv",
                _("Communes avec ou sans QPV"),
                ["oui", "non"],
                [_("Communes avec un QPV"), _("Autres communes")],
            ),
            _yes_no(frame, "qpv_commune"),
        ),
    ]
    frame.memo[key] = dims
    return dims


def breakdown(indicator: Indicator, frame: Frame, weights: np.ndarray, dim: Dimension, groups: np.ndarray):
    flag, base = indicator.flags(frame)
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
    bands = len(AGE_BANDS)
    codes = [code for code, _ in communes]
    memo_key = ("commune_band_cells", tuple(codes))
    if memo_key not in frame.memo:
        commune_codes = frame.encode("commune", codes)
        band_codes = frame.encode("age_band", AGE_BANDS)
        frame.memo[memo_key] = np.where(
            (commune_codes >= 0) & (band_codes >= 0), commune_codes * bands + band_codes, -1
        )
    sums = estimates.sums(flag, base, weights, frame.memo[memo_key], len(codes) * bands)
    n, _, total, flagged, squares = (a.reshape(-1, bands) for a in sums)
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
