"""The shipped referential, as `load_territory` loads it."""

import pytest

from territory.models import Commune, FormerCommune

pytestmark = pytest.mark.django_db


def test_overseas_collectivities_are_communes():
    for code, nom in [("98818", "Nouméa"), ("98735", "Papeete"), ("98613", "Uvea"), ("97502", "Saint-Pierre"),
                      ("97701", "Saint-Barthélemy"), ("97801", "Saint-Martin"), ("97611", "Mamoudzou")]:  # fmt: skip
        assert Commune.objects.get(code_insee=code).nom == nom


@pytest.mark.parametrize(
    "code, lat, lon",
    [("22362", 48.79, -3.23), ("97129", 16.33, -61.70), ("35228", 48.58, -2.06)],  # Tréguier, Sainte-Rose, Pleurtuit
)
def test_town_halls_that_lost_the_sign_of_their_longitude_are_put_back(code, lat, lon):
    commune = Commune.objects.get(code_insee=code)
    assert (round(commune.latitude, 2), round(commune.longitude, 2)) == (lat, lon)
    assert commune.position_approximative is False


def test_a_town_hall_far_from_its_neighbours_is_estimated_and_flagged():
    gex = Commune.objects.get(code_insee="01173")  # the source put it near Lyon, 108 km away
    assert 46.2 < gex.latitude < 46.45 and 5.9 < gex.longitude < 6.2
    assert gex.position_approximative is True


def test_former_delegated_communes_and_arrondissements_are_known():
    assert FormerCommune.objects.get(code_insee="13215").commune_id == "13055"
    assert FormerCommune.objects.get(nom="Champtoceaux").commune_id == "49126"
    assert FormerCommune.objects.filter(code_insee="91182", type="ancienne").get().commune_id == "91228"
