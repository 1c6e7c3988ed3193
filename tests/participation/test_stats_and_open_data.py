"""Published statistics (counts, median delays) and the open data of requests, read in real time."""

import csv
import datetime
import io
import json

import pytest
import time_machine

from participation.domain import stats, workflow
from participation.domain.export import COLUMNS
from participation.models import Request
from territory.models import Commune
from tests.factories_participation import CategoryFactory, RequestFactory

pytestmark = pytest.mark.django_db
START = datetime.datetime(2027, 1, 4, 9, tzinfo=datetime.UTC)


def at(days: float):
    return time_machine.travel(START + datetime.timedelta(days=days), tick=False)


def test_counts_and_median_delays():
    with at(0):
        rows = [RequestFactory() for _ in range(3)]
        RequestFactory(
            commune=Commune.objects.get(code_insee="75056"), category=CategoryFactory(code="wifi", name="WiFi")
        )
        RequestFactory(status=Request.Status.UNCONFIRMED, received_at=None)  # not counted
    for days, row in zip((2, 4, 6), rows, strict=True):
        with at(days):
            workflow.change_status(row, Request.Status.PLANNED, "Prévu.", planned_for=datetime.date(2027, 2, 1))
    with at(10):
        workflow.change_status(rows[0], Request.Status.DONE, "Fait.")
    figures = stats.figures()
    assert figures.total == 4
    assert figures.median_days_to_plan == 4.0 and figures.median_days_to_close == 10.0
    assert dict(figures.by_commune) == {"Massy": 3, "Paris": 1}
    assert dict(figures.by_status)["Planifiée"] == 2 and dict(figures.by_status)["Faite"] == 1


def test_the_statistics_page(client):
    RequestFactory()
    page = client.get("/demandes/statistiques/").content.decode()
    assert "1 demande publiée" in page and "pas encore de demande planifiée" in page


def test_open_data_csv_and_geojson_are_real_time_and_listed(client):
    row = RequestFactory()
    assert "Demandes des habitants" in client.get("/donnees-ouvertes/").content.decode()
    content = b"".join(client.get("/donnees-ouvertes/demandes.csv").streaming_content).decode()
    (line,) = list(csv.DictReader(io.StringIO(content)))
    assert list(line) == COLUMNS and line["id"] == str(row.pk) and line["statut_open311"] == "open"
    assert "email" not in content and row.email not in content
    workflow.change_status(row, Request.Status.DONE, "Fait.")
    doc = json.loads(b"".join(client.get("/donnees-ouvertes/demandes.geojson").streaming_content))
    (feature,) = doc["features"]
    assert feature["properties"]["statut_open311"] == "closed"
    assert feature["geometry"]["coordinates"] == [row.longitude, row.latitude]
