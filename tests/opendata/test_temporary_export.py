"""The open data carries closures and exceptional hours as dated OSM rules in `horaires`, and they survive a round
trip: exported, imported into an empty database, the place is closed during the period and open after it."""

import csv
import io
import json
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from datahub.models import SourceRecord
from datahub.runs import run_import
from directory.domain import hours, temporary
from directory.models import Place, Service
from opendata.validation import validate_lieux_csv
from tests.factories import ServiceFactory

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")
TODAY = datetime(2027, 1, 5, 10, 0, tzinfo=PARIS)


def _download(client, slug) -> str:
    with time_machine.travel(TODAY, tick=False):
        response = client.get(reverse("opendata:download", args=[slug]))
        assert response.status_code == 200
        return b"".join(response.streaming_content).decode()


@pytest.fixture
def places():
    service = ServiceFactory(place__nom="Médiathèque", place__horaires="Mo-Fr 09:00-12:00")
    place = service.place
    add = temporary.add
    add(place, user=None, kind="fermeture", debut=date(2027, 1, 4), fin=date(2027, 1, 8))  # in force
    add(place, user=None, kind="horaires", debut=date(2027, 2, 1), fin=date(2027, 2, 5), horaires="Mo-Fr 14:00-16:00")
    add(place, user=None, kind="fermeture", debut=date(2026, 12, 1), fin=date(2026, 12, 2))  # ended
    add(place, user=None, kind="message", debut=date(2027, 1, 4), fin=date(2027, 1, 8), texte="Travaux")
    add(place, user=None, kind="fermeture", debut=date(2027, 1, 4), fin=date(2027, 1, 8), service=service)
    ServiceFactory(place__nom="Sans horaires", place__horaires="", place__latitude=48.731)
    add(Place.objects.get(nom="Sans horaires"), user=None, kind="fermeture", debut=date(2027, 1, 4),
        fin=date(2027, 1, 8))  # fmt: skip
    return place


EXPECTED = (
    "Mo-Fr 09:00-12:00; 2027 Jan 04-2027 Jan 08 off; "
    "2027 Feb 01-2027 Feb 05 off; 2027 Feb 01-2027 Feb 05 Mo-Fr 14:00-16:00"
)


def test_lieux_csv_appends_what_is_in_force_or_to_come_and_stays_valid(client, places):
    content = _download(client, "lieux-de-mediation-numerique.csv")
    rows = {row["nom"]: row for row in csv.DictReader(io.StringIO(content))}
    assert rows["Médiathèque"]["horaires"] == EXPECTED  # not the ended one, nor a message, nor a service's
    assert rows["Sans horaires"]["horaires"] == ""  # « off » alone would say it is always closed
    assert validate_lieux_csv(content) == {}


def test_the_other_exports_carry_the_same_hours(client, places):
    structures = json.loads(_download(client, "data-inclusion-structures.json"))
    assert next(s for s in structures if s["nom"] == "Médiathèque")["horaires_accueil"] == EXPECTED
    geojson = json.loads(_download(client, "lieux.geojson"))
    assert (
        next(f for f in geojson["features"] if f["properties"]["nom"] == "Médiathèque")["properties"]["horaires"]
        == EXPECTED
    )


def test_round_trip_closed_during_the_period_open_after(client, places, tmp_path):
    path = tmp_path / "lieux.csv"
    path.write_text(_download(client, "lieux-de-mediation-numerique.csv"))
    Service.objects.all().delete()
    Place.objects.all().delete()
    SourceRecord.objects.all().delete()
    run = run_import(path, "lieux")
    assert run.status == "reussi", run.error
    imported = Place.objects.get(nom="Médiathèque")
    assert imported.horaires == EXPECTED
    assert hours.is_open_at(imported.horaires, datetime(2027, 1, 8, 10, 0, tzinfo=PARIS)) is False
    assert hours.is_open_at(imported.horaires, datetime(2027, 1, 11, 10, 0, tzinfo=PARIS)) is True
    assert hours.is_open_at(imported.horaires, datetime(2027, 2, 1, 10, 0, tzinfo=PARIS)) is False
    assert hours.is_open_at(imported.horaires, datetime(2027, 2, 1, 15, 0, tzinfo=PARIS)) is True
