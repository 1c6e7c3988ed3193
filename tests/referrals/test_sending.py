"""Sending: consent and a contact required, the details copied at sending, the structure's e-mail (its link, the
first-time paragraph), and nothing of the person in the e-mail, the audit or the logs."""

import logging

import pytest
from django.core import mail as django_mail

from accounts.models import Structure
from core.models import AuditEntry
from referrals.domain import sending
from referrals.models import Referral, ReferralEvent, Status
from tests.factories import PlaceFactory
from tests.factories_referrals import PERSON, referable_service
from tests.referrals.conftest import deliver, link_path


def test_without_the_persons_consent_nothing_is_sent(pro, service):
    with pytest.raises(sending.ReferralError, match="consentement"):
        sending.send(pro, service, PERSON, consent=False)
    assert not Referral.objects.exists() and deliver() == []


def test_at_least_one_way_to_reach_the_person(pro, service):
    with pytest.raises(sending.ReferralError, match="au moins un moyen"):
        sending.send(pro, service, sending.Person("Josiane", "Martin"), consent=True)


def test_an_ineligible_service_is_refused(pro):
    with pytest.raises(sending.ReferralError, match="professionnels"):
        sending.send(pro, referable_service(mobilisable_par=["usagers"]), PERSON, consent=True)


def test_the_consent_is_recorded_as_worded_and_the_details_are_copied(pro, service):
    referral = sending.send(pro, service, PERSON, consent=True)
    assert referral.status == Status.SENT and referral.sender == pro
    assert referral.consent_text == sending.CONSENT_TEXT and referral.consent_version == sending.CONSENT_VERSION
    assert referral.consent_at == referral.sent_at
    assert referral.person_phone == "+33612345678"  # normalised, so the right of access finds it
    service.nom, service.courriel = "Nouveau nom", "autre@exemple.fr"
    service.save()
    service.place.nom = "Lieu renommé"
    service.place.save()
    referral.refresh_from_db()
    assert referral.service_name == "Accompagnement aux démarches CAF"
    assert referral.place_name == "France Services des Ulis"
    assert referral.place_address == "1 avenue du Général de Gaulle, 91940 Les Ulis"
    assert referral.phone == "+33169000000" and referral.destination == "accueil@fs-ulis.example"
    assert list(referral.events.values_list("kind", flat=True)) == [ReferralEvent.Kind.SENT]


def test_the_structure_gets_its_link_and_nothing_of_the_person(pro, service, caplog):
    with caplog.at_level(logging.DEBUG):
        referral = sending.send(pro, service, PERSON, consent=True)
        [message] = deliver()
    assert message.to == ["accueil@fs-ulis.example"] and message.reply_to == [pro.email]
    assert message.subject == "une personne vous est adressée pour « Accompagnement aux démarches CAF »"
    assert link_path(message).startswith(f"/orienter/reponse/{referral.pk}/")
    assert "Camille Dupont" in message.body
    entries = list(AuditEntry.objects.values_list("object_repr", "changes", "note"))
    for text in (message.body, message.alternatives[0][0], str(entries), caplog.text):
        for personal in ("Josiane", "Martin", "12 34", "12345678", "josiane.martin", "CAF à finir"):
            assert personal not in text


def test_a_structure_is_told_what_ancrage_is_the_first_time_only(pro):
    structure = Structure.objects.create(name="CCAS des Ulis", kind=Structure.Kind.CCAS)
    place = PlaceFactory(structure=structure)
    sending.send(pro, referable_service(place=place, nom="Premier"), PERSON, consent=True)
    sending.send(pro, referable_service(place=place, nom="Second"), PERSON, consent=True)
    first, second = deliver()
    assert "Qu’est-ce qu’Ancrage ?" in first.body and "Qu’est-ce qu’Ancrage" in first.alternatives[0][0]
    assert "Qu’est-ce qu’Ancrage" not in second.body


def test_without_a_structure_the_destination_address_counts(pro):
    sending.send(pro, referable_service(courriel="a@lieu.example"), PERSON, consent=True)
    sending.send(pro, referable_service(courriel="a@lieu.example"), PERSON, consent=True)
    sending.send(pro, referable_service(courriel="b@lieu.example"), PERSON, consent=True)
    assert ["Qu’est-ce qu’Ancrage ?" in m.body for m in deliver()] == [True, False, True]


def test_nobody_but_a_professional_may_send(service, django_user_model):
    member = django_user_model.objects.create_user("membre@exemple.fr", "x")
    with pytest.raises(sending.ReferralError, match="professionnels"):
        sending.send(member, service, PERSON, consent=True)
    assert not django_mail.outbox
