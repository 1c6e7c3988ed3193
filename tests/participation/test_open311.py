"""Open311 GeoReport v2: every document with the specification's field names, in JSON and in XML; filters;
errors in the specification's format; creation with an API key; read by an Open311 client library (georeport)."""

import datetime
import json
from xml.etree import ElementTree as ET

import pytest
from django.test import Client

from participation.domain import workflow
from participation.models import APIKey, Request
from participation.open311 import keys
from tests.factories_participation import CategoryFactory, RequestFactory

pytestmark = pytest.mark.django_db
BASE = "/open311/v2"
# The specification's field lists (GeoReport v2).
SERVICE_FIELDS = {"service_code", "service_name", "description", "metadata", "type", "keywords", "group"}
REQUEST_FIELDS = {
    "service_request_id", "status", "status_notes", "service_name", "service_code", "description",
    "agency_responsible", "service_notice", "requested_datetime", "updated_datetime", "expected_datetime",
    "address", "address_id", "zipcode", "lat", "long", "media_url",
}  # fmt: skip
DISCOVERY_FIELDS = {"changeset", "contact", "key_service", "endpoints"}
ENDPOINT_FIELDS = {"specification", "url", "changeset", "type", "formats"}
POST_FIELDS = {"service_request_id", "service_notice", "account_id"}


def get_json(client, path, **params):
    response = client.get(f"{BASE}/{path}.json", params)
    assert response["Content-Type"] == "application/json; charset=utf-8"
    return response.status_code, json.loads(response.content)


def get_xml(client, path, **params):
    response = client.get(f"{BASE}/{path}.xml", params)
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    assert response.content.startswith(b"<?xml version='1.0' encoding='utf-8'?>")
    return response.status_code, ET.fromstring(response.content)


def children(element) -> set[str]:
    return {child.tag for child in element}


@pytest.fixture
def planned():
    row = RequestFactory(email="secret@exemple.fr", display_name="Camille", anonymous=False)
    workflow.change_status(row, Request.Status.PLANNED, "Passage du technicien.",
                           planned_for=datetime.date.today() + datetime.timedelta(days=3))  # fmt: skip
    row.refresh_from_db()
    return row


def test_discovery(client):
    _, doc = get_json(client, "discovery")
    assert set(doc) == DISCOVERY_FIELDS and set(doc["endpoints"][0]) == ENDPOINT_FIELDS
    assert doc["endpoints"][0]["url"] == "http://testserver/open311/v2"
    _, root = get_xml(client, "discovery")
    assert root.tag == "discovery" and children(root) == DISCOVERY_FIELDS
    endpoint = root.find("endpoints/endpoint")
    assert children(endpoint) == ENDPOINT_FIELDS
    assert [f.text for f in endpoint.findall("formats/format")] == ["text/xml", "application/json"]


def test_services_and_their_definitions(client):
    CategoryFactory()
    _, doc = get_json(client, "services")
    assert [set(s) for s in doc] == [SERVICE_FIELDS] and doc[0]["service_code"] == "ordinateur-public"
    assert doc[0]["metadata"] is False and doc[0]["type"] == "realtime"
    _, root = get_xml(client, "services")
    assert root.tag == "services" and children(root.find("service")) == SERVICE_FIELDS
    assert root.find("service/metadata").text == "false"
    _, definition = get_json(client, "services/ordinateur-public")
    assert definition == {"service_code": "ordinateur-public", "attributes": []}
    _, root = get_xml(client, "services/ordinateur-public")
    assert root.tag == "service_definition" and children(root) == {"service_code", "attributes"}


def test_a_request_in_json_and_xml_with_its_planned_date_and_never_its_author(client, planned):
    status, doc = get_json(client, f"requests/{planned.pk}")
    assert status == 200 and len(doc) == 1 and set(doc[0]) == REQUEST_FIELDS
    row = doc[0]
    assert row["status"] == "open" and row["status_notes"] == "Passage du technicien."
    assert row["expected_datetime"].startswith(planned.planned_for.isoformat())
    assert row["expected_datetime"].endswith(("+01:00", "+02:00"))
    assert row["lat"] == planned.latitude and row["zipcode"] == "91300"
    _, root = get_xml(client, f"requests/{planned.pk}")
    assert root.tag == "service_requests" and children(root.find("request")) == REQUEST_FIELDS
    for body in (json.dumps(doc), ET.tostring(root, encoding="unicode")):
        assert "secret@exemple.fr" not in body and "Camille" not in body


def test_closed_requests_are_closed_and_the_list_filters(client, planned):
    done = RequestFactory(category=CategoryFactory(code="wifi-public", name="WiFi", service=planned.category.service))
    workflow.change_status(done, Request.Status.DONE, "Borne remplacée.")
    _, doc = get_json(client, "requests")
    assert {r["service_request_id"]: r["status"] for r in doc} == {str(planned.pk): "open", str(done.pk): "closed"}
    assert [r["service_request_id"] for r in get_json(client, "requests", status="closed")[1]] == [str(done.pk)]
    assert [r["service_request_id"] for r in get_json(client, "requests", service_code="ordinateur-public")[1]] == [
        str(planned.pk)
    ]
    ids = get_json(client, "requests", service_request_id=f"{done.pk},999999", status="open")[1]
    assert [r["service_request_id"] for r in ids] == [str(done.pk)]  # service_request_id overrides the rest
    old = (datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=60)).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert get_json(client, "requests", end_date=old)[1] == []
    _, root = get_xml(client, "requests", status="open")
    assert [r.findtext("service_request_id") for r in root.findall("request")] == [str(planned.pk)]


