"""The organiser's side: impossible events refused in French, the place picker (own places first, a search
without JavaScript), the confirmation before cancelling a date, the attendance sheet's signature column."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.models import Membership, User
from agenda.domain import events, schedule
from agenda.models import Event, Registration
from tests.factories import PlaceFactory
from tests.factories_agenda import EventFactory, StructureFactory

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2027, 2, 1, 9, tzinfo=datetime.UTC)


@pytest.fixture
def organiser(client):
    structure = StructureFactory(validated=True)
    member = User.objects.create_user("orga@exemple.fr", "x")
    Membership.objects.create(user=member, structure=structure)
    with time_machine.travel(NOW, tick=False):
        client.force_login(member)
    return structure


def _form(structure, where, **changes):
    form = {"structure": structure.pk, "kind": "atelier", "title": "Café numérique", "theme": "outils",
            "audience": "tous", "free": "on", "mode": "lieu", "place": where.pk if where else "",
            "registration": "ancrage", "capacity": 8, "start_date": "2027-03-02", "start_time": "14:00",
            "end_time": "16:00", "repeat": "", "interval": 1, "skip_holidays": "on"}  # fmt: skip
    return {**form, **changes}


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize(
    ("changes", "field_error"),
    [
        ({"start_date": "2020-01-01"}, "Cette date est passée"),
        ({"start_time": "16:00", "end_time": "14:00"}, "L’heure de fin doit venir après"),
        ({"title": "x" * 400}, "150"),
        ({"capacity": -5}, "supérieure ou égale à 0"),
        ({"capacity": 0}, "au moins 1 place"),
        (
            {"repeat": "hebdo", "weekdays": ["1"], "until": "2027-03-01", "start_date": "2027-03-02"},
            "après la première",
        ),
        ({"place": ""}, "Choisissez le lieu de l’annuaire"),
    ],
)
def test_impossible_events_are_refused_in_french(client, organiser, changes, field_error):
    place = PlaceFactory(structure=organiser)
    answer = client.post("/espace/agenda/publier/", _form(organiser, place, **changes))
    assert answer.status_code == 400 and field_error in answer.content.decode()
    assert not Event.objects.exists()


@time_machine.travel(NOW, tick=False)
def test_the_domain_refuses_an_event_with_no_date_to_come(organiser):
    place = PlaceFactory(structure=organiser)
    values = {"structure": organiser, "kind": "atelier", "title": "Sans date", "theme": "outils", "mode": "lieu",
              "place": place, "start_date": datetime.date(2027, 3, 1), "start_time": datetime.time(14),
              "end_time": datetime.time(16), "skipped_dates": ["2027-03-01"]}  # fmt: skip
    with pytest.raises(ValidationError) as refused:
        events.create(None, values)
    assert "aucune date à venir" in str(refused.value.message_dict["start_date"])


@time_machine.travel(NOW, tick=False)
def test_the_place_picker_shows_own_places_first_and_finds_others_without_javascript(client, organiser):
    mine = PlaceFactory(nom="Espace numérique du club", commune="Orsay", structure=organiser)
    other = PlaceFactory(nom="Médiathèque Aragon", commune="Massy")
    page = client.get("/espace/agenda/publier/").content.decode()
    assert "Choisissez un lieu" in page and "Espace numérique du club" in page and "Aragon" not in page
    assert "---------" not in page and "Lieu de l’annuaire (facultatif)" not in page
    searched = client.post("/espace/agenda/publier/", {**_form(organiser, None), "place_search": "massy",
                                                         "chercher_lieu": "1"})  # fmt: skip
    text = searched.content.decode()
    assert searched.status_code == 200 and "Médiathèque Aragon – Massy" in text and "Café numérique" in text
    assert "Choisissez le lieu" not in text  # no error while searching
    saved = client.post("/espace/agenda/publier/", {**_form(organiser, other), "place_search": "massy"})
    assert saved.status_code == 302 and Event.objects.get().place == other
    assert mine.pk  # own place stays offered on edit too


@time_machine.travel(NOW, tick=False)
def test_cancelling_a_date_asks_first_and_says_who_is_told(client, organiser):
    event = EventFactory(structure=organiser, repeat="hebdo", weekdays=[1], count=3)
    occurrence = schedule.materialise(event).created[0]
    Registration.objects.create(occurrence=occurrence, name="Lou", email="lou@exemple.fr", status="inscrit")
    Registration.objects.create(occurrence=occurrence, name="Max", phone="0600000000", status="inscrit")
    url = reverse("agenda:cancel-occurrence", args=[occurrence.pk])
    asked = client.get(url)
    text = asked.content.decode()
    assert asked.status_code == 200 and "2 inscriptions" in text and "1 personne est prévenue" in text
    occurrence.refresh_from_db()
    assert not occurrence.cancelled
    assert url in client.get(reverse("agenda:space-event", args=[event.pk])).content.decode()
    client.post(url)
    occurrence.refresh_from_db()
    assert occurrence.cancelled


@time_machine.travel(NOW, tick=False)
def test_the_attendance_sheet_has_a_signature_column_and_a_labelled_stack(client, organiser):
    event = EventFactory(structure=organiser)
    occurrence = schedule.materialise(event).created[0]
    Registration.objects.create(occurrence=occurrence, name="Lou", email="lou@exemple.fr", status="inscrit")
    sheet = client.get(reverse("agenda:attendance", args=[occurrence.pk])).content.decode()
    assert ">Signature</th>" in sheet and 'data-label="Contact"' in sheet
