"""Places and services: lists, filters, pagination, single records."""

import pytest
from data_inclusion.schema import v1
from django.urls import reverse

from tests.factories import PlaceFactory, ServiceFactory

pytestmark = pytest.mark.django_db

PLACES = reverse("api:places")
SERVICES = reverse("api:services")


def test_place_list_is_paginated_with_links(client):
    places = [PlaceFactory() for _ in range(5)]
    response = client.get(PLACES, {"taille": 2})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert data["count"] == 5
    assert data["previous"] is None
    assert data["next"] == f"http://testserver{PLACES}?taille=2&page=2"
    assert [p["id"] for p in data["results"]] == [str(p.pk) for p in places[:2]]
    last = client.get(PLACES, {"taille": 2, "page": 3}).json()
    assert last["next"] is None
    assert last["previous"] == f"http://testserver{PLACES}?taille=2&page=2"
    assert len(last["results"]) == 1


def test_places_are_data_inclusion_structures_with_lieux_facts(client):
    place = PlaceFactory(pivot="21910377200018")
    ServiceFactory(place=place)
    (item,) = client.get(PLACES).json()["results"]
    v1.Structure.model_validate(item)
    assert item["id"] == str(place.pk)
    assert item["siret"] == "21910377200018"
    assert item["services_mediation"] == ["Aide aux démarches administratives"]
    assert item["frais_a_charge"] == ["Gratuit"]
    assert item["lien_source"] == f"http://testserver{place.get_absolute_url()}"


def test_place_filters(client):
    massy = PlaceFactory()
    PlaceFactory(code_insee="75056", code_postal="75011", commune="Paris")
    ajaccio = PlaceFactory(code_insee="2A004", code_postal="20000", commune="Ajaccio")

    def ids(**query):
        return [p["id"] for p in client.get(PLACES, query).json()["results"]]

    assert ids(code_insee="91377") == [str(massy.pk)]
    assert ids(code_postal="91300") == [str(massy.pk)]
    assert ids(departement="91") == [str(massy.pk)]
    assert ids(departement="2A") == [str(ajaccio.pk)]
    assert ids(departement="91", code_postal="75011") == []


def test_unpublished_places_and_their_services_are_hidden(client):
    hidden = PlaceFactory(est_publie=False)
    service = ServiceFactory(place=hidden)
    assert client.get(PLACES).json()["count"] == 0
    assert client.get(SERVICES).json()["count"] == 0
    assert client.get(reverse("api:place", args=[hidden.pk])).status_code == 404
    assert client.get(reverse("api:service", args=[service.pk])).status_code == 404


def test_single_place(client):
    place = PlaceFactory()
    data = client.get(reverse("api:place", args=[place.pk])).json()
    assert data["nom"] == place.nom and data["code_insee"] == "91377"


def test_services_are_data_inclusion_services(client):
    service = ServiceFactory()
    ServiceFactory(thematiques=["numerique--acceder-a-une-connexion-internet"], mediation=[])
    data = client.get(SERVICES).json()
    assert data["count"] == 2
    for item in data["results"]:
        v1.Service.model_validate(item)
    first = data["results"][0]
    assert first["structure_id"] == str(service.place_id)
    assert first["structure_nom"] == service.place.nom
    assert data["results"][1]["services_mediation"] == ["Accès internet et matériel informatique"]
    single = client.get(reverse("api:service", args=[service.pk])).json()
    assert single == first


def test_service_filters(client):
    kept = ServiceFactory()
    ServiceFactory(place=PlaceFactory(code_insee="75056", code_postal="75011"))
    ServiceFactory(thematiques=["numerique--acquerir-un-equipement"])

    def ids(**query):
        return [s["id"] for s in client.get(SERVICES, query).json()["results"]]

    assert ids(code_insee="91377", thematique="numerique--acceder-a-des-services-en-ligne") == [str(kept.pk)]


def test_head_works_like_get(client):
    PlaceFactory()
    response = client.head(PLACES)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"


def test_list_queries_do_not_grow_with_the_page(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(20):
        ServiceFactory()
    for url in (PLACES, SERVICES):
        counts = []
        for size in (1, 20):
            client.get(url, {"taille": size})  # the rate-limit counter exists from now on
            with CaptureQueriesContext(connection) as queries:
                assert len(client.get(url, {"taille": size}).json()["results"]) == size
            counts.append(len(queries))
        assert counts[0] == counts[1], url
