"""What a person registering meets: the form (honeypot hidden, a phone input), « il reste N places », a second
registration refused, the confirmation (one date's .ics, the phone to call), the cancel link used twice, part of
the seats cancelled, and quiet refusals."""

import datetime
import logging
import re

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from agenda.domain import registrations, schedule
from agenda.models import Registration
from core import worker
from tests.factories_agenda import EventFactory

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2027, 2, 1, 9, tzinfo=datetime.UTC)


@pytest.fixture
def occurrence():
    with time_machine.travel(NOW):
        event = EventFactory(title="Atelier « Mon smartphone »", capacity=4, repeat="hebdo", weekdays=[1], count=12)
        return schedule.materialise(event).created[0]


def _form(client, occurrence, **data):
    return client.post(reverse("agenda:register", args=[occurrence.pk]), {"name": "Lou", "seats": 1, **data})


@time_machine.travel(NOW, tick=False)
def test_the_form_hides_the_honeypot_and_asks_a_phone_with_a_phone_input(client, occurrence):
    page = client.get(reverse("agenda:register", args=[occurrence.pk])).content.decode()
    assert '<div class="hp" aria-hidden="true">' in page and "Laissez ce champ vide (facultatif)" not in page
    phone = re.search(r"<input[^>]*name=\"phone\"[^>]*>", page)[0]
    assert phone.count("type=") == 1 and 'type="tel"' in phone and 'autocomplete="tel"' in phone
    assert "S’inscrire à «&nbsp;Atelier “Mon smartphone”&nbsp;»" in page


@time_machine.travel(NOW, tick=False)
def test_more_seats_than_left_offers_the_seats_left_or_the_waiting_list(client, occurrence):
    _form(client, occurrence, name="Avant", phone="0600000000")
    asked = _form(client, occurrence, name="Famille", email="f@exemple.fr", seats=4)
    text = asked.content.decode()
    assert asked.status_code == 409 and "Il reste 3 places pour cette date." in text
    assert 'value="3"' in text and 'value="attente"' in text and "f@exemple.fr" in text  # what was typed stays
    taken = _form(client, occurrence, name="Famille", email="f@exemple.fr", seats=4, ensuite="3")
    assert taken.status_code == 302 and Registration.objects.get(name="Famille").seats == 3
    waits = _form(client, occurrence, name="Autre", email="a@exemple.fr", seats=2)
    assert "liste d’attente" in client.get(waits["Location"]).content.decode()  # full: the waiting list


@time_machine.travel(NOW, tick=False)
def test_explicit_waiting_list_for_more_seats(client, occurrence):
    _form(client, occurrence, name="Avant", phone="0600000000")
    waits = _form(client, occurrence, name="Famille", phone="0600000001", seats=4, ensuite="attente")
    assert Registration.objects.get(name="Famille").status == "attente"
    page = client.get(waits["Location"]).content.decode()
    assert "position 1" in page and ".ics" not in page


@time_machine.travel(NOW, tick=False)
def test_a_second_registration_is_refused_and_the_cancel_link_sent_again(client, occurrence):
    _form(client, occurrence, email="lou@exemple.fr")
    worker.run_pending()
    mail.outbox.clear()
    again = _form(client, occurrence, name="LOU", email="Lou@exemple.fr")
    assert again.status_code == 409 and "Vous êtes déjà inscrit(e) à cette date" in again.content.decode()
    assert Registration.objects.count() == 1
    worker.run_pending()
    assert mail.outbox[0].to == ["lou@exemple.fr"] and "/agenda/annuler/" in mail.outbox[0].body


@time_machine.travel(NOW, tick=False)
def test_the_confirmation_gives_this_date_only_and_the_phone_to_call(client, occurrence):
    event = occurrence.event
    event.place.telephone = "01 69 00 00 00"
    event.place.save()
    done = _form(client, occurrence, phone="0600000000")
    page = client.get(done["Location"]).content.decode()
    assert "01 69 00 00 00" in page and "appelez l’organisateur" in page
    ics_url = reverse("agenda:occurrence-ics", args=[occurrence.pk])
    assert ics_url in page and reverse("agenda:event-ics", args=[event.pk]) not in page
    body = client.get(ics_url).content.decode()
    assert body.count("BEGIN:VEVENT") == 1 and "RRULE" not in body
    assert f"UID:{event.uid}-{occurrence.pk}@" in body and "DTSTART;TZID=Europe/Paris:20270302T140000" in body
    assert client.get(ics_url).content.decode().split("UID:")[1][:60] == body.split("UID:")[1][:60]


@time_machine.travel(NOW, tick=False)
def test_a_used_cancel_link_says_it_is_already_cancelled_and_part_of_the_seats_can_go(client, occurrence):
    _form(client, occurrence, email="lou@exemple.fr", seats=3)
    worker.run_pending()
    link = re.search(r"http\S+/agenda/annuler/\S+/", mail.outbox[0].body)[0].split("8000", 1)[-1]
    shown = client.get(link).content.decode()
    assert "pour 3 places" in shown and 'name="places"' in shown
    client.post(link, {"places": "1"})
    registration = Registration.objects.get()
    assert (registration.status, registration.seats) == ("inscrit", 2)
    used = client.get(link)
    assert used.status_code == 200 and "Ce lien a déjà servi" in used.content.decode()
    registrations.cancel(registration.pk)
    used = client.post(link)
    text = used.content.decode()
    assert used.status_code == 200 and "Cette inscription est déjà annulée" in text
    assert occurrence.event.get_absolute_url() in text


@time_machine.travel(NOW, tick=False)
def test_someone_elses_confirmation_is_a_quiet_403_and_a_wrong_slug_redirects(client, occurrence, caplog):
    other = Registration.objects.create(occurrence=occurrence, name="X", phone="0600000000", status="inscrit")
    with caplog.at_level(logging.WARNING, logger="django.request"):
        refused = client.get(reverse("agenda:registered", args=[other.pk]))
    assert refused.status_code == 403
    assert all(record.exc_info is None for record in caplog.records)
    event = occurrence.event
    wrong = client.get(f"/agenda/{event.pk}-x/")
    assert wrong.status_code == 301 and wrong["Location"] == event.get_absolute_url()
    assert client.get(event.get_absolute_url()).status_code == 200
