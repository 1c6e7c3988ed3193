"""Every change of a referral's status: one function each. Each validates the transition by a conditional UPDATE
(the status it leaves is in the WHERE clause, so two clicks or two workers never both act), writes the timeline
event, the audit entry (status and reason codes only: never the person's data) and tells the professional.

sent → seen → accepted / refused / expired; accepted → attended / not attended. « Contact requested » is an event
that does not change the status.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from core import audit, mail
from referrals.models import Referral, ReferralEvent, RefusalReason, Status

logger = logging.getLogger(__name__)

Kind = ReferralEvent.Kind
OPEN = (Status.SENT, Status.SEEN)  # waiting for the structure's answer
# Who acted (`ReferralEvent.by`, stored in French; marked for makemessages: the timeline shows them translated).
PROFESSIONAL, STRUCTURE, SYSTEM = gettext_noop("professionnel(le)"), gettext_noop("structure"), gettext_noop("Ancrage")
COORDINATION = gettext_noop("coordination")
NOTIFIED = {Kind.ACCEPTED, Kind.REFUSED, Kind.CONTACT, Kind.EXPIRED, Kind.ATTENDED, Kind.NOT_ATTENDED}


class TransitionRefused(Exception):
    """The referral is no longer in a state that allows this action (message in the active language)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


ALREADY = {
    Status.ACCEPTED: gettext_lazy("Cet adressage a déjà été accepté."),
    Status.REFUSED: gettext_lazy("Cet adressage a déjà été refusé."),
    Status.EXPIRED: gettext_lazy("Cet adressage a expiré sans réponse : il ne peut plus être accepté ni refusé."),
    Status.ATTENDED: gettext_lazy("La venue de la personne a déjà été indiquée."),
    Status.NOT_ATTENDED: gettext_lazy("L’absence de la personne a déjà été indiquée."),
}


def _stored(label) -> str:
    """A choice's label as the database keeps it (audit verbs, event details): French, whatever the page's language."""
    with translation.override(settings.LANGUAGE_CODE):
        return str(label)


def refusal_message(referral: Referral) -> str:
    referral.refresh_from_db(fields=["status"])
    return str(ALREADY.get(referral.status, _("Cette action n’est pas possible pour cet adressage maintenant.")))


def event(referral: Referral, kind: str, by: str, *, at=None, detail: str = "") -> ReferralEvent:
    at = at or timezone.now()
    Referral.objects.filter(pk=referral.pk).update(last_event_at=at)
    referral.last_event_at = at
    return ReferralEvent.objects.create(referral=referral, kind=kind, at=at, by=by, detail=detail[:200])


def _move(referral: Referral, kind, to: str, sources, by: str, *, user=None, detail="", changes=None, **fields):
    now = timezone.now()
    before = referral.status
    claimed = Referral.objects.filter(pk=referral.pk, status__in=list(sources)).update(
        status=to, last_event_at=now, **fields
    )
    if not claimed:
        raise TransitionRefused(refusal_message(referral))
    referral.refresh_from_db()
    event(referral, kind, by, at=now, detail=detail)
    actor = "" if user is not None else ("lien de la structure" if by == STRUCTURE else "tâche des adressages")
    audit.record(
        referral, f"adressage : {_stored(Kind(kind).label).lower()}", user=user, actor=actor,
        changes={"statut": [before, to], **(changes or {})},
    )  # fmt: skip
    logger.info("Referral %s: %s → %s", referral.pk, before, to)
    if kind in NOTIFIED and user is None:  # the professional is not told of their own action
        notify_sender(referral, kind)
    return referral


def notify_sender(referral: Referral, kind: str) -> None:
    if referral.sender is None or not referral.sender.is_active:
        return
    mail.send(
        "adressage_suivi",
        [referral.sender.email],
        {
            "referral": referral,
            "what": Kind(kind).label,
            "contact": kind == Kind.CONTACT,
            "url": settings.ANCRAGE_SITE_URL + referral.get_absolute_url(),
        },
    )


def mark_seen(referral: Referral) -> bool:
    """The structure opened its link: « vue » (once; later openings change nothing)."""
    now = timezone.now()
    if not Referral.objects.filter(pk=referral.pk, status=Status.SENT).update(
        status=Status.SEEN, seen_at=now, last_event_at=now
    ):
        return False
    referral.refresh_from_db()
    event(referral, Kind.SEEN, STRUCTURE, at=now)
    changes = {"statut": [Status.SENT, Status.SEEN]}
    audit.record(referral, "adressage : vu", actor="lien de la structure", changes=changes)
    return True


def accept(referral: Referral) -> Referral:
    return _move(referral, Kind.ACCEPTED, Status.ACCEPTED, OPEN, STRUCTURE, decided_at=timezone.now())


def refuse(referral: Referral, reason: str, note: str = "") -> Referral:
    if reason not in RefusalReason.values:
        raise TransitionRefused(_("Choisissez le motif du refus dans la liste."))
    if reason == RefusalReason.OTHER and not note.strip():
        raise TransitionRefused(_("Précisez la raison du refus."))
    return _move(
        referral, Kind.REFUSED, Status.REFUSED, OPEN, STRUCTURE,
        detail=_stored(RefusalReason(reason).label), changes={"motif": [None, reason]},
        decided_at=timezone.now(), refusal_reason=reason, refusal_note=note.strip()[:500],
    )  # fmt: skip


def request_contact(referral: Referral) -> Referral:
    """The structure asks the professional to call or write before deciding (an event; the status stays)."""
    with transaction.atomic():  # the row is locked (PostgreSQL) so two clicks record one request
        locked = Referral.objects.select_for_update().get(pk=referral.pk)
        if locked.status not in OPEN:
            raise TransitionRefused(refusal_message(referral))
        if locked.events.filter(kind=Kind.CONTACT).exists():
            raise TransitionRefused(_("La demande de contact a déjà été transmise au professionnel."))
        event(referral, Kind.CONTACT, STRUCTURE)
        audit.record(referral, "adressage : contact demandé", actor="lien de la structure")
    notify_sender(referral, Kind.CONTACT)
    return referral


def record_attendance(referral: Referral, attended: bool, *, user=None) -> Referral:
    """After acceptance, the professional (`user`) or the structure (its link, no user) says whether the person
    came."""
    kind, to = (Kind.ATTENDED, Status.ATTENDED) if attended else (Kind.NOT_ATTENDED, Status.NOT_ATTENDED)
    by = PROFESSIONAL if user is not None else STRUCTURE
    return _move(referral, kind, to, [Status.ACCEPTED], by, user=user, attendance_at=timezone.now())


def expire(referral: Referral) -> Referral:
    return _move(referral, Kind.EXPIRED, Status.EXPIRED, OPEN, SYSTEM)
