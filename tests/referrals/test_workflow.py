"""Each status transition: allowed from where it may start, refused from anywhere else; each writes the
timeline, the audit (status codes only) and tells the professional."""

import pytest

from core.models import AuditEntry
from referrals.domain import workflow
from referrals.domain.workflow import TransitionRefused
from referrals.models import Referral, RefusalReason, Status
from tests.factories_referrals import send
from tests.referrals.conftest import deliver

S = Status


def at_status(status: str) -> Referral:
    referral = send()
    Referral.objects.filter(pk=referral.pk).update(status=status)
    referral.refresh_from_db()
    return referral


ACTIONS = {
    "seen": lambda r: workflow.mark_seen(r) or (_ for _ in ()).throw(TransitionRefused("")),
    "accept": workflow.accept,
    "refuse": lambda r: workflow.refuse(r, RefusalReason.FULL),
    "contact": workflow.request_contact,
    "attended": lambda r: workflow.record_attendance(r, True),
    "not_attended": lambda r: workflow.record_attendance(r, False),
    "expire": workflow.expire,
}
ALLOWED = {
    "seen": {S.SENT},
    "accept": {S.SENT, S.SEEN},
    "refuse": {S.SENT, S.SEEN},
    "contact": {S.SENT, S.SEEN},
    "attended": {S.ACCEPTED},
    "not_attended": {S.ACCEPTED},
    "expire": {S.SENT, S.SEEN},
}


@pytest.mark.parametrize("action", list(ACTIONS))
def test_each_transition_only_from_its_states(db, action):
    wrong = []
    for status in S.values:
        referral = at_status(status)
        try:
            ACTIONS[action](referral)
            done = True
        except TransitionRefused:
            done = False
        if done != (status in ALLOWED[action]):
            wrong.append(f"{action} from {status}: {'done' if done else 'refused'}")
    assert wrong == []


def test_acceptance_is_one_event_one_audit_entry_and_one_email_to_the_professional(db):
    referral = send()
    deliver()
    workflow.accept(referral)
    assert referral.status == S.ACCEPTED and referral.decided_at is not None
    assert [e.kind for e in referral.events.all()] == ["envoi", "acceptation"]
    entry = AuditEntry.objects.filter(verb="adressage : accepté par la structure").get()
    assert entry.changes == {"statut": [S.SENT, S.ACCEPTED]} and entry.actor == "lien de la structure"
    message = deliver()[-1]
    assert message.to == ["camille.pro@exemple.fr"]
    assert message.subject == f"Adressage n° {referral.pk} : accepté par la structure"
    assert "Josiane" not in message.body


def test_a_refusal_keeps_its_reason_and_requires_a_note_for_other(db):
    referral = send()
    with pytest.raises(TransitionRefused, match="Précisez"):
        workflow.refuse(referral, RefusalReason.OTHER, " ")
    with pytest.raises(TransitionRefused, match="motif"):
        workflow.refuse(referral, "parce-que")
    workflow.refuse(referral, RefusalReason.OTHER, "Fermé pour travaux jusqu’en mars.")
    assert referral.refusal_reason == "autre" and referral.refusal_note == "Fermé pour travaux jusqu’en mars."
    assert referral.events.last().detail == "Autre raison (précisez)"
    entry = AuditEntry.objects.get(verb="adressage : refusé par la structure")
    assert entry.changes == {"statut": [S.SENT, S.REFUSED], "motif": [None, "autre"]}  # not the note
    assert "Motif : Autre raison" in deliver()[-1].body


def test_seen_once_only(db):
    referral = send()
    assert workflow.mark_seen(referral) and referral.status == S.SEEN
    assert not workflow.mark_seen(referral)
    assert referral.events.filter(kind="vue").count() == 1


def test_contact_requested_is_an_event_told_to_the_professional_once(db):
    referral = send()
    workflow.request_contact(referral)
    with pytest.raises(TransitionRefused, match="déjà"):
        workflow.request_contact(referral)
    assert referral.status == S.SENT
    message = deliver()[-1]
    assert "demande à être contactée" in message.subject and "+33169000000" in message.body


def test_the_professional_is_not_emailed_about_their_own_attendance_record(db):
    referral = send()
    workflow.accept(referral)
    deliver()
    before = len(deliver())
    workflow.record_attendance(referral, True, user=referral.sender)
    assert len(deliver()) == before and referral.status == S.ATTENDED
    assert referral.events.last().by == "professionnel(le)"
    assert AuditEntry.objects.filter(verb="adressage : la personne est venue", user=referral.sender).exists()
