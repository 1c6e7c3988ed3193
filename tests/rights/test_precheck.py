"""Reading the engine's amounts: statuses, « déjà perçu », notes, and the procedures data file."""

from datetime import date

from rights.domain import precheck
from rights.situation import BENEFITS, Adult, Child, Household

MONTH = date(2026, 12, 1)
ZERO = {b.key: 0.0 for b in BENEFITS} | {"cmu_c": 0.0}


def read(h: Household, **values) -> dict[str, precheck.Outcome]:
    check = precheck.interpret(h, MONTH, ZERO | values, {"openfisca_france": "x"})
    return {o.benefit.key: o for o in check.outcomes}


SINGLE = Household(adults=(Adult(age=40),), depcom="91377")


def test_an_amount_of_a_euro_or_more_is_a_likely_right():
    out = read(SINGLE, rsa=573.49, ppa=0.4)
    assert out["rsa"].status == precheck.PROBABLE and out["rsa"].new_right
    assert out["ppa"].status == precheck.NOT_ENTITLED


def test_a_declared_benefit_is_never_a_new_right_even_when_the_engine_finds_none():
    h = Household(adults=(Adult(age=40),), depcom="91377", received={"rsa": 500.0, "af": 100.0})
    out = read(h, rsa=573.49)
    assert out["rsa"].received and not out["rsa"].new_right
    assert out["af"].received and out["af"].status == precheck.NOT_ENTITLED and not out["af"].new_right


def test_asf_and_aah_between_50_and_79_percent_cannot_be_told():
    parent = Household(adults=(Adult(age=30, disability_rate=50),), children=(Child(age=3),), depcom="91377")
    out = read(parent, asf=201.78)
    assert out["asf"].status == out["aah"].status == precheck.UNSURE
    assert read(SINGLE)["aah"].status == precheck.NOT_ENTITLED


def test_css_free_or_with_a_participation():
    assert read(SINGLE, cmu_c=1.0)["css"].notes == ["Gratuite pour votre foyer."]
    paying = read(SINGLE, css=30.0)["css"]
    assert paying.status == precheck.PROBABLE and paying.amount == 0 and "participation" in paying.notes[0]


def test_grants_without_the_tax_notice_say_so():
    assert "avis d’impôt" in read(SINGLE, bourse_college=336.0)["bourse_college"].notes[0]


def test_the_check_sums_new_monthly_rights_only():
    check = precheck.interpret(SINGLE, MONTH, ZERO | {"rsa": 500.0, "aide_logement": 300.0, "ars": 450.0}, {})
    assert check.new_monthly_total == 800.0 and len(check.new_rights) == 3
    assert check.period == {
        "mois": "décembre 2026",
        "revenus": "de décembre 2025 à novembre 2026",
        "n2": "2024",
        "avis": "2025",
    }


def test_every_benefit_has_its_procedure():
    for benefit in BENEFITS:
        p = precheck.procedures()[benefit.key]
        assert (
            p["organisme"] and p["demarche"] and p["pieces"] and p["non_verifie"] and p["lien"].startswith("https://")
        )
