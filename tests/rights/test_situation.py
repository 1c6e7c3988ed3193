"""The situation sent to the engine: periods, inputs, and the same inputs for every household (one simulation)."""

from datetime import date

from rights.situation import Adult, Child, Household, birth_date, history, situation

MONTH = date(2026, 12, 1)


def test_history_is_the_month_and_the_twelve_before():
    months = history(MONTH)
    assert months[0] == "2025-12" and months[-1] == "2026-12" and len(months) == 13
    assert history(date(2026, 1, 1))[:2] == ["2025-01", "2025-02"]


def test_birth_date_gives_the_age_on_the_first_of_the_month():
    for month in (date(2026, 1, 1), date(2026, 12, 1)):
        born = date.fromisoformat(birth_date(12, month))
        age = month.year - born.year - ((month.month, month.day) < (born.month, born.day))
        assert age == 12


def test_incomes_are_given_net_gross_and_taxable_on_every_month_and_the_n2_year():
    s = situation([Household(adults=(Adult(age=30, salary=1000),), rent=500, depcom="91377")], MONTH)
    person = s["individus"]["0_a0"]
    assert person["salaire_net"]["2025-12"] == 1000 and person["salaire_net"]["2026-12"] == 1000
    assert round(person["salaire_de_base"]["2026-06"]) == 1282
    assert person["salaire_imposable"]["2024"] == 12_444.0
    assert s["menages"]["0_m"]["loyer"]["2026-06"] == 500 and s["menages"]["0_m"]["depcom"]["2026-12"] == "91377"
    assert s["familles"]["0_f"]["rsa"] == {"2026-12": None} and s["menages"]["0_m"]["cheque_energie"] == {"2026": None}


def test_a_declared_benefit_is_set_on_the_twelve_months_before_and_computed_on_the_month():
    h = Household(adults=(Adult(age=40),), received={"rsa": 580.0, "aah": 900.0}, depcom="91377")
    s = situation([h], MONTH)
    rsa = s["familles"]["0_f"]["rsa"]
    assert rsa["2026-11"] == 580.0 and rsa["2025-12"] == 580.0 and rsa["2026-12"] is None
    assert s["individus"]["0_a0"]["aah"]["2026-11"] == 900.0
    assert "2026-11" not in s["familles"]["0_f"]["ppa"]  # not declared: the model computes it


def test_a_rent_is_only_a_tenants_and_the_rfr_only_when_known():
    owner = situation([Household(adults=(Adult(age=50),), housing="proprietaire", rent=800, depcom="91377")], MONTH)
    assert owner["menages"]["0_m"]["loyer"]["2026-12"] == 0
    assert owner["foyers_fiscaux"]["0_ff"]["rfr"] == {"2024": 0.0}
    estimated = situation([Household(adults=(Adult(age=50, salary=1000, pension=200),), depcom="91377")], MONTH)
    assert estimated["foyers_fiscaux"]["0_ff"]["rfr"] == {"2024": round((1037 + 200) * 12 * 0.9, 2)}
    known = situation([Household(adults=(Adult(age=50),), rfr=9000, depcom="91377")], MONTH)
    assert known["foyers_fiscaux"]["0_ff"]["rfr"] == {"2024": 9000}


def test_a_couple_with_children_has_its_roles():
    h = Household(adults=(Adult(age=40), Adult(age=38)), children=(Child(age=9, school="primaire"),), depcom="91377")
    s = situation([h], MONTH)
    assert s["familles"]["0_f"]["parents"] == ["0_a0", "0_a1"] and s["familles"]["0_f"]["enfants"] == ["0_e0"]
    assert s["menages"]["0_m"]["conjoint"] == ["0_a1"]
    assert s["individus"]["0_e0"]["scolarite"]["2026-12"] == "primaire"
    assert s["individus"]["0_a0"]["statut_marital"]["2026-12"] == "marie"
