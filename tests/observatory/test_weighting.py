"""Raking on known margins with weightipy: margins met, bounded weights, design effect reported."""

import numpy as np
import pytest

from observatory.domain.frame import Frame
from observatory.domain.margins import Margins, load_margins
from observatory.domain.weighting import rake


def test_raking_meets_both_margins_and_reports_its_design_effect():
    # Half the sample in each commune, although B has three times A's population; too many women.
    n = 200
    commune = np.array(["A"] * 100 + ["B"] * 100)
    sex = np.array((["femme"] * 70 + ["homme"] * 30) * 2)
    frame = Frame(n, {"commune": commune, "age_band": np.array(["25-39"] * n), "sex": sex})
    margins = Margins({"A": 100, "B": 300}, {"25-39|femme": 50, "25-39|homme": 50}, "test")
    result = rake(frame, margins, weight_bounds=(0.1, 10))
    w = result.weights
    assert w[commune == "B"].sum() / w.sum() == pytest.approx(0.75, abs=0.005)
    assert w[sex == "femme"].sum() / w.sum() == pytest.approx(0.5, abs=0.005)
    assert result.converged and result.raked == n and result.iterations >= 1
    assert result.deff == pytest.approx(n * (w**2).sum() / w.sum() ** 2)
    assert result.n_eff == pytest.approx(n / result.deff)


def test_weights_are_bounded():
    n = 100
    commune = np.array(["A"] * 95 + ["B"] * 5)  # B is 5 % of the sample and half the population
    frame = Frame(n, {"commune": commune, "age_band": np.array(["40-54"] * n), "sex": np.array(["homme"] * n)})
    margins = Margins({"A": 100, "B": 100}, {"40-54|homme": 1}, "test")
    result = rake(frame, margins, weight_bounds=(0.5, 3.0))
    assert result.max_weight <= 3.0 + 1e-3
    assert not result.converged  # the cap leaves B under-represented, and the report says so
    assert result.max_gap_points > 0.5


def test_respondents_outside_the_margins_keep_the_mean_weight(db):
    margins = load_margins()
    frame = Frame(
        3,
        {
            "commune": np.array(["91377", "91377", "75056"]),
            "age_band": np.array(["25-39", "65-79", "25-39"]),
            "sex": np.array(["femme", "homme", ""]),
        },
    )
    result = rake(frame, margins)
    assert result.raked == 2 and result.weights[2] == 1.0
    assert any("commune" in c for c in result.missing_categories)  # 26 communes nobody answered from


def test_the_shipped_age_sex_margins_cover_the_population_aged_15_or_more(db):
    margins = load_margins()
    assert sum(margins.age_sex.values()) == 1_055_451  # INSEE RP 2022, Essonne, 15 or more
    assert sum(margins.age_standard.values()) == pytest.approx(1.0)
    assert len(margins.commune) == 27
