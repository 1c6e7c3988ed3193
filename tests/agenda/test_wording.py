"""French as the site writes it, everywhere in the agenda: hours « 14 h » in e-mails, one signature, “ ” inside
« », capitalised options, a weekday in lower case inside a sentence, an empty search that helps, the site's
buttons."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from agenda.domain import registrations, schedule
from agenda.forms import EventForm, FindForm
from agenda.models import Event
from core import worker
from tests.factories_agenda import EventFactory

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2027, 2, 1, 9, tzinfo=datetime.UTC)


@time_machine.travel(NOW, tick=False)
def test_mails_write_hours_and_sign_as_the_site_does():
    event = EventFactory(title="Atelier « Mon smartphone » – Palaiseau")
    occurrence = schedule.materialise(event).created[0]
    registrations.register(occurrence.pk, name="Lou", email="lou@exemple.fr")
    worker.run_pending()
    body = mail.outbox[0].body
    assert "de 14\u00a0h à 16\u00a0h" in body and "14:00" not in body
    assert "mardi 2 mars 2027" in body and "« Atelier “Mon smartphone” – Palaiseau »" in body
    assert "L’équipe d’Ancrage" in body and "/agenda/dates/" in body  # this date's .ics


def test_choice_labels_are_capitalised():
    labels = [label for choices in (Event.Kind, Event.Audience, Event.Mode, Event.Registration) for _, label in
              choices.choices]  # fmt: skip
    labels += [label for _, label in Event.Repeat.choices] + [label for _, label in FindForm().fields["public"].choices]
    assert all(label[0].isupper() for label in labels), labels
    assert dict(EventForm.base_fields["weekdays"].choices)[0] == "Lundi"


@time_machine.travel(NOW, tick=False)
def test_hidden_link_text_keeps_the_weekday_in_lower_case(client):
    event = EventFactory()
    schedule.materialise(event)
    page = client.get(event.get_absolute_url()).content.decode()
    assert '<span class="visually-hidden"> le mardi 2 mars 2027</span>' in page


@time_machine.travel(NOW, tick=False)
def test_an_empty_search_says_what_was_searched_and_offers_a_counted_wider_search(client, settings):
    settings.ANCRAGE_HELP_LINE_NAME, settings.ANCRAGE_HELP_LINE_PHONE = "Solidarité numérique", "01 70 772 372"
    event = EventFactory(start_date=datetime.date(2027, 5, 4))  # Palaiseau, in three months
    schedule.materialise(event)
    page = client.get("/agenda/", {"ou": "Palaiseau", "rayon": 5, "du": "2027-02-01", "au": "2027-02-28"})
    text = page.content.decode()
    assert "Aucun événement ne correspond à votre recherche" in text and "à 5&nbsp;km de Palaiseau" in text
    assert "1 date à 50&nbsp;km, dans les 180 prochains jours" in text and "rayon=50" in text
    assert "01 70 772 372" in text and reverse("directory:results") + "?ou=Palaiseau" in text
    past = client.get("/agenda/", {"ou": "Brest", "du": "2026-01-01", "au": "2026-01-31"}).content.decode()
    assert "Les dates passées ne sont jamais listées" in past and "rayon=50" not in past  # nothing found: no offer


def test_filter_buttons_use_the_site_style():
    from pathlib import Path

    for template in (
        "participation/templates/participation/index.html",
        "observatory/templates/observatory/report.html",
    ):
        assert '<button type="submit">' not in Path(template).read_text()
