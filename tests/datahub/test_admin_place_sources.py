import datetime

import pytest
from django.urls import reverse

from datahub.models import SourceRecord
from tests.factories import PlaceFactory

pytestmark = pytest.mark.django_db


def test_place_page_in_admin_lists_its_sources_and_absence(admin_client):
    place = PlaceFactory()
    SourceRecord.objects.create(
        source="dora", kind="lieu", source_id="abc-123", place=place, feed="dora", fingerprint="x",
        absent_since=datetime.date(2026, 11, 1),
    )  # fmt: skip
    html = admin_client.get(reverse("admin:directory_place_change", args=[place.pk])).content.decode()
    assert "sources de ce lieu" in html.lower()
    assert "abc-123" in html and "1 novembre 2026" in html
