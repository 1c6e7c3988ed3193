import pytest

from directory.domain.search import Criteria, search
from tests.factories import MASSY, ServiceFactory

pytestmark = pytest.mark.django_db


def test_nearest_first_within_radius():
    far = ServiceFactory(place__nom="Loin", place__latitude=48.80, place__longitude=2.30)
    near = ServiceFactory(place__nom="Près", place__latitude=48.731, place__longitude=2.273)
    ServiceFactory(place__nom="Hors rayon", place__latitude=49.5, place__longitude=2.3)
    page = search(Criteria(latitude=MASSY[0], longitude=MASSY[1], radius_km=20))
    assert [r.place for r in page.results] == [near.place, far.place]
    assert page.results[0].distance_km < page.results[1].distance_km
