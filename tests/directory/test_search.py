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


def test_nearest_places_at_any_distance_with_the_same_criteria():
    from directory.domain.search import nearest
    from directory.needs import BY_SLUG

    ServiceFactory(place__nom="Évry", place__latitude=48.6243, place__longitude=2.4290)  # ~16 km
    ServiceFactory(place__nom="Lyon", place__latitude=45.76, place__longitude=4.83)
    ServiceFactory(place__nom="Payant", place__latitude=48.70, place__longitude=2.30, frais="payant")
    wanted = Criteria(latitude=MASSY[0], longitude=MASSY[1], radius_km=2, free_only=True)
    assert search(wanted).total == 0
    found = nearest(wanted)
    assert [r.place.nom for r in found] == ["Évry", "Lyon"]
    assert 15 < found[0].distance_km < 18
    assert nearest(Criteria(latitude=MASSY[0], longitude=MASSY[1], need=BY_SLUG["equipement"])) == []


def test_remote_services_whose_zone_covers_the_commune_whatever_the_distance():
    from directory.domain.search import remote_for

    ServiceFactory(place__nom="Ligne Essonne", place__latitude=45.76, modes_accueil=["a-distance"],
                   zone_eligibilite=["91"])  # fmt: skip
    ServiceFactory(place__nom="Ligne Rhône", place__latitude=45.76, modes_accueil=["a-distance"],
                   zone_eligibilite=["69"])  # fmt: skip
    massy = Criteria(latitude=MASSY[0], longitude=MASSY[1], code_insee="91377", departement="91", epci="200056232")
    assert [r.place.nom for r in remote_for(massy)] == ["Ligne Essonne"]


def test_needs_with_places():
    from directory.domain.search import needs_with_places
    from tests.factories import PlaceFactory

    assert needs_with_places() == set()
    ServiceFactory()
    PlaceFactory(nom="Ressourcerie", typologie=["RESSOURCERIE"])
    assert needs_with_places() == {"demarches", "don"}


def test_giving_an_old_device_finds_the_ressourceries():
    from directory.needs import BY_SLUG
    from tests.factories import PlaceFactory

    PlaceFactory(nom="Ressourcerie", typologie=["RESSOURCERIE"])
    ServiceFactory(place__nom="Démarches")
    found = search(Criteria(latitude=MASSY[0], longitude=MASSY[1], need=BY_SLUG["don"]))
    assert [r.place.nom for r in found.results] == ["Ressourcerie"]


def test_wifi_and_reconditioned_devices_are_searchable_needs():
    from directory.needs import BY_SLUG

    ServiceFactory(place__nom="WiFi", mediation=[], thematiques=["numerique--acceder-a-une-connexion-internet"])
    ServiceFactory(place__nom="Reconditionné", mediation=["Acquisition de matériel informatique à prix solidaire"])
    around = {"latitude": MASSY[0], "longitude": MASSY[1]}
    assert [r.place.nom for r in search(Criteria(**around, need=BY_SLUG["wifi"])).results] == ["WiFi"]
    assert [r.place.nom for r in search(Criteria(**around, need=BY_SLUG["equipement"])).results] == ["Reconditionné"]
