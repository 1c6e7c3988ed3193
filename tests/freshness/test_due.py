from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from directory.models import Place
from freshness.domain import due
from freshness.domain.confirm import set_cadence
from tests.factories import PlaceFactory

PARIS = ZoneInfo("Europe/Paris")


def test_the_due_date_is_the_reference_plus_the_cadence():
    assert due.due_date(date(2026, 1, 15), 6, created=date(2020, 1, 1)) == date(2026, 7, 15)
    assert due.due_date(date(2026, 3, 31), 1, created=date(2020, 1, 1)) == date(2026, 5, 1)  # no 31 April
    assert due.due_date(date(2023, 8, 31), 6, created=date(2020, 1, 1)) == date(2024, 3, 1)
    assert due.due_date(None, 6, created=date(2025, 2, 3)) == date(2025, 2, 3)  # unknown date: due at once


def test_three_states_from_the_due_date(settings):
    settings.ANCRAGE_FRESHNESS_OVERDUE_DAYS = 30
    today = date(2026, 12, 3)
    assert due.status(date(2026, 12, 4), today) == due.UP_TO_DATE
    assert due.status(date(2026, 12, 3), today) == due.DUE
    assert due.status(date(2026, 11, 4), today) == due.DUE
    assert due.status(date(2026, 11, 3), today) == due.OVERDUE


@pytest.mark.django_db
def test_a_place_uses_its_own_cadence_or_the_default(settings):
    settings.ANCRAGE_FRESHNESS_CADENCE_MONTHS = 6
    place = PlaceFactory(date_maj=date(2026, 1, 10))
    assert due.due_date_of(place) == date(2026, 7, 10)
    set_cadence(place, 3)
    place = Place.objects.select_related("freshness").get(pk=place.pk)
    assert due.due_date_of(place) == date(2026, 4, 10)
    set_cadence(place, None)
    place = Place.objects.select_related("freshness").get(pk=place.pk)
    assert due.due_date_of(place) == date(2026, 7, 10)


@pytest.mark.django_db
def test_the_database_condition_agrees_with_the_python_rule_on_every_day_of_a_leap_year(settings):
    settings.ANCRAGE_FRESHNESS_CADENCE_MONTHS = 6
    start = date(2024, 1, 1)
    places = [PlaceFactory(date_maj=start + timedelta(days=n)) for n in range(366)]
    places.append(PlaceFactory(date_maj=None))
    for place in places[::3]:
        set_cadence(place, 1)
    for place in places[1::7]:
        set_cadence(place, 12)
    with time_machine.travel(datetime(2025, 3, 1, 12, tzinfo=PARIS), tick=False):
        loaded = list(Place.objects.select_related("freshness"))
        for today in [date(2024, 8, 31), date(2024, 9, 30), date(2025, 2, 28), date(2025, 3, 1)]:
            expected = {p.pk for p in loaded if due.due_date_of(p) <= today}
            assert set(Place.objects.filter(due.due_by(today)).values_list("pk", flat=True)) == expected, today
            for state in due.STATUS_LABELS:
                in_state = {p.pk for p in loaded if due.status_of(p, today) == state}
                found = Place.objects.filter(due.status_condition(state, today)).values_list("pk", flat=True)
                assert set(found) == in_state, (today, state)
