"""Weighted shares with their 95 % interval, on the effective sample size (Kish), and the publication rules.

Formulas (methodology page, tests/observatory/test_estimates.py checks them by hand):
- weighted share p = Σ w·y / Σ w over the respondents of the indicator's base;
- effective sample size n_eff = (Σ w)² / Σ w² (Kish), design effect deff = n / n_eff;
- Wilson score interval on n_eff: (p + z²/2n − z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n), n = n_eff, z = 1.96;
- fewer than SUPPRESS_BELOW respondents: not published (« n.d. »);
- fragile: fewer than 100 effective respondents, or an interval wider than ±10 points;
- differs from the national reference when the reference lies outside the interval.
"""

from dataclasses import dataclass

import numpy as np
from django.conf import settings

Z95 = 1.959963984540054
FRAGILE_N_EFF = 100
FRAGILE_HALF_WIDTH = 0.10


def suppress_below() -> int:
    return settings.ANCRAGE_OBSERVATORY_SUPPRESS_BELOW


def kish(weights: np.ndarray) -> float:
    """Effective sample size of these weights."""
    total = float(weights.sum())
    squares = float((weights**2).sum())
    return total * total / squares if squares else 0.0


def wilson(p, n, z: float = Z95):
    """Wilson score interval (arrays or scalars); n may be fractional (an effective size)."""
    p = np.asarray(p, dtype=float)
    n = np.asarray(n, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        denominator = 1 + z * z / n
        centre = p + z * z / (2 * n)
        spread = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
        return (centre - spread) / denominator, (centre + spread) / denominator


@dataclass
class Estimate:
    n: int  # respondents in the base
    count: int  # respondents with the trait (raw, unweighted)
    share: float | None  # 0..1, None when suppressed
    low: float | None
    high: float | None
    n_eff: float
    suppressed: bool
    fragile: bool
    reference: float | None = None  # 0..1
    differs: bool | None = None

    @property
    def percent(self) -> str:
        return "n.d." if self.suppressed else f"{self.share * 100:.1f}".replace(".", ",") + " %"

    @property
    def interval(self) -> str:
        if self.suppressed:
            return "n.d."
        return f"{self.low * 100:.1f} – {self.high * 100:.1f}".replace(".", ",")


def build(n, count, total_w, flag_w, squares_w, reference: float | None = None) -> Estimate:
    n = int(n)
    n_eff = (total_w * total_w / squares_w) if squares_w else 0.0
    if n < suppress_below() or total_w <= 0:
        return Estimate(n, int(count), None, None, None, n_eff, True, False, reference, None)
    share = flag_w / total_w
    low, high = (float(x) for x in wilson(share, n_eff))
    fragile = n_eff < FRAGILE_N_EFF or (high - low) / 2 > FRAGILE_HALF_WIDTH
    differs = None if reference is None else bool(reference < low or reference > high)
    return Estimate(n, int(count), float(share), low, high, n_eff, False, fragile, reference, differs)


def estimate(flag: np.ndarray, base: np.ndarray, weights: np.ndarray, reference: float | None = None) -> Estimate:
    w = weights[base]
    y = flag[base]
    return build(base.sum(), y.sum(), float(w.sum()), float(w[y].sum()), float((w**2).sum()), reference)


def sums(flag, base, weights, cells: np.ndarray, size: int) -> tuple[np.ndarray, ...]:
    """(n, count, Σw, Σw·y, Σw²) per cell (codes 0..size-1; -1 for none), with bincount on the whole arrays: the
    rows outside the base or without a cell go to one extra bin, dropped, instead of being filtered out."""
    cells = np.where(base & (cells >= 0), cells, size)
    w_in = np.where(flag, weights, 0.0)
    per = [
        np.bincount(cells, minlength=size + 1),
        np.bincount(cells, weights=flag, minlength=size + 1),
        np.bincount(cells, weights=weights, minlength=size + 1),
        np.bincount(cells, weights=w_in, minlength=size + 1),
        np.bincount(cells, weights=weights * weights, minlength=size + 1),
    ]
    return tuple(a[:size] for a in per)


def by_group(flag, base, weights, groups: np.ndarray, labels: list[str], reference=None) -> list[Estimate]:
    """One estimate per group (codes 0..len(labels)-1 in `groups`; -1 for no group), computed with bincount."""
    n, count, total, flagged, squares = sums(flag, base, weights, groups, len(labels))
    return [build(n[i], count[i], total[i], flagged[i], squares[i], reference) for i in range(len(labels))]
