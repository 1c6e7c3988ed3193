"""The services' side: each service sees its queue, handles its requests; internal notes never leave it."""

import datetime

import pytest

from accounts.models import User
from participation.models import Request, ResponseTemplate
from tests.factories_participation import CategoryFactory, RequestFactory, ServiceFactory
from web.french import day as day_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(db):
    agent = User.objects.create_user("agent@ville.fr", "mot-de-passe-2026")
    other = User.objects.create_user("voirie@ville.fr", "mot-de-passe-2026")
    coordinator = User.objects.create_user("coord@ville.fr", "mot-de-passe-2026", role=User.Role.COORDINATOR)
    category = CategoryFactory()
    category.service.members.add(agent)
    street = CategoryFactory(code="voirie", name="Rue", service=ServiceFactory(name="Voirie"))
    street.service.members.add(other)
    return {"agent": agent, "other": other, "coordinator": coordinator, "category": category, "street": street}


def test_a_service_sees_its_own_queue_and_a_coordinator_every_request(client, people):
    mine, theirs = RequestFactory(category=people["category"]), RequestFactory(category=people["street"])
    client.force_login(people["agent"])
    page = client.get("/demandes/traitement/").content.decode()
    assert f"N° {mine.pk}<" in page and f"N° {theirs.pk}<" not in page
    assert client.get(f"/demandes/traitement/{theirs.pk}/").status_code == 403
    client.force_login(people["coordinator"])
    page = client.get("/demandes/traitement/").content.decode()
    assert f"N° {mine.pk}<" in page and f"N° {theirs.pk}<" in page


def test_someone_outside_every_service_is_refused(client, people):
    client.force_login(User.objects.create_user("x@exemple.fr", "mot-de-passe-2026"))
    assert client.get("/demandes/traitement/").status_code == 403
    client.logout()
    assert client.get("/demandes/traitement/").status_code == 302  # to the login page


def test_filters_of_the_queue(client, people):
    urgent = RequestFactory(category=people["category"], priority=Request.Priority.URGENT)
    normal = RequestFactory(category=people["category"])
    client.force_login(people["agent"])
    page = client.get("/demandes/traitement/", {"priority": 3}).content.decode()
    assert f"N° {urgent.pk}<" in page and f"N° {normal.pk}<" not in page
    page = client.get("/demandes/traitement/", {"status": "faite"}).content.decode()
    assert "Aucune demande." in page


def test_planning_with_a_template_and_the_public_date(client, people):
    row = RequestFactory(category=people["category"])
    template = ResponseTemplate.objects.create(title="Planifiée", text="Un technicien passera.")
    client.force_login(people["agent"])
    day = datetime.date.today() + datetime.timedelta(days=5)
    response = client.post(
        f"/demandes/traitement/{row.pk}/",
        {
            "action": "etat",
            "status": "planifiee",
            "template": template.pk,
            "note": "",
            "planned_for": day.isoformat(),
        },
    )
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.status == "planifiee" and row.planned_for == day
    assert "Un technicien passera." in client.get(f"/demandes/{row.pk}/").content.decode()


def test_an_invalid_change_says_why_in_french(client, people):
    row = RequestFactory(category=people["category"])
    client.force_login(people["agent"])
    response = client.post(f"/demandes/traitement/{row.pk}/", {"action": "etat", "status": "planifiee", "note": "x"})
    assert response.status_code == 400 and "Indiquez la date d’intervention prévue" in response.content.decode()


def test_internal_notes_stay_internal(client, people):
    row = RequestFactory(category=people["category"])
    client.force_login(people["agent"])
    client.post(f"/demandes/traitement/{row.pk}/", {"action": "note", "text": "Voir avec le prestataire XZ"})
    assert "Voir avec le prestataire XZ" in client.get(f"/demandes/traitement/{row.pk}/").content.decode()
    client.logout()
    assert "prestataire XZ" not in client.get(f"/demandes/{row.pk}/").content.decode()
    assert "prestataire XZ" not in client.get(f"/open311/v2/requests/{row.pk}.json").content.decode()


def test_priority_and_merge_from_the_page(client, people):
    row, survivor = RequestFactory(category=people["category"]), RequestFactory(category=people["category"])
    client.force_login(people["agent"])
    client.post(f"/demandes/traitement/{row.pk}/", {"action": "priorite", "priority": 2})
    row.refresh_from_db()
    assert row.priority == 2
    theirs = RequestFactory(category=people["street"])
    response = client.post(f"/demandes/traitement/{row.pk}/", {"action": "fusion", "survivor": theirs.pk})
    assert response.status_code == 400  # not one of theirs
    client.post(f"/demandes/traitement/{row.pk}/", {"action": "fusion", "survivor": survivor.pk})
    row.refresh_from_db()
    assert row.merged_into == survivor
    assert f"la demande n° {survivor.pk}" in client.get(f"/demandes/{row.pk}/").content.decode()


def test_the_journal_says_when_and_what_changed_in_words(client, people):
    row = RequestFactory(category=people["category"])
    client.force_login(people["agent"])
    day = datetime.date.today() + datetime.timedelta(days=5)
    client.post(
        f"/demandes/traitement/{row.pk}/",
        {"action": "etat", "status": "planifiee", "note": "Passage prévu.", "planned_for": day.isoformat()},
    )
    client.post(f"/demandes/traitement/{row.pk}/", {"action": "priorite", "priority": 3})
    journal = client.get(f"/demandes/traitement/{row.pk}/").content.decode().replace("\xa0", " ")
    journal = journal.split("<h2>Journal</h2>")[1]
    assert f"Reçue → Planifiée ({day_text(day)})" in journal
    assert "Normale → Urgente" in journal
    assert day_text(datetime.date.today()) + " à " in journal  # the date and time of each entry
    assert "agent@ville.fr" in journal
