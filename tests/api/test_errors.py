"""Malformed parameters give a 4xx JSON answer in French, never a 500."""

import pytest
from django.urls import reverse

from api import params
from tests.factories import ServiceFactory

pytestmark = pytest.mark.django_db

PLACES = reverse("api:places")
SERVICES = reverse("api:services")
SEARCH = reverse("api:recherche")


@pytest.mark.parametrize(
    ("url", "query", "field"),
    [
        (PLACES, {"page": "abc"}, "page"),
        (PLACES, {"page": "0"}, "page"),
        (PLACES, {"page": "-3"}, "page"),
        (PLACES, {"page": "1.5"}, "page"),
        (PLACES, {"page": "9" * 40}, "page"),
        (PLACES, {"taille": "101"}, "taille"),
        (PLACES, {"taille": "zéro"}, "taille"),
        (PLACES, {"code_insee": "123"}, "code_insee"),
        (PLACES, {"code_insee": "' OR 1=1 --"}, "code_insee"),
        (PLACES, {"code_postal": "9130"}, "code_postal"),
        (PLACES, {"departement": "999"}, "departement"),
        (SERVICES, {"thematique": "numerique"}, "thematique"),
        (SERVICES, {"page": "\x00"}, "page"),
        (SEARCH, {"ou": "Massy", "page": "deux"}, "page"),
        (SEARCH, {"ou": "Massy", "rayon": "100000"}, "rayon"),
        (SEARCH, {"ou": "Massy", "rayon": "cinq"}, "rayon"),
        (SEARCH, {"lat": "abc", "lon": "2.27"}, "lat"),
        (SEARCH, {"lat": "95", "lon": "2.27"}, "lat"),
        (SEARCH, {"lat": "nan", "lon": "2.27"}, "lat"),
        (SEARCH, {"lat": "1e400", "lon": "2.27"}, "lat"),
        (SEARCH, {"lat": "48.7", "lon": "inf"}, "lon"),
        (SEARCH, {"ou": "M" * 500}, "ou"),
        (SEARCH, {}, "ou"),
        (SEARCH, {"lat": "48.7"}, "ou"),
        (SEARCH, {"ou": "Massy", "besoin": "tout"}, "besoin"),
        (SEARCH, {"ou": "Massy", "accueil": "partout"}, "accueil"),
        (SEARCH, {"ou": "Massy", "ouvert": "8"}, "ouvert"),
        (SEARCH, {"ou": "Massy", "public": "martiens"}, "public"),
        (SEARCH, {"ou": "Massy", "accompagnement": "Télépathie"}, "accompagnement"),
        (SEARCH, {"ou": "Massy", "taille": "1000"}, "taille"),
        # Given empty: refused as the document's patterns say (a form would read it as absent).
        (PLACES, {"code_postal": ""}, "code_postal"),
        (PLACES, {"code_insee": ""}, "code_insee"),
        (SERVICES, {"departement": ""}, "departement"),
        (SERVICES, {"page": ""}, "page"),
        (SEARCH, {"ou": "Massy", "rayon": ""}, "rayon"),
        (SEARCH, {"ou": "   "}, "ou"),
        (SEARCH, {"ou": "Massy", "nom": ""}, "nom"),
        (SEARCH, {"ou": "Massy", "public": ["seniors", ""]}, "public"),
        # Booleans are true or false: « oui », « 2 » or the site's « on » are not.
        (SEARCH, {"ou": "Massy", "rdv": "oui"}, "rdv"),
        (SEARCH, {"ou": "Massy", "gratuit": "2"}, "gratuit"),
        (SEARCH, {"ou": "Massy", "anciens": "on"}, "anciens"),
        (PLACES, {"page": str(params.MAX_PAGE + 1)}, "page"),
    ],
)
def test_malformed_parameters_give_400_with_a_french_message(client, url, query, field):
    response = client.get(url, query)
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/json"
    errors = response.json()["erreurs"]
    assert field in errors
    assert all(isinstance(m, str) and m for m in errors[field])


