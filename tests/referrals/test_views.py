"""The pages: the professional's form, list and timeline, the place page's section, and the structure's link
(GET shows and logs the reading, POST acts; never on another referral, after expiry, or twice)."""

from datetime import timedelta

import time_machine
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from core.models import UsedToken
from referrals.domain import links, workflow
from referrals.models import Referral, ReferralReading, Status
from tests.factories import PlaceFactory
from tests.factories_referrals import PERSON, professional, referable_service, send
from tests.referrals.conftest import deliver, link_path

FORM = {"first_name": "Josiane", "last_name": "Martin", "phone": "06 12 34 56 78", "email": "",
        "message": "Dossier CAF", "consent": "on", "situation": "12"}  # fmt: skip


def test_the_url_name_the_orientation_links_to():
    assert reverse("referrals:new", args=[7]) == "/orienter/adresser/7/"


def test_the_form_asks_for_consent_in_french_and_keeps_what_was_typed(client, pro, service):
    client.force_login(pro)
    url = reverse("referrals:new", args=[service.pk]) + "?situation=12"
    page = client.get(url).content.decode()
    assert 'name="situation" value="12"' in page and "Adresser une personne" in page
    response = client.post(url, {**FORM, "consent": ""})
    page = response.content.decode()
    assert "sans l’accord de la personne, rien n’est transmis" in page and 'value="Josiane"' in page
    assert not Referral.objects.exists()
    response = client.post(url, {**FORM, "phone": ""})
    assert "au moins un moyen de joindre" in response.content.decode()


def test_sending_from_the_form_leads_to_the_timeline(client, pro, service):
    client.force_login(pro)
    response = client.post(reverse("referrals:new", args=[service.pk]), FORM, follow=True)
    referral = Referral.objects.get()
    assert response.redirect_chain[-1][0] == referral.get_absolute_url()
    page = response.content.decode()
    assert "Statut&nbsp;: envoyée" in page and "Josiane Martin" in page and "accueil@fs-ulis.example" in page
    mine = client.get(reverse("referrals:mine")).content.decode()
    assert "Josiane Martin" in mine and "envoyée" in mine


def test_a_referral_keeps_the_senders_own_situation_sheet_only(client, pro, service):
    from tests.factories_orientation import SituationFactory

    own, other = SituationFactory(author=pro), SituationFactory()
    client.force_login(pro)
    client.post(reverse("referrals:new", args=[service.pk]), {**FORM, "situation": str(own.pk)})
    client.post(reverse("referrals:new", args=[service.pk]), {**FORM, "situation": str(other.pk)})
    assert [r.situation_id for r in Referral.objects.order_by("pk")] == [own.pk, None]


def test_an_ineligible_service_shows_why_instead_of_the_form(client, pro):
    client.force_login(pro)
    service = referable_service(mobilisable_par=["usagers"])
    page = client.get(reverse("referrals:new", args=[service.pk])).content.decode()
    assert "ne peut pas recevoir d’adressage" in page and "<form" not in page.split("<main")[-1]


def test_only_professionals_may_open_the_form(client, service):
    assert client.get(reverse("referrals:new", args=[service.pk])).status_code == 302  # to the login page
    client.force_login(User.objects.create_user("membre@exemple.fr", "x"))
    assert client.get(reverse("referrals:new", args=[service.pk])).status_code == 403


def test_the_timeline_is_the_senders_only_and_logs_each_reading(client, db):
    referral = send()
    other = professional("autre.pro@exemple.fr")
    client.force_login(other)
    assert client.get(referral.get_absolute_url()).status_code == 404
    assert not ReferralReading.objects.exists()
    client.force_login(referral.sender)
    page = client.get(referral.get_absolute_url()).content.decode()
    assert "Qui a consulté cet adressage" in page and "Camille Dupont, le" in page
    assert ReferralReading.objects.get().user == referral.sender


def test_the_place_page_offers_the_referral_to_professionals_only(client, pro):
    place = PlaceFactory(courriels=["contact@lieu.example"])
    service = referable_service(place=place)
    url = reverse("referrals:new", args=[service.pk])
    assert url not in client.get(place.get_absolute_url()).content.decode()
    client.force_login(User.objects.create_user("membre@exemple.fr", "x"))
    assert url not in client.get(place.get_absolute_url()).content.decode()
    client.force_login(pro)
    page = client.get(place.get_absolute_url()).content.decode()
    assert "Adresser une personne" in page and url in page


