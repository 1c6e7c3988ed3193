"""« Transmettre ce résultat à la personne qui m’accompagne »: only with the person's explicit consent; an e-mail
with a signed link that expires, or « Garder dans mon suivi » for a logged-in professional; deleted at expiry."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.test import override_settings

from core import retention, worker
from core.models import AuditEntry
from rights.models import Handover
from tests.factories_orientation import ProfessionalFactory
from tests.rights.test_views import ANSWERS

pytestmark = pytest.mark.django_db
NOW = "2026-12-15 10:00 +01:00"
SEND = {"transmettre-email": "cesf@ccas-massy.fr", "transmettre-consent": "on", "envoyer": ""}


def checked(client):
    with time_machine.travel(NOW, tick=False):
        client.post("/droits/", ANSWERS)


def _link_path(message) -> str:
    return re.search(r"https?://[^/]+(/droits/resultat-transmis/\S+/)", message.body).group(1)


def test_without_consent_nothing_is_stored_or_sent(client, rights_engine):
    checked(client)
    page = client.get("/droits/resultats/").content.decode()
    assert "Transmettre ce résultat à la personne qui m’accompagne" in page
    assert "Garder dans mon suivi" not in page  # not a logged-in professional
    refused = client.post("/droits/transmettre/", {**SEND, "transmettre-consent": ""})
    body = refused.content.decode()
    assert refused.status_code == 400 and "sans votre accord, rien n’est transmis" in body
    assert 'value="cesf@ccas-massy.fr"' in body  # what was typed is kept
    no_address = client.post("/droits/transmettre/", {"transmettre-consent": "on"})
    assert no_address.status_code == 400 and "Indiquez l’adresse e-mail" in no_address.content.decode()
    worker.run_pending()
    assert not Handover.objects.exists() and not mail.outbox


def test_a_robot_filling_the_honeypot_sends_nothing(client, rights_engine):
    checked(client)
    response = client.post("/droits/transmettre/", {**SEND, "transmettre-site_web_2": "http://spam"})
    assert response.status_code == 400 and not Handover.objects.exists()


def test_with_consent_the_professional_gets_a_signed_link_to_the_summary_until_it_expires(client, rights_engine):
    checked(client)
    with time_machine.travel(NOW, tick=False):
        response = client.post("/droits/transmettre/", SEND)
    assert response["Location"] == "/droits/resultats/#transmettre"
    assert "C’est envoyé" in client.get("/droits/resultats/").content.decode()
    item = Handover.objects.get()
    assert item.recipient_email == "cesf@ccas-massy.fr" and item.recipient_user is None
    assert item.consent_version and "J’accepte que ce résultat" in item.consent_text
    assert item.expires_at - item.consented_at == timedelta(days=30)
    kept = str(item.summary)
    assert "ppa" in kept and "9000" not in kept and "700" not in kept  # the result, not the answers (RFR, rent)
    entry = AuditEntry.objects.get(object_id=str(item.pk), verb__contains="transmis")
    assert "cesf" not in f"{entry.actor} {entry.changes} {entry.note} {entry.object_repr}"
    worker.run_pending()
    [message] = mail.outbox
    assert message.to == ["cesf@ccas-massy.fr"] and "transmis" in message.subject
    path = _link_path(message)
    other = client.__class__().get(path)  # the professional, in another browser
    page = other.content.decode()
    assert other.status_code == 200 and "Prime d’activité" in page and "Droits probables, non demandés" in page
    assert "Comment demander" in page and "Conditions à vérifier" in page and "OpenFisca-France 176.1.8" in page
    assert "Massy" in page and "Revenu fiscal" not in page and "loyer 700" not in page.lower()
    with time_machine.travel(item.expires_at + timedelta(minutes=1), tick=False):
        expired = client.__class__().get(path)
        assert expired.status_code == 400 and "expiré" in expired.content.decode()
        retention.apply()
    assert not Handover.objects.exists()
    assert client.get(path[:-5] + "xxxx/").status_code == 400  # a forged link


def test_a_logged_in_professional_keeps_it_in_their_own_follow_up(client, rights_engine):
    pro = ProfessionalFactory()
    client.force_login(pro)
    checked(client)
    page = client.get("/droits/resultats/").content.decode()
    assert "Garder dans mon suivi" in page
    response = client.post("/droits/transmettre/", {"transmettre-consent": "on", "garder": ""})
    assert response["Location"] == "/droits/resultats/#transmettre"
    item = Handover.objects.get()
    assert item.recipient_user == pro and item.recipient_email == ""
    worker.run_pending()
    assert not mail.outbox
    assert f'href="/droits/transmis/{item.pk}/"' in client.get("/droits/transmis/").content.decode()
    assert "Prime d’activité" in client.get(f"/droits/transmis/{item.pk}/").content.decode()
    client.force_login(ProfessionalFactory())  # another professional
    assert client.get(f"/droits/transmis/{item.pk}/").status_code == 403
    assert client.post(f"/droits/transmis/{item.pk}/effacer/").status_code == 403
    assert f"/droits/transmis/{item.pk}/" not in client.get("/droits/transmis/").content.decode()
    client.force_login(pro)
    assert client.post(f"/droits/transmis/{item.pk}/effacer/")["Location"] == "/droits/transmis/"
    assert not Handover.objects.exists()


def test_garder_needs_a_professional_account(client, rights_engine):
    checked(client)
    response = client.post("/droits/transmettre/", {"transmettre-consent": "on", "garder": ""})
    assert response.status_code == 400 and not Handover.objects.exists()  # an address is still required


@override_settings(ANCRAGE_FORM_RATE_LIMIT=1)
def test_the_post_is_throttled(client, rights_engine):
    checked(client)
    client.post("/droits/transmettre/", {**SEND, "transmettre-consent": ""})
    assert client.post("/droits/transmettre/", SEND).status_code == 429
    assert not Handover.objects.exists()


def test_without_a_result_the_post_goes_back_to_the_questionnaire(client):
    response = client.post("/droits/transmettre/", SEND)
    assert response["Location"] == "/droits/" and not Handover.objects.exists()
