"""Each action a person completes is confirmed by a message in plain French on the page that follows."""

import datetime

import pytest

from accounts.models import User
from participation.domain import workflow
from participation.models import Request
from tests.factories_participation import CategoryFactory, RequestFactory
from tests.participation.conftest import FORM, link

pytestmark = pytest.mark.django_db


def said(response) -> str:
    assert response.status_code == 200
    return response.content.decode().split('<div class="messages" role="status">')[1].split("</div>")[0]


def test_confirming_a_request_says_it_is_published(client):
    client.post("/demandes/nouvelle/", {**FORM, "category": CategoryFactory().pk})
    assert "Votre demande est publiée" in said(client.post(link("confirmer"), follow=True))


def test_confirming_a_moi_aussi_says_it_counts(client):
    row = RequestFactory()
    client.post(f"/demandes/{row.pk}/moi-aussi/", {"email": "voisin@exemple.fr", "site_web_2": ""})
    assert "Votre « Moi aussi » est confirmé" in said(client.post(link("soutien", "voisin@exemple.fr"), follow=True))


def test_reopening_says_the_request_is_open_again(client):
    row = RequestFactory(email="auteur@exemple.fr")
    workflow.change_status(row, Request.Status.DONE, "Réparé.")
    response = client.post(link("contester", "auteur@exemple.fr"), {"reason": "Rien n’a changé."}, follow=True)
    assert "La demande est rouverte" in said(response)


def test_each_change_in_the_queue_is_confirmed(client):
    row = RequestFactory()
    agent = User.objects.create_user("agent@ville.fr", "mot-de-passe-2026")
    row.category.service.members.add(agent)
    client.force_login(agent)
    url = f"/demandes/traitement/{row.pk}/"
    day = (datetime.date.today() + datetime.timedelta(days=3)).isoformat()
    response = client.post(
        url, {"action": "etat", "status": "planifiee", "note": "Passage prévu.", "planned_for": day}, follow=True
    )
    assert "État enregistré : Planifiée. Les personnes qui suivent la demande sont prévenues" in said(response)
    assert "Priorité enregistrée : Haute" in said(client.post(url, {"action": "priorite", "priority": 2}, follow=True))
    assert "Note interne ajoutée" in said(client.post(url, {"action": "note", "text": "À voir."}, follow=True))
