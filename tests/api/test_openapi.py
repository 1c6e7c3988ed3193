"""The OpenAPI 3.1 document and the HTML docs built from it."""

import json
import re

import pytest
from django.urls import reverse

from api import params
from api.urls import urlpatterns
from directory.forms import RADIUS_CHOICES, SearchForm
from standards import dataincl as di
from tests.factories import PlaceFactory, ServiceFactory

pytestmark = pytest.mark.django_db

UNDOCUMENTED = {"docs", "unknown"}  # the HTML page itself, and the JSON 404 for any other address


@pytest.fixture
def doc(client):
    response = client.get(reverse("api:openapi"))
    assert response.status_code == 200
    return response.json()


def _route_paths() -> set[str]:
    paths = set()
    for pattern in urlpatterns:
        if pattern.name in UNDOCUMENTED:
            continue
        route = re.sub(r"<int:\w+>", "{id}", str(pattern.pattern))
        paths.add(f"/api/{route}")
    return paths


def test_every_route_is_documented_and_every_documented_path_exists(doc, client):
    service = ServiceFactory()
    examples = {
        "/api/v1/lieux/{id}": reverse("api:place", args=[service.place_id]),
        "/api/v1/services/{id}": reverse("api:service", args=[service.pk]),
        "/api/v1/recherche": reverse("api:recherche") + "?ou=Massy",
    }
    assert doc["openapi"] == "3.1.0"
    assert set(doc["paths"]) == _route_paths()
    for path in doc["paths"]:
        response = client.get(examples.get(path, path))
        assert response.status_code == 200, path
        assert response["Content-Type"] == "application/json"


def test_every_reference_resolves(doc):
    schemas = doc["components"]["schemas"]
    refs = set(re.findall(r'"\$ref": "#/components/schemas/(\w+)"', json.dumps(doc)))
    assert refs and refs <= set(schemas)


def test_parameters_are_those_the_views_read(doc):
    def names(path):
        found = set()
        for p in doc["paths"][path]["get"]["parameters"]:
            exploded = p["schema"].get("type") == "object" and p.get("explode")  # ?ou=…&lat=…, not ?lieu=…
            found |= set(p["schema"]["properties"]) if exploded else {p["name"]}
        return found

    assert names("/api/v1/lieux") == set(params.AreaForm.base_fields)
    assert names("/api/v1/services") == set(params.ServiceListForm.base_fields)
    assert names("/api/v1/recherche") == {*SearchForm.base_fields, "taille"}
    assert names("/api/v1/lieux/{id}") == {"id"}


def test_limits_and_the_required_place_are_in_the_document(doc):
    places = {p["name"]: p for p in doc["paths"]["/api/v1/lieux"]["get"]["parameters"]}
    assert places["page"]["schema"]["maximum"] == params.MAX_PAGE
    assert places["taille"]["schema"]["maximum"] == params.MAX_PAGE_SIZE
    search = {p["name"]: p for p in doc["paths"]["/api/v1/recherche"]["get"]["parameters"]}
    location = search["lieu_de_recherche"]
    assert location["required"] and location["style"] == "form" and location["explode"]
    assert location["schema"]["anyOf"] == [{"required": ["ou"]}, {"required": ["lat", "lon"]}, {"required": ["nom"]}]
    assert location["schema"]["properties"]["ou"]["maxLength"] == 120
    assert location["schema"]["properties"]["lat"] == {**location["schema"]["properties"]["lat"], "minimum": -90}
    assert search["rdv"]["schema"] == {"type": "boolean"}
    responses = doc["paths"]["/api/v1/recherche"]["get"]["responses"]
    assert {"200", "400", "404", "429", "500"} == set(responses)
    assert "Commune introuvable" in responses["404"]["description"]


def test_enumerations_come_from_the_vocabularies(doc):
    search = {p["name"]: p["schema"] for p in doc["paths"]["/api/v1/recherche"]["get"]["parameters"]}
    assert search["rayon"]["enum"] == [value for value, _ in RADIUS_CHOICES]
    assert "demarches" in search["besoin"]["enum"]
    assert "seniors" in search["public"]["items"]["enum"]
    assert "Surdité" in search["accompagnement"]["items"]["enum"]
    services = {p["name"]: p["schema"] for p in doc["paths"]["/api/v1/services"]["get"]["parameters"]}
    assert services["thematique"]["enum"] == di.THEMATIQUES.values
    assert services["taille"]["maximum"] == 100
    schemas = doc["components"]["schemas"]
    assert "gratuit" in schemas["Frais"]["enum"]


def _properties(doc, name) -> set[str]:
    schemas = doc["components"]["schemas"]
    found = set()
    for part in schemas[name].get("allOf", [schemas[name]]):
        target = schemas[part["$ref"].rsplit("/", 1)[-1]] if "$ref" in part else part
        found |= set(target["properties"])
    return found


def test_response_schemas_describe_the_actual_answers(doc, client):
    place = PlaceFactory()
    service = ServiceFactory(place=place)
    assert set(client.get(reverse("api:place", args=[place.pk])).json()) == _properties(doc, "Lieu")
    assert set(client.get(reverse("api:service", args=[service.pk])).json()) == _properties(doc, "Service")
    page = client.get(reverse("api:recherche"), {"ou": "Massy"}).json()
    assert set(page) == _properties(doc, "PageDeResultats")
    assert set(page["results"][0]) == _properties(doc, "Resultat")
    assert set(client.get(reverse("api:places")).json()) == _properties(doc, "PageDeLieux")
    assert set(client.get(reverse("api:places"), {"page": "x"}).json()) == _properties(doc, "Erreurs")


def test_docs_page_renders_the_document(client, doc):
    response = client.get(reverse("api:docs"))
    assert response.status_code == 200
    html = response.content.decode().replace("<wbr>", "")
    local = html.replace('<link rel="stylesheet" href="/static/', "").replace('<link rel="icon" href="data:,">', "")
    assert "<script" not in html and "<link" not in local  # nothing external: no JS, our own CSS
    for path, item in doc["paths"].items():
        assert f"GET {path}" in html
        assert item["get"]["summary"].replace("’", "&#x27;") in html or item["get"]["summary"] in html
    assert "<code>taille</code>" in html and "<code>numerique--acquerir-un-equipement</code>" in html
    assert "<code>ou</code>" in html and "<code>lat</code>" in html and "lieu_de_recherche" not in html
    assert reverse("api:openapi") in html


def test_breakable_escapes_and_adds_break_opportunities():
    from api.templatetags.api_docs import breakable

    assert breakable("/a?b=1&c=<x>") == "/<wbr>a?<wbr>b=<wbr>1&amp;<wbr>c=<wbr>&lt;x&gt;"
