"""Opening hours per week: one reference week without public holidays, open spans only, unknown hours said."""

from datetime import date, datetime

import pytest
from django.urls import reverse

from observatory.domain import supply
from tests.factories import PlaceFactory

WEEK = datetime(2026, 3, 9)  # a Monday, no public holiday that week


@pytest.mark.parametrize(
    ("horaires", "expected"),
    [
        ("Mo-Fr 09:00-12:00,14:00-17:00", 30.0),
        ("24/7", 168.0),
        ("Tu 14:00-18:00; PH off", 4.0),
        ('Mo-Fr 09:00-12:00 open "sur rendez-vous"', 15.0),
        ("off", 0.0),  # known: closed all week
        ("Mo 10:00-12:00 unknown", None),  # only unknown spans
        ("", None),
        ("le mardi après-midi", None),  # not OSM syntax
    ],
)
def test_weekly_open_hours_from_real_osm_strings(horaires, expected):
    assert supply.weekly_hours(horaires, WEEK) == expected


def test_the_reference_week_skips_weeks_with_a_public_holiday():
    assert supply.reference_week(date(2026, 3, 11)) == WEEK
    # Tuesday 11 November 2025 is a holiday: « Tu 14:00-18:00; PH off » still counts its usual 4 hours.
    assert supply.reference_week(date(2025, 11, 10)) == datetime(2025, 11, 17)
    # 1 May (Friday), 8 May, Ascension on 14 May 2026: the first usual week starts on 18 May.
    assert supply.reference_week(date(2026, 5, 1)) == datetime(2026, 5, 18)


def test_places_with_unknown_hours_are_not_counted_and_the_page_says_so(client, db):
    PlaceFactory(horaires="Mo-Fr 09:00-12:00,14:00-17:00")
    PlaceFactory(horaires="24/7")
    PlaceFactory(horaires="")
    massy = next(r for r in supply.supply(datetime(2025, 11, 10, 10)) if r.code == "91377")
    assert massy.hours_per_week == 198.0 and massy.without_hours == 1
    html = client.get(reverse("observatory:supply")).content.decode()
    assert "1 lieu sans horaires renseignés ou lisibles n’est pas compté" in html
    assert "Lieux aux horaires inconnus (non comptés)" in html
