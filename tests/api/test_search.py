"""GET /api/v1/recherche: the site's search, in JSON."""

from datetime import datetime

import pytest
from data_inclusion.schema import v1
from django.urls import reverse

from directory.domain.search import search
from directory.forms import SearchForm
from tests.factories import PlaceFactory, ServiceFactory

pytestmark = pytest.mark.django_db

SEARCH = reverse("api:recherche")
ORSAY = (48.6985, 2.1876)  # about 7 km from Massy


@pytest.fixture
def services():
    near = ServiceFactory(place=PlaceFactory(nom="Espace Massy"))
    paying = ServiceFactory(place=PlaceFactory(nom="Club payant", frais_a_charge=["Payant"]), frais="payant")
    far = ServiceFactory(place=PlaceFactory(nom="Espace Orsay", latitude=ORSAY[0], longitude=ORSAY[1]))
    tablet = ServiceFactory(
        place=PlaceFactory(nom="Atelier tablettes"),
        nom="Apprendre à utiliser sa tablette",
        mediation=["Maîtrise des outils numériques du quotidien"],
        thematiques=["numerique--maitriser-les-fondamentaux-du-numerique"],
    )
    return {"near": near, "paying": paying, "far": far, "tablet": tablet}


def _names(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [r["structure"]["nom"] for r in response.json()["results"]]


def test_search_around_a_commune(client, services):
    response = client.get(SEARCH, {"ou": "Massy", "rayon": 5})
    data = response.json()
    assert set(_names(response)) == {"Espace Massy", "Club payant", "Atelier tablettes"}
    assert data["count"] == 3
    assert data["recherche"]["code_insee"] == "91377" and data["recherche"]["rayon_km"] == 5
    first = data["results"][0]
    assert first["distance_km"] is not None and first["distance_km"] < 5
    assert first["ouverture"]["horaires_connus"] is True
    for result in data["results"]:
        v1.Structure.model_validate(result["structure"])
        for service in result["services"]:
            v1.Service.model_validate(service)


def test_wider_radius_and_a_point(client, services):
    assert "Espace Orsay" in _names(client.get(SEARCH, {"ou": "91300", "rayon": 10}))
    assert _names(client.get(SEARCH, {"lat": ORSAY[0], "lon": ORSAY[1], "rayon": 2})) == ["Espace Orsay"]


def test_same_filters_as_the_site(client, services):
    assert "Club payant" not in _names(client.get(SEARCH, {"ou": "Massy", "gratuit": "true"}))
    assert _names(client.get(SEARCH, {"ou": "Massy", "besoin": "outils"})) == ["Atelier tablettes"]
    found = client.get(SEARCH, {"ou": "Massy", "besoin": "outils"}).json()["results"][0]
    assert [s["nom"] for s in found["services"]] == ["Apprendre à utiliser sa tablette"]


def test_results_are_those_of_the_site_search(client, services):
    query = {"ou": "Massy", "rayon": "20", "besoin": "demarches"}
    form = SearchForm(query)
    assert form.is_valid()
    expected = [r.place.nom for r in search(form.criteria(), page_size=100).results]
    assert _names(client.get(SEARCH, {**query, "taille": 100})) == expected


def test_remote_services(client):
    ServiceFactory(modes_accueil=["a-distance"], place=PlaceFactory(nom="Plateforme téléphonique"))
    ServiceFactory(place=PlaceFactory(nom="Sur place seulement"))
    assert _names(client.get(SEARCH, {"accueil": "distance", "ou": "Massy"})) == ["Plateforme téléphonique"]


def test_search_pagination(client, services):
    data = client.get(SEARCH, {"ou": "Massy", "rayon": 20, "taille": 2}).json()
    assert data["count"] == 4 and len(data["results"]) == 2
    assert "page=2" in data["next"] and data["previous"] is None
    second = client.get(SEARCH, {"ou": "Massy", "rayon": 20, "taille": 2, "page": 2}).json()
    assert len(second["results"]) == 2 and second["next"] is None


def test_no_result_is_an_empty_page(client):
    data = client.get(SEARCH, {"ou": "Massy"}).json()
    assert (data["count"], data["results"], data["next"]) == (0, [], None)


@pytest.mark.parametrize("typed", ["Massy 91300", "91300 Massy", "Massy, 91300"])
def test_a_commune_with_its_postal_code(client, services, typed):
    data = client.get(SEARCH, {"ou": typed, "rayon": 5}).json()
    assert data["recherche"]["code_insee"] == "91377" and data["count"] == 3


def test_a_commune_without_its_article(client):
    assert client.get(SEARCH, {"ou": "Ulis"}).json()["recherche"]["code_insee"] == "91692"


def test_by_name_programme_and_kind_of_support(client):
    ServiceFactory(place=PlaceFactory(nom="Maison France Services", dispositif_programmes_nationaux=["France Services"],
                                      modalites_accompagnement=["Accompagnement individuel"]))  # fmt: skip
    ServiceFactory(place=PlaceFactory(nom="Médiathèque"))
    assert _names(client.get(SEARCH, {"ou": "Massy", "programme": "France Services"})) == ["Maison France Services"]
    assert _names(client.get(SEARCH, {"ou": "Massy", "modalite": "Accompagnement individuel"})) == [
        "Maison France Services"
    ]
    assert _names(client.get(SEARCH, {"nom": "MEDIATHEQUE"})) == ["Médiathèque"]
    assert "programme" in client.get(SEARCH, {"ou": "Massy", "programme": "Inconnu"}).json()["erreurs"]


def test_the_openapi_document_lists_the_new_parameters(client):
    parameters = client.get(reverse("api:openapi")).json()["paths"]["/api/v1/recherche"]["get"]["parameters"]
    names = {p["name"] for p in parameters}
    assert {"programme", "modalite"} <= names
    location = next(p for p in parameters if p["name"] == "lieu_de_recherche")
    assert "nom" in location["schema"]["properties"]


# Two places whose hours never overlap: at any moment one of them, at least, is closed and says when it opens.
ALTERNATE_HOURS = ("Mo,We,Fr,Su 10:00-11:00", "Tu,Th,Sa 12:00-13:00")


@pytest.mark.parametrize(
    ("position", "offsets"),
    [
        ({"code_insee": "91377"}, {"+01:00", "+02:00"}),  # Paris time, winter or summer
        ({"code_insee": "97411", "commune": "Saint-Denis", "latitude": -20.882, "longitude": 55.45}, {"+04:00"}),
    ],
)
def test_next_opening_has_the_places_utc_offset(client, position, offsets):
    for hours in ALTERNATE_HOURS:
        ServiceFactory(place=PlaceFactory(horaires=hours, **position))
    point = {"lat": position.get("latitude", 48.73052), "lon": position.get("longitude", 2.272041)}
    results = client.get(SEARCH, {**point, "rayon": 2}).json()["results"]
    openings = [r["ouverture"]["prochaine_ouverture"] for r in results if r["ouverture"]["prochaine_ouverture"]]
    assert openings
    assert all(datetime.fromisoformat(moment).tzinfo is not None for moment in openings)
    assert {moment[-6:] for moment in openings} <= offsets
