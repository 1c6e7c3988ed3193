"""Vocabulary lists stored as "|a|b|" and their `has` lookup."""

import pytest

from directory.models import Place
from tests.factories import PlaceFactory

pytestmark = pytest.mark.django_db


def test_has_treats_percent_and_underscore_as_plain_characters():
    PlaceFactory(nom="Remise", autres_formations_labels="", courriels=["a_b@exemple.fr"])
    PlaceFactory(nom="Autre", courriels=["axb@exemple.fr"])
    PlaceFactory(nom="Cent", site_web=["https://exemple.fr/100%"])
    assert list(Place.objects.filter(courriels__has="a_b@exemple.fr").values_list("nom", flat=True)) == ["Remise"]
    assert not Place.objects.filter(site_web__has="%").exists()
    assert not Place.objects.filter(courriels__has="a_b%").exists()
    assert Place.objects.filter(site_web__has="https://exemple.fr/100%").count() == 1
