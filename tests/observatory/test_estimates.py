"""Hand-computed values: weighted share, Kish effective size, Wilson interval, suppression, age standardisation."""

import numpy as np
import pytest

from observatory.domain import breakdowns, estimates
from observatory.domain.frame import AGE_BANDS, Frame
from observatory.domain.indicators import Indicator


def test_weighted_share_effective_size_and_wilson_interval_by_hand():
    # 20 people of weight 1 (10 concerned) and 20 of weight 3 (5 concerned).
    weights = np.array([1.0] * 20 + [3.0] * 20)
    flag = np.array([True] * 10 + [False] * 10 + [True] * 5 + [False] * 15)
    est = estimates.estimate(flag, np.ones(40, bool), weights, reference=0.154)
    assert est.share == pytest.approx(25 / 80)  # Σw·y / Σw
    assert est.n_eff == pytest.approx(80**2 / 200)  # (Σw)² / Σw² = 32
    # Wilson on n = 32: (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n)
    assert est.low == pytest.approx(0.17952, abs=1e-4)
    assert est.high == pytest.approx(0.48567, abs=1e-4)
    assert est.n == 40 and est.count == 15
    assert est.fragile  # fewer than 100 effective respondents
    assert est.differs  # 15.4 % lies below the interval
    assert est.percent == "31,2 %"


def test_kish_of_equal_weights_is_the_sample_size():
    assert estimates.kish(np.ones(57)) == pytest.approx(57)


def test_fewer_than_30_respondents_are_not_published():
    flag = np.array([True] * 29)
    hidden = estimates.estimate(flag, np.ones(29, bool), np.ones(29))
    assert hidden.suppressed and hidden.share is None and hidden.percent == "n.d."
    shown = estimates.estimate(np.array([True] * 30), np.ones(30, bool), np.ones(30))
    assert not shown.suppressed and shown.share == 1.0


def test_groups_are_estimated_apart():
    groups = np.array([0] * 30 + [1] * 10)
    flag = np.array([True] * 15 + [False] * 15 + [True] * 10)
    first, second = estimates.by_group(flag, np.ones(40, bool), np.ones(40), groups, ["a", "b"])
    assert first.share == pytest.approx(0.5) and first.n == 30
    assert second.suppressed and second.n == 10


def test_direct_age_standardisation_by_hand():
    # One commune, 10 respondents in each age band; 2/10 concerned at 15-24, 4/10 at 25-39, none elsewhere.
    bands = np.repeat(np.array(AGE_BANDS), 10)
    flag = np.zeros(60, bool)
    flag[0:2] = True
    flag[10:14] = True
    frame = Frame(60, {"age_band": bands, "commune": np.array(["91377"] * 60), "flag": flag})
    indicator = Indicator("t", "test", "tous", lambda f: (f["flag"], np.ones(f.n, bool)))
    standard = {"15-24": 0.25, "25-39": 0.25, "40-54": 0.5}
    (row,) = breakdowns.age_standardised(indicator, frame, np.ones(60), [("91377", "Massy")], standard)
    assert row.rate == pytest.approx(0.25 * 0.2 + 0.25 * 0.4)  # 0.15
    half = 1.959964 * (0.0625 * 0.2 * 0.8 / 10 + 0.0625 * 0.4 * 0.6 / 10) ** 0.5  # √0.0025 = 0.05
    assert row.low == pytest.approx(0.15 - half, abs=1e-5) and row.high == pytest.approx(0.15 + half, abs=1e-5)


def test_a_commune_missing_an_age_band_has_no_standardised_rate():
    bands = np.repeat(np.array(AGE_BANDS[:5]), 10)
    frame = Frame(50, {"age_band": bands, "commune": np.array(["91377"] * 50), "flag": np.zeros(50, bool)})
    indicator = Indicator("t", "test", "tous", lambda f: (f["flag"], np.ones(f.n, bool)))
    (row,) = breakdowns.age_standardised(indicator, frame, np.ones(50), [("91377", "Massy")], {"15-24": 1.0})
    assert row.suppressed
