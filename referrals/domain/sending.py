"""Sending a referral: the professional's one write. It checks who sends and where, records the person's consent
as worded, copies the service's and place's details, writes the first event and the audit entry, and e-mails the
structure its signed link.

The e-mail carries no personal data of the person: only the link, whose page shows them and records the reading
(so e-mails forwarded or kept in the job queue say nothing about the person).
"""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core import audit, mail
from datahub.normalize import phone as normalise_phone
from directory.models import Service
from referrals.domain import eligibility, links
from referrals.domain.workflow import PROFESSIONAL, event
from referrals.models import Referral, ReferralEvent, Status

logger = logging.getLogger(__name__)

CONSENT_VERSION = "2026-12"
# The wording stored with each referral (`consent_text`, a record): always this French text, whatever the language
# of the page; gettext_noop only marks it for makemessages, so that the form may show it translated.
CONSENT_TEXT = gettext_noop(
    "La personne a été informée et accepte que ses nom, prénom, coordonnées et ce message soient transmis à la "
    "structure choisie, pour qu’elle la recontacte. Elle sait qu’elle peut demander à les consulter ou à les "
    "effacer, et qu’ils sont effacés deux ans après le dernier échange."
)


class ReferralError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Person:
    first_name: str
    last_name: str
    phone: str = ""
    email: str = ""
    message: str = ""


def place_address(service: Service) -> str:
    place = service.place
    own = service.own_address
    if own:
        return own
    town = " ".join(filter(None, [place.code_postal, place.commune]))
    return ", ".join(filter(None, [place.adresse, place.complement_adresse, town]))


def first_time(structure_id, destination: str) -> bool:
    """Whether this structure (or, without one, this set of addresses) never received a referral before."""
    earlier = Referral.objects.filter(structure_id=structure_id) if structure_id else None
    if earlier is None:
        earlier = Referral.objects.filter(structure__isnull=True, destination=destination)
    return not earlier.exists()


def send(user, service: Service, person: Person, *, consent: bool, situation=None) -> Referral:
    """`situation`: the sender's own situation sheet the referral comes from, if any (kept for their timeline)."""
    if not eligibility.may_refer(user):
        raise ReferralError(_("Seuls les professionnels connectés peuvent adresser une personne."))
    if not consent:
        raise ReferralError(_("Le consentement de la personne est nécessaire pour transmettre ses coordonnées."))
    if not (person.phone or person.email):
        raise ReferralError(_("Indiquez au moins un moyen de joindre la personne : téléphone ou courriel."))
    verdict = eligibility.check(service)
    if not verdict.ok:
        raise ReferralError(verdict.reason)
    place, now = service.place, timezone.now()
    destination = ", ".join(verdict.to)
    first = first_time(place.structure_id, destination)
    referral = Referral.objects.create(
        sender=user, service=service, place=place, structure_id=place.structure_id, status=Status.SENT,
        situation=situation if situation is not None and situation.author_id == user.pk else None,
        person_first_name=person.first_name.strip(), person_last_name=person.last_name.strip(),
        person_phone=normalise_phone(person.phone) or person.phone.strip(),
        person_email=person.email.strip().lower(), message=person.message.strip()[:500],
        consent_text=CONSENT_TEXT, consent_version=CONSENT_VERSION, consent_at=now,
        service_name=service.nom, place_name=place.nom, place_address=place_address(service),
        phone=service.telephone or place.telephone, destination=destination,
        sent_at=now, last_event_at=now,
    )  # fmt: skip
    event(referral, ReferralEvent.Kind.SENT, PROFESSIONAL, at=now, detail=service.nom)
    audit.record(referral, "adressage : envoyé", user=user, changes={"statut": [None, Status.SENT]})
    email_structure(referral, first_time=first)
    logger.info("Referral %s sent to service %s", referral.pk, service.pk)
    return referral


def email_structure(referral: Referral, *, first_time: bool = False, reminder: bool = False) -> None:
    mail.send(
        "adressage_structure",
        [a.strip() for a in referral.destination.split(",") if a.strip()],
        {
            "referral": referral,
            "sender": referral.sender,
            "link": links.url(referral),
            "first_time": first_time,
            "reminder": reminder,
            "expire_days": settings.ANCRAGE_REFERRAL_EXPIRE_DAYS,
        },
        reply_to=referral.sender.email if referral.sender else "",
    )
