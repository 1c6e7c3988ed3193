"""The public « Données ouvertes » page."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from opendata import catalog
from tests.factories import PlaceFactory, ServiceFactory

pytestmark = pytest.mark.django_db


def test_page_lists_every_download_with_format_count_licence_and_date(client):
    ServiceFactory(place=PlaceFactory(date_maj=datetime.date(2024, 3, 1)))
    PlaceFactory(date_maj=datetime.date(2023, 1, 5), adresse="")
    response = client.get(reverse("opendata:index"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Données ouvertes</h1>" in html
    assert "Licence Ouverte / Open Licence version 2.0" in html and "Etalab" in html
    for item in catalog.DOWNLOADS:
        assert reverse("opendata:download", args=[item.slug]) in html
        assert str(item.title) in html
    assert "1 lieu." in html
    assert "2 structures." in html
    assert "<script" not in html
    today = timezone.localdate()
    assert f'datetime="{today.isoformat()}"' in html  # last change in Ancrage: today
    assert reverse("api:docs") in html


def test_page_without_data_says_so(client):
    html = client.get(reverse("opendata:index")).content.decode()
    assert "Aucune information n’est publiée" in html
    assert "0 lieu." in html


def test_data_date_is_the_latest_update():
    from opendata.exports.common import data_date

    PlaceFactory(date_maj=datetime.date(2030, 1, 1))
    assert data_date() == datetime.date(2030, 1, 1)


def test_page_refuses_post(client):
    assert client.post(reverse("opendata:index")).status_code == 405


def test_counts_are_written_in_french():
    item = catalog.BY_SLUG["services.csv"]
    assert [item.counted(n) for n in (0, 1, 2)] == ["0 service", "1 service", "2 services"]
    assert catalog.BY_SLUG["lieux.geojson"].counted(150000) == "150\u202f000 lieux"
