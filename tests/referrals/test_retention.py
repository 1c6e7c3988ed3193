"""Anonymisation after the retention delay (the platform's daily job) and the person's right of access and
erasure through the coordinator command: afterwards no text column of the referral holds the person's data."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import models

from core.models import AuditEntry
from core.tasks import apply_retention
from referrals.domain import workflow
from referrals.models import Referral, ReferralReading, Status
from tests.factories_referrals import send
from tests.referrals.conftest import deliver, frozen

PERSONAL = ("Josiane", "Martin", "12 34", "12345678", "josiane.martin", "CAF à finir", "travaux")


def personal_data_left(referral: Referral) -> list[str]:
    """Every text column of the referral's row that still holds something of the person."""
    row = Referral.objects.filter(pk=referral.pk).values().get()
    text = [f.attname for f in Referral._meta.concrete_fields if isinstance(f, (models.CharField, models.TextField))]
    return [name for name in text for bit in PERSONAL if bit in str(row[name])]


def test_the_job_blanks_the_person_two_years_after_the_last_event(db):
    with frozen(2026, 5, 4, 10, 0):
        referral = send()
    with frozen(2026, 5, 6, 10, 0):
        workflow.refuse(referral, "autre", "Pas pour Josiane Martin : travaux.")
    assert personal_data_left(referral)
    with frozen(2028, 5, 4, 10, 0):  # 729 days after the last event
        apply_retention.enqueue()
        deliver()
        assert personal_data_left(referral)
    with frozen(2028, 5, 7, 10, 0):
        apply_retention.enqueue()
        deliver()
    referral.refresh_from_db()
    assert personal_data_left(referral) == [] and referral.anonymised
    assert referral.status == Status.REFUSED and referral.refusal_reason == "autre"  # statistics stay
    assert [e.kind for e in referral.events.all()] == ["envoi", "refus"]
    assert not any(bit in str(AuditEntry.objects.values_list("changes", "object_repr")) for bit in PERSONAL)


@pytest.fixture
def two(db):
    first = send()
    other = send()
    Referral.objects.filter(pk=other.pk).update(person_email="autre@exemple.fr", person_phone="+33700000000")
    return first, other


def test_the_command_prints_what_is_held_and_logs_the_reading(two):
    first, other = two
    out = StringIO()
    call_command("referrals_person", email="JOSIANE.martin@exemple.fr", stdout=out)
    text = out.getvalue()
    assert f"Adressage n° {first.pk}" in text and "Josiane" in text and "Dossier CAF" in text
    assert f"Adressage n° {other.pk}" not in text
    assert ReferralReading.objects.get().via == "commande" and ReferralReading.objects.get().referral == first
    assert Referral.objects.get(pk=first.pk).person_first_name == "Josiane"  # reading erases nothing


def test_the_command_finds_a_phone_however_written_and_erases_on_request(two):
    first, other = two
    out = StringIO()
    call_command("referrals_person", phone="06.12.34.56.78", erase=True, stdout=out)
    assert "effacées de 1 adressage" in out.getvalue()
    first.refresh_from_db()
    assert personal_data_left(first) == [] and first.events.last().kind == "effacement"
    assert Referral.objects.get(pk=other.pk).person_first_name == "Josiane"
    verbs = set(AuditEntry.objects.filter(object_id=str(first.pk)).values_list("verb", flat=True))
    assert "adressage : données personnelles effacées (droit à l’effacement)" in verbs


def test_the_command_needs_a_criterion_and_says_when_nothing_is_held(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--email ou --phone"):
        call_command("referrals_person")
    out = StringIO()
    call_command("referrals_person", email="personne@exemple.fr", stdout=out)
    assert "Aucun adressage" in out.getvalue()