def test_messages_are_plain_french(client):
    assert client.get(PLACES, {"page": "abc"}).json() == {
        "erreurs": {"page": ["Le numéro de page doit être un nombre entier (1, 2, 3…)."]}
    }
    assert client.get(PLACES, {"code_postal": ""}).json() == {
        "erreurs": {"code_postal": ["Ce paramètre est vide : donnez-lui une valeur, ou retirez-le."]}
    }
    assert client.get(SEARCH, {"ou": "Massy", "rdv": "1"}).json() == {
        "erreurs": {"rdv": ["Indiquez « true » (oui) ou « false » (non)."]}
    }


def test_an_unknown_commune_is_not_found(client):
    """A well-formed request (no schema can list every commune) about a commune that does not exist."""
    response = client.get(SEARCH, {"ou": "Xyzzyville-sur-Rien"})
    assert response.status_code == 404
    assert response.json()["erreurs"]["ou"][0].startswith("Nous ne trouvons pas « Xyzzyville-sur-Rien »")
    # With another fault as well, the request is malformed: 400, every fault listed.
    response = client.get(SEARCH, {"ou": "Xyzzyville", "rayon": "7"})
    assert response.status_code == 400 and set(response.json()["erreurs"]) == {"rayon"}


def test_booleans_true_and_false(client):
    ServiceFactory(place__prise_rdv="https://exemple.fr/rdv")
    ServiceFactory()
    assert client.get(SEARCH, {"ou": "Massy", "rdv": "true"}).json()["count"] == 1
    assert client.get(SEARCH, {"ou": "Massy", "rdv": "false"}).json()["count"] == 2


def test_several_errors_are_reported_together(client):
    errors = client.get(SEARCH, {"ou": "Massy", "rayon": "7", "page": "x"}).json()["erreurs"]
    assert {"rayon", "page"} <= set(errors)


@pytest.mark.parametrize(
    "path",
    [
        reverse("api:place", args=[987654]),
        reverse("api:service", args=[987654]),
        "/api/v1/lieux/abc",
        "/api/v1/lieux/-1",
        "/api/v1/lieux/" + "9" * 30,
        "/api/v1/services/" + "9" * 19,
        "/api/v1/inconnu",
        "/api/v2/lieux",
        "/api/",
        "/api/%0A",  # a newline (written encoded: the test client would drop a raw one, as browsers do)
        "/api/v1/lieux/1%0A",
        "/api/v1/inconnu%0Aautre",
    ],
)
def test_unknown_ids_and_paths_give_404_json(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["erreurs"]["__all__"]


def test_page_after_the_last_is_404(client):
    ServiceFactory()
    response = client.get(PLACES, {"page": 2})
    assert response.status_code == 404
    assert response.json()["erreurs"]["page"] == ["La page 2 n’existe pas : il y a 1 page(s) de résultats."]
    assert client.get(SEARCH, {"ou": "Massy", "page": 5}).status_code == 404


def test_empty_list_has_one_empty_page(client):
    assert client.get(PLACES, {"page": 1}).json() == {"count": 0, "next": None, "previous": None, "results": []}


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_writes_are_refused(client, method):
    response = getattr(client, method)(PLACES)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert "lecture seule" in response.json()["erreurs"]["__all__"][0]


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_writes_are_refused_in_json_even_with_csrf_checks(method):
    from django.test import Client

    response = getattr(Client(enforce_csrf_checks=True), method)("/api/v1/recherche")
    assert response.status_code == 405
    assert "lecture seule" in response.json()["erreurs"]["__all__"][0]


def test_a_crash_answers_json_in_french_and_is_logged(monkeypatch, caplog):
    from django.test import Client

    def crash(*args, **kwargs):
        raise RuntimeError("base de données indisponible")

    monkeypatch.setattr("api.views.search", crash)
    response = Client(raise_request_exception=False).get(SEARCH, {"ou": "Massy"})
    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response.json()["erreurs"]["__all__"][0].startswith("Erreur interne du serveur")
    assert "base de données indisponible" not in response.content.decode()  # no internals to the client
    assert any(r.exc_info and r.levelname == "ERROR" for r in caplog.records)  # the traceback is kept
