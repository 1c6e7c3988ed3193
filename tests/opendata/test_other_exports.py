"""data·inclusion JSON, GeoJSON and flat CSV exports; file names and streaming."""

import csv
import datetime
import io
import json

import pytest
from data_inclusion.schema import v1
from django.http import StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone

from opendata import catalog
from opendata.exports import flat
from tests.factories import PlaceFactory, ServiceFactory

pytestmark = pytest.mark.django_db


def _get(client, slug: str):
    response = client.get(reverse("opendata:download", args=[slug]))
    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse)
    return response, b"".join(response.streaming_content).decode("utf-8")


def _json(client, slug: str):
    return json.loads(_get(client, slug)[1])


def test_structures_are_valid_data_inclusion_v1(client, full_place):
    PlaceFactory(nom="EP", pivot="", courriels=["pas-un-courriel"], site_web=["pas une adresse"], date_maj=None)
    structures = _json(client, "data-inclusion-structures.json")
    assert len(structures) == 2
    for item in structures:
        v1.Structure.model_validate(item)
    full = next(s for s in structures if s["id"] == str(full_place.pk))
    assert full["source"] == "ancrage"
    assert full["siret"] == "21910377200018"
    assert full["courriel"] == "contact@mediatheque.example.fr"
    assert full["reseaux_porteurs"] == ["conseillers-numeriques", "france-service"]
    assert full["lien_source"] == f"http://testserver{full_place.get_absolute_url()}"
    other = next(s for s in structures if s["id"] != str(full_place.pk))
    assert other["courriel"] is None and other["site_web"] is None and len(other["nom"]) >= 3


def test_services_are_valid_data_inclusion_v1_and_point_to_their_structure(client, full_place):
    ServiceFactory(description="", publics=["tous-publics", "seniors"], zone_eligibilite=["91", "bad code!"])
    ServiceFactory(place=PlaceFactory(est_publie=False))
    services = _json(client, "data-inclusion-services.json")
    structure_ids = {s["id"] for s in _json(client, "data-inclusion-structures.json")}
    assert len(services) == 3
    for item in services:
        v1.Service.model_validate(item)
        assert item["structure_id"] in structure_ids
    odd = services[-1]
    assert odd["description"].startswith("Aide aux démarches administratives proposé par")
    assert odd["publics"] == ["seniors"]
    assert odd["zone_eligibilite"] == ["91"]
    assert odd["date_maj"] == odd["date_maj"][:10]


def test_geojson_lists_located_places_with_their_page(client, full_place):
    PlaceFactory(latitude=None, longitude=None)
    response, content = _get(client, "lieux.geojson")
    assert response["Content-Type"] == "application/geo+json"
    collection = json.loads(content)
    assert collection["type"] == "FeatureCollection"
    (feature,) = collection["features"]
    assert feature["geometry"] == {
        "type": "Point",
        "coordinates": [round(full_place.longitude, 7), round(full_place.latitude, 7)],
    }
    properties = feature["properties"]
    assert properties["nom"] == full_place.nom
    assert properties["services"] == [
        "Aide aux démarches administratives",
        "Maîtrise des outils numériques du quotidien",
    ]
    assert properties["url"] == f"http://testserver{full_place.get_absolute_url()}"


def test_flat_csv_has_one_row_per_service_with_its_address(client, full_place):
    _, content = _get(client, "services.csv")
    rows = list(csv.DictReader(io.StringIO(content, newline="")))
    assert list(rows[0]) == flat.COLUMNS
    assert len(rows) == 2
    assert {r["lieu_id"] for r in rows} == {str(full_place.pk)}
    assert rows[0]["adresse"] == full_place.adresse and rows[0]["code_postal"] == "91300"
    assert rows[0]["thematiques"].count("|") == 1


@pytest.mark.parametrize("item", catalog.DOWNLOADS, ids=lambda d: d.slug)
def test_every_download_is_named_by_date_and_producer(client, item):
    response, _ = _get(client, item.slug)
    today = timezone.localdate().isoformat()
    expected = f'attachment; filename="{today}_ancrage_{item.name}.{item.extension}"'
    assert response["Content-Disposition"] == expected


def test_lieux_csv_file_name_follows_the_brief():
    assert (
        catalog.BY_SLUG["lieux-de-mediation-numerique.csv"].filename(datetime.date(2026, 11, 22))
        == "2026-11-22_ancrage_lieux-de-mediation-numerique.csv"
    )


def test_empty_database_gives_empty_but_valid_files(client):
    assert _json(client, "lieux-de-mediation-numerique.json") == []
    assert _json(client, "data-inclusion-services.json") == []
    assert _json(client, "lieux.geojson") == {"type": "FeatureCollection", "features": []}
    assert _get(client, "services.csv")[1] == ",".join(flat.COLUMNS) + "\r\n"


def test_unknown_file_is_404(client):
    assert client.get(reverse("opendata:download", args=["secret.csv"])).status_code == 404


def test_exports_are_streamed_in_chunks_of_queries(client, django_assert_max_num_queries):
    for _ in range(30):
        ServiceFactory()
    with django_assert_max_num_queries(6):
        response = client.get(reverse("opendata:download", args=["lieux-de-mediation-numerique.csv"]))
        assert len(b"".join(response.streaming_content).splitlines()) == 31
    with django_assert_max_num_queries(4):
        response = client.get(reverse("opendata:download", args=["services.csv"]))
        assert len(b"".join(response.streaming_content).splitlines()) == 31


def test_head_gives_the_headers_without_building_the_file(client, django_assert_max_num_queries):
    ServiceFactory()
    with django_assert_max_num_queries(0):
        response = client.head(reverse("opendata:download", args=["services.csv"]))
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('_ancrage_services.csv"')
    assert response.content == b""
