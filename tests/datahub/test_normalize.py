"""Normalisation, on values found in the real files."""

import pytest

from datahub import normalize

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("0467714850", "+33467714850"),
        ("01 69 09 62 92", "+33169096292"),
        ("01.60.46.02.57", "+33160460257"),
        ("+33144320760", "+33144320760"),
        ("0033 1 44 32 07 60", "+33144320760"),
        ("0690426195", "+590690426195"),
        ("0262 41 50 50", "+262262415050"),
        ("+33 (0)1 69 09 62 92", "+33169096292"),
        ("+330164435470", "+33164435470"),
        ("33 1 69 09 62 92", "+33169096292"),
        ("+32 2 555 12 12", "+3225551212"),
        ("3939", ""),
        ("non communiqué", ""),
    ],
)
def test_phone(raw, clean):
    assert normalize.phone(raw) == clean


def test_email_and_url():
    assert normalize.email(" Lunel@Apije.org ") == "lunel@apije.org"
    assert normalize.email("mailto:accueil@ville-massy.fr") == "accueil@ville-massy.fr"
    assert normalize.email("accueil(at)apije.org") == ""
    assert normalize.url("apije.org") == "https://apije.org"
    assert normalize.url("https://regiedequartierblancmesnil.com/") == "https://regiedequartierblancmesnil.com/"
    assert normalize.url("www") == ""


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("ICF LA SABLIERE SA D'HLM", "ICF la Sabliere SA d'HLM"),
        ("REGIE DE QUARTIER DU BLANC-MESNIL", "Regie de Quartier du Blanc-Mesnil"),
        ("LA POSTE", "La Poste"),
        ("LE PETIT LIEN", "Le Petit Lien"),
        ("Espace des Solidarités de Gentilly", "Espace des Solidarités de Gentilly"),
    ],
)
def test_display_name_keeps_mixed_case_and_fixes_capitals(raw, shown):
    assert normalize.display_name(raw) == shown


@pytest.mark.parametrize(
    ("name", "postal", "insee", "expected"),
    [
        ("MARSEILLE 11", "13011", "", "13055"),
        ("PARIS 10", "75010", "", "75056"),
        ("CHILLY MAZARIN", "91380", "", "91161"),
        ("St Rémy lès Chevreuse", "78470", "", "78575"),
        ("LUNEL", "34400", "34145", "34145"),
        ("Massy", "91300", "", "91377"),
        ("Massy", "", "", None),  # Essonne or Seine-Maritime: ambiguous without a postal code
        ("Nowhere", "99999", "", None),
    ],
)
def test_commune_resolution(name, postal, insee, expected):
    normalize.reset_commune_cache()
    found = normalize.resolve_commune(name, postal, insee).commune
    assert (found.code_insee if found else None) == expected


def test_coordinates_and_hours():
    assert normalize.coordinates(48.845, 2.3752) == (48.845, 2.3752)
    assert normalize.coordinates(2.3752, 48.845) == (48.845, 2.3752)  # swapped columns
    assert normalize.coordinates(0, 0) is None
    assert normalize.coordinates("", None) is None
    assert normalize.coordinates(float("nan"), float("nan")) is None
    assert normalize.coordinates("nan", "nan") is None
    assert normalize.repair_hours("Mo-Fr 9h-12h30,13h30-17h") == "Mo-Fr 09:00-12:30,13:30-17:00"
    assert normalize.iso_date("26/07/2022").isoformat() == "2022-07-26"
    assert normalize.iso_date("2022-13-01") is None
