"""A person's rights over their data (GDPR articles 15 and 17), exercised through a coordinator: find what the
referrals hold about them by e-mail or phone, log that reading, and erase it (anonymise) on request."""

from django.db import transaction
from django.utils import timezone

from core import audit
from datahub.normalize import phone as normalise_phone
from referrals.domain.workflow import COORDINATION, event
from referrals.models import BLANK, Referral, ReferralEvent, ReferralReading

COMMAND = "commande referrals_person"


def find(*, email: str = "", phone: str = ""):
    """The referrals naming this e-mail (any case) or this phone (any way of writing it)."""
    found = Referral.objects.none()
    if email.strip():
        found = found | Referral.objects.filter(person_email__iexact=email.strip())
    if phone.strip():
        numbers = {phone.strip(), normalise_phone(phone) or phone.strip()}
        found = found | Referral.objects.filter(person_phone__in=numbers)
    return found.order_by("sent_at", "pk")


def access(referrals) -> list[Referral]:
    """What is held (for the person's right of access); each reading is logged and audited."""
    found = list(referrals)
    for referral in found:
        ReferralReading.objects.create(referral=referral, via=ReferralReading.Via.COMMAND)
        audit.record(referral, "adressage : données consultées (droit d’accès)", actor=COMMAND)
    return found


def erase(referrals) -> int:
    """Anonymise now (right to erasure): the same fields the retention rule blanks; audited without values."""
    erased = 0
    with transaction.atomic():
        for referral in list(referrals):
            Referral.objects.filter(pk=referral.pk).update(**BLANK)
            event(referral, ReferralEvent.Kind.ERASED, COORDINATION, at=timezone.now())
            audit.record(referral, "adressage : données personnelles effacées (droit à l’effacement)", actor=COMMAND)
            erased += 1
    return erased
