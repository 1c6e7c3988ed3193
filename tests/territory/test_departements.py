"""One rule for a commune's département, from its INSEE code."""

import pytest
from django.urls import reverse

from territory.departements import departement_of
from tests.factories import PlaceFactory


def test_departement_of_insee_codes():
    assert departement_of("91377") == "91"
    assert departement_of("2A004") == "2A" and departement_of("2B033") == "2B"
    assert departement_of("97411") == "974" and departement_of("98818") == "988"
    assert departement_of("97701") == "977"
    assert departement_of("") == "" and departement_of("9") == ""


@pytest.mark.django_db
def test_admin_filter_by_departement_uses_the_insee_code(admin_client):
    PlaceFactory(nom="Ajaccio", code_insee="2A004", code_postal="20000", commune="Ajaccio")
    PlaceFactory(nom="Saint-Denis", code_insee="97411", code_postal="97400", commune="Saint-Denis")
    PlaceFactory(nom="Massy")
    url = reverse("admin:directory_place_changelist")
    html = admin_client.get(url).content.decode()
    assert "?departement=2A" in html and "?departement=974" in html and "?departement=20" not in html
    corsica = admin_client.get(url + "?departement=2A").content.decode()
    assert "Ajaccio" in corsica and "Massy" not in corsica
    reunion = admin_client.get(url + "?departement=974").content.decode()
    assert "Saint-Denis" in reunion and "Ajaccio" not in reunion
