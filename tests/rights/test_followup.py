"""The optional follow-up: explicit consent, one e-mail after a few days, an anonymous answer, the address gone."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from core import retention, worker
from rights.domain import followup
from rights.models import FollowUp, FollowUpCount
from tests.rights.test_views import ANSWERS

pytestmark = pytest.mark.django_db
NOW = "2026-12-15 10:00 +01:00"


def checked(client):
    with time_machine.travel(NOW, tick=False):
        client.post("/droits/", ANSWERS)


def test_consent_is_explicit_and_nothing_is_kept_without_it(client, rights_engine):
    checked(client)
    page = client.get("/droits/resultats/").content.decode()
    assert "Être recontacté" in page and "un seul message" in page
    refused = client.post("/droits/suivi/", {"email": "personne@exemple.fr"})
    assert refused.status_code == 400 and "Cochez la case" in refused.content.decode()
    assert 'value="personne@exemple.fr"' in refused.content.decode()
    assert not FollowUp.objects.exists()


def test_one_message_after_the_delay_then_the_answer_is_counted_and_the_address_deleted(client, rights_engine):
    checked(client)
    with time_machine.travel(NOW, tick=False):
        response = client.post("/droits/suivi/", {"email": "personne@exemple.fr", "consent": "on"})
    assert response["Location"] == "/droits/resultats/#suivi"
    assert "C’est noté" in client.get("/droits/resultats/").content.decode()
    item = FollowUp.objects.get()
    assert "ppa" in item.benefit_keys and "rsa" not in item.benefit_keys and item.code_insee == "91377"
    with time_machine.travel(timezone.now() + timedelta(days=9), tick=False):
        assert followup.send_due() == 0
    with time_machine.travel(item.send_after + timedelta(minutes=1), tick=False):
        assert followup.send_due() == 1 and followup.send_due() == 0  # never twice
        worker.run_pending()
        [message] = mail.outbox
        assert message.to == ["personne@exemple.fr"] and "Où en sont vos demandes" in message.subject
        path = re.search(r"https?://[^/]+(/droits/suivi/\S+/)", message.body).group(1)
        page = client.get(path)  # a mail scanner following the link consumes nothing
        assert page.status_code == 200 and "Prime d’activité" in page.content.decode()
        done = client.post(path, {"ppa": "demandee", "aide_logement": "percue", "rsa": "rien"})
        assert "Merci pour votre réponse" in done.content.decode()
        assert client.post(path, {"ppa": "rien"}).status_code == 400
    assert not FollowUp.objects.exists()  # the address is gone
    counted = {(c.benefit, c.outcome, c.count) for c in FollowUpCount.objects.all()}
    assert counted == {("ppa", "demandee", 1), ("aide_logement", "percue", 1)}  # « rsa » was not asked


def test_an_unanswered_address_is_deleted_after_its_retention():
    item = FollowUp.objects.create(
        email="x@exemple.fr", code_insee="91377", benefits="ppa", consented_at=timezone.now(), send_after=timezone.now()
    )
    FollowUp.objects.filter(pk=item.pk).update(sent_at=timezone.now() - timedelta(days=31))
    retention.apply()
    assert not FollowUp.objects.exists()
