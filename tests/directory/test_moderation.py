"""A moderator decides on a visitor's error report from the queue, and the visitor is told."""

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import User
from core import worker
from core.models import AuditEntry
from directory.models import ErrorReport
from tests.factories import PlaceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def report():
    place = PlaceFactory(nom="Médiathèque de Massy")
    return ErrorReport.objects.create(place=place, kind="horaires", message="Fermé le lundi.", email="h@exemple.fr")


@pytest.fixture
def moderator(client):
    user = User.objects.create_user("mod@exemple.fr", role=User.Role.MODERATOR)
    client.force_login(user)
    return user


def test_a_handled_report_leaves_the_queue_and_the_visitor_is_told(client, report, moderator):
    url = reverse("directory:report-review", args=[report.pk])
    assert "Fermé le lundi." in client.get(url).content.decode()
    response = client.post(url, {"status": "traite", "reply": "Corrigé, merci !", "notes": "Vérifié par téléphone."})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == "traite" and report.traite_le and "Vérifié par téléphone." in report.notes
    entry = AuditEntry.objects.get(object_id=str(report.pk), verb="état changé")
    assert entry.user == moderator and entry.changes == {"status": ["nouveau", "traite"]}
    worker.run_pending()
    [message] = mail.outbox
    assert message.to == ["h@exemple.fr"] and "c’est accepté" in message.body and "Corrigé, merci !" in message.body
    assert "Médiathèque de Massy" in message.body and "Vérifié par téléphone" not in message.body  # notes stay inside
    assert "Fermé le lundi" not in client.get("/moderation/").content.decode()


def test_no_follow_up_must_say_why_when_the_visitor_waits_for_an_answer(client, report, moderator):
    url = reverse("directory:report-review", args=[report.pk])
    html = client.post(url, {"status": "rejete", "reply": ""}).content.decode()
    assert "Dites à la personne pourquoi" in html and 'role="alert"' in html
    report.refresh_from_db()
    assert report.status == "nouveau"
    html = client.post(url, {}).content.decode()
    assert "Choisissez une décision." in html and 'href="#id_status_0"' in html


def test_a_decided_report_shows_its_decision_and_cannot_be_decided_twice(client, report, moderator):
    url = reverse("directory:report-review", args=[report.pk])
    client.post(url, {"status": "traite", "reply": "Corrigé."})
    html = client.get(url).content.decode()
    assert "Ce signalement a déjà été traité" in html and "Enregistrer la décision" not in html
    html = client.post(url, {"status": "rejete", "reply": "Finalement non."}).content.decode()  # an old tab
    assert "déjà été traité" in html
    worker.run_pending()
    assert ErrorReport.objects.get().status == "traite" and len(mail.outbox) == 1  # the visitor is told once


def test_a_report_without_address_is_closed_without_mail(client, report, moderator):
    report.email = ""
    report.save()
    client.post(reverse("directory:report-review", args=[report.pk]), {"status": "rejete"})
    worker.run_pending()
    assert mail.outbox == [] and ErrorReport.objects.get().status == "rejete"


@pytest.mark.parametrize(("role", "status"), [(None, 302), ("", 403), ("moderation", 200), ("coordination", 200)])
def test_only_moderation_decides(client, report, role, status):
    if role is not None:
        client.force_login(User.objects.create_user("p@exemple.fr", role=role))
    url = reverse("directory:report-review", args=[report.pk])
    assert client.get(url).status_code == status
    client.post(url, {"status": "traite"})
    assert ErrorReport.objects.get().status == ("traite" if status == 200 else "nouveau")
