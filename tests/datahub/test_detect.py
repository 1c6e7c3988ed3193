"""Issue 7, item 13: a file whose records all share one position does not make merge detection quadratic."""

import pytest

from datahub.merging import detect
from directory.models import Place
from tests.factories import PlaceFactory

pytestmark = pytest.mark.django_db


def test_places_sharing_one_position_are_compared_a_bounded_number_of_times(monkeypatch):
    """400 places at one spot (a town hall's SIRET and address, as some exports give every antenna)."""
    places = PlaceFactory.create_batch(400, pivot="21350238800019")
    twin = PlaceFactory(nom="Médiathèque Jules Verne", pivot="21350238800019")
    again = PlaceFactory(nom="Mediatheque Jules-Verne", pivot="21350238800019")
    calls = []
    real_decide = detect.decide
    monkeypatch.setattr(detect, "decide", lambda a, b: calls.append(1) or real_decide(a, b))
    merged = detect.detect_duplicates([p.pk for p in places] + [twin.pk, again.pk])
    assert len(calls) < 20 * 402  # quadratic would be 80,000 comparisons
    assert merged == 1  # the real duplicate is still found
    assert not Place.objects.filter(pk=again.pk).exists()


def test_uncrowded_places_are_all_compared():
    first = PlaceFactory(nom="Espace public numérique de Massy")
    second = PlaceFactory(nom="EPN Massy", adresse="1 av. du Général de Gaulle")
    assert set(detect._Index().candidates(detect._Index().by_pk[second.pk])) == {first.pk, second.pk}