def test_unconfirmed_requests_are_not_listed(client):
    row = RequestFactory(status=Request.Status.UNCONFIRMED, received_at=None)
    assert get_json(client, f"requests/{row.pk}")[0] == 404
    assert get_json(client, "requests")[1] == []


@pytest.mark.parametrize(
    ("path", "params", "status"),
    [
        ("requests", {"status": "pending"}, 400),
        ("requests", {"start_date": "hier"}, 400),
        ("requests", {"start_date": "2026-01-01T00:00:00Z", "end_date": "2026-06-01T00:00:00Z"}, 400),
        ("requests/12345", {}, 404),
        ("services/inconnu", {}, 404),
    ],
)
def test_errors_use_the_specification_format(client, path, params, status):
    code, doc = get_json(client, path, **params)
    assert code == status and len(doc) == 1 and set(doc[0]) == {"code", "description"} and doc[0]["code"] == status
    code, root = get_xml(client, path, **params)
    assert code == status and root.tag == "errors" and children(root.find("error")) == {"code", "description"}


@pytest.fixture
def api_key():
    key = APIKey(name="Application de quartier")
    raw = keys.issue(key)
    key.save()
    return raw


def test_a_client_with_a_key_posts_a_request_published_at_once(client, api_key):
    CategoryFactory()
    data = {"api_key": api_key, "service_code": "ordinateur-public", "lat": "48.7309", "long": "2.2713",
            "description": "Écran cassé.", "email": "Auteur@Exemple.fr", "first_name": "Léa"}  # fmt: skip
    response = client.post(f"{BASE}/requests.json", data)
    assert response.status_code == 200
    (doc,) = json.loads(response.content)
    assert set(doc) == POST_FIELDS
    row = Request.objects.get(pk=doc["service_request_id"])
    assert row.status == Request.Status.RECEIVED and row.commune.nom == "Massy" and row.anonymous
    assert row.source == "open311" and row.email == "auteur@exemple.fr"
    assert "Léa" not in client.get(f"/demandes/{row.pk}/").content.decode()
    response = client.post(
        f"{BASE}/requests.xml", {**data, "lat": "", "long": "", "address_string": "Gare, 91300 Massy"}
    )
    assert ET.fromstring(response.content).find("request/service_request_id").text.isdigit()
    assert APIKey.objects.get().last_used is not None


@pytest.mark.parametrize(
    ("change", "status"),
    [
        ({"api_key": "mauvaise"}, 403),
        ({"service_code": "inconnu"}, 400),
        ({"description": ""}, 400),
        ({"lat": "", "long": ""}, 400),
        ({"lat": "abc"}, 400),
        ({"lat": "-20.88", "long": "-150"}, 400),  # no commune there
        ({"email": "pas-une-adresse"}, 400),
    ],
)
def test_a_bad_post_is_refused_with_the_specification_error(client, api_key, change, status):
    CategoryFactory()
    data = {"api_key": api_key, "service_code": "ordinateur-public", "lat": "48.7309", "long": "2.2713",
            "description": "Écran cassé."}  # fmt: skip
    response = client.post(f"{BASE}/requests.json", {**data, **change})
    assert response.status_code == status and json.loads(response.content)[0]["code"] == status
    assert Request.objects.count() == 0


def test_an_inactive_key_is_refused(client, api_key):
    APIKey.objects.update(active=False)
    CategoryFactory()
    response = client.post(f"{BASE}/requests.json", {"api_key": api_key, "service_code": "ordinateur-public"})
    assert response.status_code == 403
    assert api_key not in str(list(APIKey.objects.values()))  # only the digest is stored


class _DjangoRequests:
    """`requests.get` for the georeport library, answered by Django's test client (same transaction)."""

    def __init__(self, client: Client):
        self.client = client

    def get(self, url, params=None, **kwargs):
        import requests

        answer = self.client.get(url.replace("http://testserver", ""), params or {})
        response = requests.Response()
        response.status_code, response._content, response.url = answer.status_code, answer.content, url
        response.headers["Content-Type"] = answer["Content-Type"]
        return response


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_the_georeport_client_library_reads_every_document(client, planned, monkeypatch, fmt):
    import georeport.georeport
    from georeport import GeoReport

    monkeypatch.setattr(georeport.georeport, "requests", _DjangoRequests(client))
    api = GeoReport("http://testserver/open311/v2", output_format=fmt)
    services = api.get_service_list()
    services = services if isinstance(services, list) else [services]
    assert services[0]["service_code"] == "ordinateur-public"
    assert api.get_service_definition("ordinateur-public")["service_code"] == "ordinateur-public"
    listed = api.get_service_requests(status="open")
    listed = listed if isinstance(listed, list) else [listed]
    assert listed[0]["service_request_id"] == str(planned.pk)
    one = api.get_service_request(str(planned.pk))
    one = one[0] if isinstance(one, list) else one
    assert one["status"] == "open" and one["expected_datetime"].startswith(planned.planned_for.isoformat())
