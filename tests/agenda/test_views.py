"""The agenda's pages through the test client: finding near a commune, registering, the signed cancellation link,
the organiser's space, the place page's section, the moderation review."""

import datetime
import re

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from accounts.models import Membership, User
from agenda.domain import schedule
from agenda.models import Event, Registration
from core import worker
from tests.factories_agenda import EventFactory, ProgrammeFactory, StructureFactory

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2027, 2, 1, 9, tzinfo=datetime.UTC)


@pytest.fixture
def workshop():
    with time_machine.travel(NOW):
        event = EventFactory(title="Atelier smartphone", capacity=1, repeat="hebdo", weekdays=[1], count=2)
        schedule.materialise(event)
    return event


@time_machine.travel(NOW, tick=False)
def test_near_palaiseau_finds_the_workshop_not_far_away_and_not_trainings(client, workshop):
    EventFactory(title="Formation aidants", kind=Event.Kind.TRAINING, place=workshop.place)
    schedule.materialise(Event.objects.get(title="Formation aidants"))
    page = client.get("/agenda/", {"ou": "Palaiseau", "rayon": 5, "du": "2027-03-01", "au": "2027-03-31"})
    text = page.content.decode()
    assert page.status_code == 200 and "Atelier smartphone" in text and "Formation aidants" not in text
    assert "Mardi 2 mars 2027" in text and "2 dates trouvées" in text
    assert client.get("/agenda/", {"ou": "Marseille"}).content.decode().count("Atelier smartphone") == 0
    wrong = client.get("/agenda/", {"ou": "Zzzzville"})
    assert wrong.status_code == 400 and "Nous ne trouvons pas" in wrong.content.decode()


@time_machine.travel(NOW, tick=False)
def test_register_wait_and_cancel_by_the_signed_link(client, workshop):
    occurrence = workshop.occurrences.first()
    url = reverse("agenda:register", args=[occurrence.pk])
    empty = client.post(url, {"name": "Lou", "seats": 1})
    assert empty.status_code == 400 and "adresse e-mail ou un numéro" in empty.content.decode()
    assert "Lou" in empty.content.decode()  # what was typed stays
    robot = client.post(url, {"name": "Bot", "email": "b@exemple.fr", "seats": 1, "site_web_2": "x"})
    assert robot.status_code == 400
    first = client.post(url, {"name": "Lou", "email": "lou@exemple.fr", "seats": 1}, follow=True)
    assert "Vous êtes inscrit(e)" in first.content.decode()
    second = client.post(url, {"name": "Max", "email": "max@exemple.fr", "seats": 1}, follow=True)
    assert "liste d’attente" in second.content.decode() and "position 1" in second.content.decode()
    worker.run_pending()
    link = re.search(r"http\S+/agenda/annuler/\S+/", mail.outbox[0].body)[0].split("8000", 1)[-1]
    shown = client.get(link)
    assert "Annuler mon inscription" in shown.content.decode()
    assert Registration.objects.get(email="lou@exemple.fr").status == "inscrit"  # a GET changes nothing
    client.post(link)
    assert Registration.objects.get(email="max@exemple.fr").status == "inscrit"
    again = client.post(link)
    assert again.status_code == 200 and "Cette inscription est déjà annulée" in again.content.decode()
    assert workshop.get_absolute_url() in again.content.decode()


@time_machine.travel(NOW, tick=False)
def test_event_programme_and_place_pages(client, workshop):
    programme = ProgrammeFactory()
    EventFactory(title="Fête du numérique", programme=programme, start_date=datetime.date(2027, 3, 3))
    schedule.materialise(Event.objects.get(title="Fête du numérique"))
    page = client.get(workshop.get_absolute_url()).content.decode()
    assert "Chaque semaine le mardi" in page and "1 place libre" in page and ".ics" in page
    listing = client.get(programme.get_absolute_url()).content.decode()
    assert "Fête du numérique" in listing and "Palaiseau" in listing
    place = client.get(workshop.place.get_absolute_url()).content.decode()
    assert "Prochains ateliers et événements" in place and "Atelier smartphone" in place


@time_machine.travel(NOW, tick=False)
def test_an_organiser_publishes_from_the_space_and_a_new_one_is_moderated(client):
    structure = StructureFactory(validated=False)
    member = User.objects.create_user("orga@exemple.fr", "x")
    Membership.objects.create(user=member, structure=structure)
    client.force_login(member)
    assert "Gérer mes événements" in client.get("/espace/").content.decode()
    form = {"structure": structure.pk, "kind": "atelier", "title": "Café numérique", "theme": "outils",
            "audience": "tous", "free": "on", "mode": "adresse", "address": "2 rue de Paris",
            "commune_text": "Palaiseau", "registration": "ancrage", "capacity": 8, "start_date": "2027-03-02",
            "start_time": "14:00", "end_time": "16:00", "repeat": "hebdo", "weekdays": ["1"], "interval": 1,
            "count": 4, "skip_holidays": "on"}  # fmt: skip
    missing = client.post("/espace/agenda/publier/", {**form, "count": ""})
    assert missing.status_code == 400 and "Une répétition doit finir" in missing.content.decode()
    client.post("/espace/agenda/publier/", form)
    event = Event.objects.get(title="Café numérique")
    assert event.status == Event.Status.PENDING and event.commune == "Palaiseau"
    moderator = User.objects.create_user("modo@exemple.fr", "x", role=User.Role.MODERATOR)
    client.force_login(moderator)
    assert "Café numérique" in client.get("/moderation/").content.decode()
    refused = client.post(reverse("agenda:review", args=[event.pk]), {"decision": "refuser"})
    assert refused.status_code == 400
    client.post(reverse("agenda:review", args=[event.pk]), {"decision": "publier"})
    event.refresh_from_db()
    assert event.status == Event.Status.PUBLISHED and event.occurrences.count() == 4
    client.force_login(member)
    occurrence = event.occurrences.first()
    Registration.objects.create(occurrence=occurrence, name="Lou", phone="0601020304", status="inscrit", seats=2)
    sheet = client.get(reverse("agenda:attendance", args=[occurrence.pk])).content.decode()
    assert "Lou" in sheet and "06" in sheet
    client.post(
        reverse("agenda:attendance", args=[occurrence.pk]), {f"presents-{occurrence.registrations.get().pk}": 1}
    )
    assert occurrence.registrations.get().attended == 1
    other = User.objects.create_user("autre@exemple.fr", "x")
    client.force_login(other)
    assert client.get(reverse("agenda:attendance", args=[occurrence.pk])).status_code == 403