def test_the_structures_link_shows_marks_seen_logs_and_accepts(client, db):
    referral = send()
    path = link_path(deliver()[0])
    page = client.get(path).content.decode()
    assert "Josiane Martin" in page and "Accepter" in page
    referral.refresh_from_db()
    assert referral.status == Status.SEEN
    assert ReferralReading.objects.get().reader == "lien de la structure"
    client.force_login(referral.sender)
    timeline = client.get(referral.get_absolute_url()).content.decode()
    assert "lien de la structure, le" in timeline and "Vu par la structure" in timeline
    client.logout()
    page = client.post(path, {"action": "accepter"}).content.decode()
    assert "Merci, votre réponse est enregistrée" in page and "acceptée" in page
    again = client.post(path, {"action": "accepter"})
    assert "déjà été accepté" in again.content.decode()
    page = client.get(path).content.decode()
    assert "La personne est venue" in page
    client.post(path, {"action": "venue"})
    assert Referral.objects.get().status == Status.ATTENDED
    page = client.get(path).content.decode()
    assert "Cet adressage est clos" in page and "Josiane" not in page  # closed: the person is no longer shown
    assert not UsedToken.objects.exists()


def test_a_refusal_needs_a_reason_from_the_list(client, db):
    referral = send()
    path = link_path(deliver()[0])
    response = client.post(path, {"action": "refuser"})
    assert response.status_code == 400 and "Choisissez le motif du refus" in response.content.decode()
    response = client.post(path, {"action": "refuser", "reason": "autre"})
    assert "Précisez la raison du refus" in response.content.decode()
    client.post(path, {"action": "refuser", "reason": "complet"})
    referral.refresh_from_db()
    assert referral.status == Status.REFUSED and referral.refusal_reason == "complet"


def test_asking_to_be_contacted(client, db):
    referral = send()
    path = link_path(deliver()[0])
    client.post(path, {"action": "contact"})
    assert referral.events.last().kind == "contact"
    assert "Vous avez demandé au professionnel de vous contacter" in client.get(path).content.decode()


def test_a_link_cannot_act_on_another_referral(client, db):
    first, second = send(), send()
    token = links.path(first).rstrip("/").split("/")[-1]
    path = reverse("referrals:answer", kwargs={"pk": second.pk, "token": token})
    assert client.get(path).status_code == 400
    response = client.post(path, {"action": "accepter"})
    assert response.status_code == 400 and "Ce lien ne peut pas servir" in response.content.decode()
    assert Referral.objects.get(pk=second.pk).status == Status.SENT
    assert client.post(path.replace(token, token[:-2] + "xx"), {"action": "accepter"}).status_code == 400


def test_a_link_cannot_act_after_expiry(client, db):
    referral = send()
    path = links.path(referral)
    with time_machine.travel(timezone.now() + timedelta(days=30, minutes=1)):
        response = client.post(path, {"action": "accepter"})
    assert response.status_code == 400 and "Ce lien a expiré" in response.content.decode()
    assert Referral.objects.get().status == Status.SENT


def test_an_expired_referral_cannot_be_accepted_through_its_link(client, db):
    referral = send()
    workflow.expire(referral)
    page = client.post(links.path(referral), {"action": "accepter"}).content.decode()
    assert "expiré sans réponse" in page
    assert Referral.objects.get().status == Status.EXPIRED


def test_the_professional_records_attendance_after_acceptance(client, db):
    referral = send()
    client.force_login(referral.sender)
    url = reverse("referrals:attendance", args=[referral.pk])
    client.post(url, {"attended": "non"})
    assert Referral.objects.get().status == Status.SENT  # not accepted yet: refused
    workflow.accept(referral)
    assert "La personne n’est pas venue" in client.get(referral.get_absolute_url()).content.decode()
    client.post(url, {"attended": "non"})
    assert Referral.objects.get().status == Status.NOT_ATTENDED
    other = professional("autre.pro@exemple.fr")
    client.force_login(other)
    assert client.post(url, {"attended": "oui"}).status_code == 404


def test_personal_data_do_not_reach_the_structure_page_once_anonymised(client, db):
    referral = send(person=PERSON)
    Referral.objects.filter(pk=referral.pk).update(person_first_name="", person_last_name="", person_phone="",
                                                   person_email="", message="")  # fmt: skip
    client.force_login(referral.sender)
    page = client.get(referral.get_absolute_url()).content.decode()
    assert "ont été effacées" in page and not ReferralReading.objects.exists()
