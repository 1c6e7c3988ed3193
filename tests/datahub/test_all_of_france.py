"""Issue 7, items 7–9: every overseas territory, former communes, plausible positions, dates and postal codes."""

import pytest

from datahub.models import RowIssue
from directory.models import Place
from tests.datahub.conftest import FIXTURES

pytestmark = pytest.mark.django_db

ALL_OF_FRANCE = FIXTURES / "lieux-v1-all-of-france.csv"


def _place(source_id: str) -> Place:
    return Place.objects.get(source_records__source_id=source_id)


def _warnings(run, source_id: str) -> list[str]:
    return list(run.issues.filter(record_id=source_id, level=RowIssue.Level.WARNING).values_list("reason", flat=True))


@pytest.fixture
def run(imported):
    return imported(ALL_OF_FRANCE)


def test_every_row_is_kept(run):
    assert (run.rows, run.rejected) == (13, 0)


def test_new_caledonia_keeps_its_position_commune_and_phone(run):
    noumea = _place("nc-noumea")
    assert (noumea.latitude, noumea.longitude, noumea.position_approximative) == (-22.2745, 166.441, False)
    assert (noumea.code_insee, noumea.commune) == ("98818", "Nouméa")
    assert noumea.telephone == "+687273115"
    assert noumea.services.first().zone_eligibilite == ["988"]


def test_a_new_caledonia_name_never_lands_in_the_puy_de_dome(run):
    """ "Mont-Dore" without a postal code is Le Mont-Dore (988), not Mont-Dore (63), given its position."""
    mont_dore = _place("nc-mont-dore")
    assert (mont_dore.code_insee, mont_dore.commune) == ("98817", "Le Mont-Dore")
    assert mont_dore.latitude == -22.2186
    assert mont_dore.telephone == "+687437000"
    assert not Place.objects.filter(code_insee__startswith="63").exists()


@pytest.mark.parametrize(
    "source_id, code_insee, phone",
    [
        ("pf-papeete", "98735", "+68940415700"),
        ("wf-mata-utu", "98613", "+681720707"),
        ("pm-saint-pierre", "97502", "+508411010"),
        ("fs-565", "97609", "+262269625503"),  # Mayotte
        ("fs-1684", "97801", "+590690668866"),  # Saint-Martin
        ("fs-2681", "97129", "+590590204049"),  # Guadeloupe
    ],
)
def test_overseas_places_keep_position_commune_and_country_code(run, source_id, code_insee, phone):
    place = _place(source_id)
    assert place.code_insee == code_insee
    assert place.latitude is not None and place.position_approximative is False
    assert place.telephone == phone


def test_arrondissement_code_is_kept(run):
    marseille = _place("fs-1735")
    assert (marseille.code_insee, marseille.commune) == ("13215", "Marseille 15e Arrondissement")
    assert marseille.position_approximative is False


def test_delegated_commune_resolves_to_todays_commune(run):
    oree = _place("fs-280")
    assert (oree.code_insee, oree.commune) == ("49126", "Orée d'Anjou")
    assert any("Champtoceaux" in w and "49126" in w for w in _warnings(run, "fs-280"))


def test_displaced_position_is_kept_out_with_a_warning(run):
    """The national file puts Gap's Maison des Habitants in the Oise, 628 km away."""
    gap = _place("625ae50705457b0790817707")
    assert gap.code_insee == "05061"
    assert gap.position_approximative is True
    assert round(gap.latitude, 1) == 44.6  # Gap's town hall
    assert any("km de la mairie de Gap" in w for w in _warnings(run, "625ae50705457b0790817707"))


@pytest.mark.parametrize("source_id", ["fs-134", "fs-2681", "fs-1062"])
def test_right_positions_are_not_taken_for_displaced_ones(run, source_id):
    """Tréguier, Sainte-Rose and Gex: the referential's town halls were wrong (lost signs), not the places."""
    assert _place(source_id).position_approximative is False
    assert not any("km de la mairie" in w for w in _warnings(run, source_id))


def test_placeholder_date_becomes_unknown_with_a_warning(run):
    assert _place("fs-280").date_maj is None
    assert any("1970-01-01" in w and "inconnue" in w for w in _warnings(run, "fs-280"))


def test_postal_code_of_another_commune_is_flagged(imported, tmp_path):
    text = ALL_OF_FRANCE.read_text(encoding="utf-8").replace("Tréguier,22220,22362", "Tréguier,22300,22362")
    path = tmp_path / "lieux.csv"
    path.write_text(text, encoding="utf-8")
    run = imported(path)
    assert any("22300" in w and "Tréguier" in w for w in _warnings(run, "fs-134"))
    assert not any("Code postal" in w for w in _warnings(run, "fs-565"))
