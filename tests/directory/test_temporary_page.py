"""The place page and its print sheet with temporary information: ahead, during, after (clock frozen)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from directory.domain import temporary
from tests.factories import PlaceFactory, ServiceFactory

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def place():
    place = PlaceFactory(nom="Médiathèque", horaires="Mo-Fr 09:00-12:00; PH off")
    temporary.add(
        place, user=None, kind="fermeture", debut=date(2027, 1, 4), fin=date(2027, 1, 15), texte="Travaux de peinture."
    )
    return place


def page(client, place, day, hour=10):
    with time_machine.travel(datetime(*day, hour, 0, tzinfo=PARIS), tick=False):
        return client.get(place.get_absolute_url()).content.decode()


def test_announced_ahead_not_before(client, place):
    assert "Fermeture exceptionnelle" not in page(client, place, (2026, 12, 19))  # 16 days ahead
    html = page(client, place, (2026, 12, 20))
    assert "À savoir avant de venir" in html
    assert "Fermeture exceptionnelle du 4 au 15 janvier 2027" in html and "Travaux de peinture." in html
    assert "Ouvert jusqu’à" not in html  # Sunday: closed, as usual


def test_during_the_period_the_place_is_closed(client, place):
    html = page(client, place, (2027, 1, 4))
    assert "Fermé exceptionnellement jusqu’au 15 janvier inclus" in html
    assert 'class="status closed">Fermé exceptionnellement' in html
    assert "Ouvert jusqu’à" not in html
    assert html.count("<td>Fermeture exceptionnelle</td>") == 7  # the whole week in the table


def test_the_day_after_it_is_gone(client, place):
    html = page(client, place, (2027, 1, 18))
    assert "exceptionnel" not in html and "À savoir avant de venir" not in html
    assert "Ouvert jusqu’à\xa012\xa0h" in html


def test_the_print_sheet_says_it_too(client, place):
    with time_machine.travel(datetime(2027, 1, 5, 10, 0, tzinfo=PARIS), tick=False):
        html = client.get(reverse("directory:place-sheet", kwargs={"pk": place.pk})).content.decode()
    assert "Fermé exceptionnellement jusqu’au 15 janvier inclus" in html


def test_exceptional_hours_and_a_message_for_one_service(client):
    service = ServiceFactory(nom="Atelier tablette", place__horaires="Mo-Fr 09:00-12:00")
    place = service.place
    temporary.add(place, user=None, kind="horaires", debut=date(2027, 1, 11), fin=date(2027, 1, 12),
                  horaires="Mo 14:00-16:00")  # fmt: skip
    temporary.add(place, user=None, kind="message", debut=date(2027, 1, 4), fin=date(2027, 1, 8),
                  texte="L’atelier a lieu en salle 2.", service=service)  # fmt: skip
    html = page(client, place, (2027, 1, 5))
    assert "Horaires exceptionnels du 11 au 12 janvier" in html
    assert "Lundi 11 janvier&nbsp;: 14\xa0h – 16\xa0h" in html and "Mardi 12 janvier&nbsp;: Fermé" in html
    assert "Atelier tablette&nbsp;: information jusqu’au 8 janvier inclus" in html
    assert "L’atelier a lieu en salle 2." in html
    assert "Ouvert jusqu’à\xa012\xa0h" in html  # a service's message does not close the place
    html = page(client, place, (2027, 1, 11), hour=10)
    assert "14\xa0h – 16\xa0h (horaires exceptionnels)" in html
    assert "ouvre aujourd’hui à\xa014\xa0h" in html


def test_a_place_closure_closes_its_services_with_their_own_hours(client, place):
    ServiceFactory(place=place, nom="Permanence CAF", horaires_accueil="Mo 14:00-17:00")
    html = page(client, place, (2027, 1, 11), hour=15)
    assert "Pour ce service&nbsp;: Fermé exceptionnellement" in html
    assert "Pour ce service&nbsp;: Ouvert" in page(client, place, (2027, 1, 18), hour=15)
