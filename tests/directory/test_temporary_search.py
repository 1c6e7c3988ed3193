"""The search with temporary information: « ouvert maintenant » and the day filters, the results' mention."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.domain import temporary
from directory.domain.search import search
from tests.directory.test_search_filters import around, names
from tests.factories import ServiceFactory

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")
MONDAY_10 = datetime(2027, 1, 4, 10, 0, tzinfo=PARIS)  # Monday 4 January 2027


def close(place, first, last, **values):
    return temporary.add(place, user=None, kind=values.pop("kind", "fermeture"), debut=first, fin=last, **values)


def test_open_now_leaves_out_a_place_closed_today():
    closed = ServiceFactory(place__nom="Fermé", place__horaires="Mo-Fr 09:00-12:00").place
    ServiceFactory(place__nom="Ouvert", place__horaires="Mo-Fr 09:00-12:00", place__latitude=48.731)
    assert names(search(around(open_when="maintenant"), now=MONDAY_10)) == ["Fermé", "Ouvert"]
    close(closed, date(2027, 1, 4), date(2027, 1, 4))
    assert names(search(around(open_when="maintenant"), now=MONDAY_10)) == ["Ouvert"]
    # The next day, it is open again.
    assert names(search(around(open_when="maintenant"), now=datetime(2027, 1, 5, 10, 0, tzinfo=PARIS))) == [
        "Fermé", "Ouvert",
    ]  # fmt: skip


def test_a_place_with_unknown_hours_closed_today_is_not_kept_as_unknown():
    unknown = ServiceFactory(place__nom="Inconnu", place__horaires="").place
    assert names(search(around(open_when="maintenant"), now=MONDAY_10)) == ["Inconnu"]
    close(unknown, date(2027, 1, 1), date(2027, 1, 10))
    assert search(around(open_when="maintenant"), now=MONDAY_10).total == 0


def test_a_day_filter_leaves_out_a_place_closed_on_every_such_day_of_the_coming_two_weeks():
    place = ServiceFactory(place__nom="Lundi", place__horaires="Mo 09:00-12:00").place
    close(place, date(2027, 1, 4), date(2027, 1, 4))  # one Monday of two: still open the next one
    assert names(search(around(open_when="1"), now=MONDAY_10)) == ["Lundi"]
    close(place, date(2027, 1, 11), date(2027, 1, 17))  # both Mondays closed
    assert names(search(around(open_when="1"), now=MONDAY_10)) == []


def test_exceptional_hours_open_a_place_on_a_day_it_is_usually_closed():
    place = ServiceFactory(place__nom="Semaine", place__horaires="Mo-Fr 09:00-12:00").place
    saturday_10 = datetime(2027, 1, 9, 10, 0, tzinfo=PARIS)
    assert names(search(around(open_when="6"), now=MONDAY_10)) == []
    close(place, date(2027, 1, 9), date(2027, 1, 9), kind="horaires", horaires="Sa 09:30-12:00")
    assert names(search(around(open_when="6"), now=MONDAY_10)) == ["Semaine"]
    assert names(search(around(open_when="maintenant"), now=saturday_10)) == ["Semaine"]
    # …and replace the regular hours: on Monday the 11th, open only in the afternoon.
    close(place, date(2027, 1, 11), date(2027, 1, 11), kind="horaires", horaires="14:00-16:00")
    assert names(search(around(open_when="maintenant"), now=datetime(2027, 1, 11, 10, 0, tzinfo=PARIS))) == []


def test_results_say_closed_and_mention_what_is_announced():
    closed = ServiceFactory(place__nom="Fermé", place__horaires="Mo-Fr 09:00-12:00").place
    soon = ServiceFactory(place__nom="Bientôt", place__horaires="Mo-Fr 09:00-12:00", place__latitude=48.731).place
    close(closed, date(2027, 1, 1), date(2027, 1, 8))
    close(soon, date(2027, 1, 11), date(2027, 1, 12))
    found = {r.place.nom: r for r in search(around(), now=MONDAY_10).results}
    assert found["Fermé"].status.is_open is False
    assert found["Fermé"].status.label.startswith("Fermé exceptionnellement")
    assert found["Bientôt"].status.is_open is True
    assert found["Bientôt"].notice == "Fermeture exceptionnelle du 11 au 12 janvier"


def test_results_page_shows_the_mention(client):
    place = ServiceFactory(place__nom="Bientôt", place__horaires="Mo-Fr 09:00-12:00").place
    today = temporary.place_today(place)
    close(place, date.fromordinal(today.toordinal() + 3), date.fromordinal(today.toordinal() + 5))
    html = client.get("/recherche/?ou=91300").content.decode()
    assert 'class="result-notice">Fermeture exceptionnelle du' in html


def _queries(criteria) -> int:
    with CaptureQueriesContext(connection) as captured:
        search(criteria, now=MONDAY_10)
    return len(captured)


def test_temporary_information_costs_no_query_per_result():
    first = ServiceFactory(place__horaires="Mo-Fr 09:00-12:00").place
    close(first, date(2027, 1, 1), date(2027, 1, 20))
    one = {when: _queries(around(open_when=when)) for when in ("", "maintenant", "1")}
    for index in range(6):
        place = ServiceFactory(place__horaires="Mo-Fr 09:00-12:00", place__latitude=48.731 + index / 1000).place
        close(place, date(2027, 1, 1), date(2027, 1, 20), texte="Travaux")
    assert {when: _queries(around(open_when=when)) for when in ("", "maintenant", "1")} == one
