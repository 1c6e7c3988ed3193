"""Personal data of proposals: abandoned drafts deleted, the proposer's e-mail erased after the decision."""

from datetime import timedelta

import pytest
from django.utils import timezone

from core import retention
from proposals.models import Proposal

pytestmark = pytest.mark.django_db
S = Proposal.Status


def _aged(status, days, **extra):
    proposal = Proposal.objects.create(status=status, email="benevole@exemple.fr", **extra)
    Proposal.objects.filter(pk=proposal.pk).update(updated=timezone.now() - timedelta(days=days))
    return proposal


def test_abandoned_drafts_and_unconfirmed_proposals_are_deleted_after_the_set_time(settings):
    days = settings.ANCRAGE_PROPOSAL_DRAFT_DAYS
    old_draft, fresh_draft = _aged(S.DRAFT, days + 1), _aged(S.DRAFT, days - 1)
    unconfirmed, pending = _aged(S.UNCONFIRMED, days + 1), _aged(S.PENDING, days + 30)
    retention.apply()
    left = set(Proposal.objects.values_list("pk", flat=True))
    assert left == {fresh_draft.pk, pending.pk}
    assert old_draft.pk not in left and unconfirmed.pk not in left


def test_the_email_is_erased_n_days_after_the_decision(settings):
    days = settings.ANCRAGE_PROPOSAL_EMAIL_DAYS
    now = timezone.now()
    old = _aged(S.REFUSED, 0, decided_at=now - timedelta(days=days + 1), reason="Déjà sur la carte.")
    recent = _aged(S.ACCEPTED, 0, decided_at=now - timedelta(days=days - 1))
    waiting = _aged(S.PENDING, days + 1)
    retention.apply()
    emails = dict(Proposal.objects.values_list("pk", "email"))
    assert emails == {old.pk: "", recent.pk: "benevole@exemple.fr", waiting.pk: "benevole@exemple.fr"}
    assert Proposal.objects.get(pk=old.pk).reason == "Déjà sur la carte."  # the decision stays, not the person


def test_the_email_is_kept_in_its_own_column_only(client):
    from tests.proposals.conftest import WHO, go

    go(client, "qui", WHO)
    proposal = Proposal.objects.get()
    assert "email" not in proposal.steps["qui"] and proposal.email == "Benevole@Exemple.fr"
