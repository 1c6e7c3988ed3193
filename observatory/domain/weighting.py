"""Raking (RIM, iterative proportional fitting on margins) with weightipy, bounded weights, and its report.

Two margins: the commune (population from the referential) and age band × sex (INSEE). Targets are
renormalised over the categories present in the sample (a category nobody answered in is reported, not
invented). Respondents outside the territory or without commune, age or sex (« je préfère ne pas répondre »)
are not raked: they keep the mean weight 1. Weights are bounded to [min, max] × the mean (the maximum by
weightipy's cap inside every iteration, the minimum once after), which trades a little margin fit for a smaller
design effect: the gap left on each margin is reported.
"""

import contextlib
import io
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import weightipy
from django.conf import settings

from observatory.domain.estimates import kish
from observatory.domain.frame import Frame
from observatory.domain.margins import Margins

TOLERANCE_POINTS = 0.5  # a margin is met when every category is within half a percentage point


@dataclass(frozen=True)
class Summary:
    """What the pages say of a weighting, without the weights (kept in the shared cache)."""

    n: int
    raked: int
    iterations: int
    max_gap_points: float
    bounds: tuple[float, float]
    missing_categories: list[str]
    n_eff: float
    deff: float
    min_weight: float
    max_weight: float

    @property
    def converged(self) -> bool:
        return self.max_gap_points <= TOLERANCE_POINTS


@dataclass
class Weighting:
    weights: np.ndarray
    n: int
    raked: int
    iterations: int
    max_gap_points: float  # largest |weighted share − target| on any margin category, in percentage points
    bounds: tuple[float, float]
    missing_categories: list[str] = field(default_factory=list)

    @property
    def converged(self) -> bool:
        return self.max_gap_points <= TOLERANCE_POINTS

    @property
    def n_eff(self) -> float:
        return kish(self.weights)

    @property
    def deff(self) -> float:
        return self.n / self.n_eff if self.n_eff else float("nan")

    @property
    def min_weight(self) -> float:
        return float(self.weights.min()) if self.n else 0.0

    @property
    def max_weight(self) -> float:
        return float(self.weights.max()) if self.n else 0.0

    def summary(self) -> Summary:
        return Summary(
            self.n,
            self.raked,
            self.iterations,
            self.max_gap_points,
            self.bounds,
            list(self.missing_categories),
            self.n_eff,
            self.deff,
            self.min_weight,
            self.max_weight,
        )


def bounds() -> tuple[float, float]:
    return settings.ANCRAGE_OBSERVATORY_WEIGHT_MIN_PERCENT / 100, settings.ANCRAGE_OBSERVATORY_WEIGHT_MAX_PERCENT / 100


def _targets(present: np.ndarray, categories: list[str], population: dict[str, float], name: str, missing: list[str]):
    """Target shares (percent) of the categories present in the sample, by category code."""
    kept = {i: population[c] for i, c in enumerate(categories) if present[i] and population[c] > 0}
    missing.extend(f"{name} {c}" for i, c in enumerate(categories) if not present[i])
    total = sum(kept.values())
    return {i: 100 * v / total for i, v in kept.items()}


def _margin_codes(frame: Frame, margins: Margins) -> tuple[np.ndarray, np.ndarray]:
    """Each row's commune and age × sex codes (positions in the margins' keys; -1 outside them)."""
    communes = list(margins.commune)
    commune = frame.encode("commune", communes)
    age_sex = list(margins.age_sex)
    # age × sex from the two columns' codes: one lookup table over the pairs of their distinct values.
    age_codes, ages = frame.codes("age_band")
    sex_codes, sexes = frame.codes("sex")
    index = {key: i for i, key in enumerate(age_sex)}
    table = np.array([[index.get(f"{a}|{s}", -1) for s in sexes.tolist()] for a in ages.tolist()], dtype=np.int64)
    pair = table[age_codes, sex_codes] if frame.n else np.zeros(0, np.int64)
    return commune, pair


def rake(
    frame: Frame, margins: Margins, weight_bounds: tuple[float, float] | None = None, max_iterations=100
) -> Weighting:
    low, high = weight_bounds or bounds()
    weights = np.ones(frame.n)
    commune, age_sex = _margin_codes(frame, margins)
    eligible = (commune >= 0) & (age_sex >= 0)
    missing: list[str] = []
    if eligible.sum() < 2:
        return Weighting(weights, frame.n, 0, 0, 0.0, (low, high), missing)
    commune, age_sex = commune[eligible], age_sex[eligible]
    commune_targets = _targets(
        np.bincount(commune, minlength=len(margins.commune)) > 0, list(margins.commune), margins.commune, "commune",
        missing,
    )  # fmt: skip
    age_targets = _targets(
        np.bincount(age_sex, minlength=len(margins.age_sex)) > 0, list(margins.age_sex), margins.age_sex, "âge×sexe",
        missing,
    )  # fmt: skip
    data = pd.DataFrame({"commune": commune, "age_sexe": age_sex})
    # weightipy caps the largest weights inside each iteration (its tuple (min, max) cap fails in 0.4.2): the
    # floor is applied once after raking, then the weights are brought back to a mean of 1.
    scheme = weightipy.Rim("ancrage", max_iterations=max_iterations, cap=high)
    scheme.set_targets([{"commune": commune_targets}, {"age_sexe": age_targets}])
    with contextlib.redirect_stdout(io.StringIO()):  # weightipy prints its convergence messages
        raked = weightipy.weight(data, scheme).to_numpy(dtype=float)
    raked = raked / raked.mean()
    raked = np.clip(raked, low, None)
    raked = raked / raked.mean()
    iterations = int(next(iter(scheme.groups.values()))["iterations"] or 0)
    gap = max(_gap(commune, raked, commune_targets), _gap(age_sex, raked, age_targets))
    weights[eligible] = raked
    return Weighting(weights, frame.n, int(eligible.sum()), iterations, gap, (low, high), missing)


def _gap(codes: np.ndarray, weights: np.ndarray, targets: dict[int, float]) -> float:
    achieved = np.bincount(codes, weights=weights) / weights.sum() * 100
    present = np.flatnonzero(np.bincount(codes))
    return float(max(abs(achieved[i] - targets.get(i, 0.0)) for i in present))
