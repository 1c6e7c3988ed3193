"""The periodic job's two steps: remind the structure once, then let the referral expire. Each referral is
claimed by a conditional UPDATE (`reminded_at` still empty; the status still open), so two workers running the
job at once never send twice."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from core import audit
from referrals.domain import workflow
from referrals.domain.sending import email_structure
from referrals.domain.workflow import OPEN, SYSTEM, TransitionRefused
from referrals.models import Referral, ReferralEvent


def remind(now=None) -> int:
    now = now or timezone.now()
    limit = now - timedelta(days=settings.ANCRAGE_REFERRAL_REMIND_DAYS)
    expiry = now - timedelta(days=settings.ANCRAGE_REFERRAL_EXPIRE_DAYS)
    waiting = Referral.objects.filter(status__in=OPEN, reminded_at__isnull=True, sent_at__lte=limit, sent_at__gt=expiry)
    sent = 0
    for pk in list(waiting.values_list("pk", flat=True)):
        if not Referral.objects.filter(pk=pk, status__in=OPEN, reminded_at__isnull=True).update(reminded_at=now):
            continue  # another worker claimed it, or the structure answered meanwhile
        referral = Referral.objects.select_related("sender").get(pk=pk)
        workflow.event(referral, ReferralEvent.Kind.REMINDED, SYSTEM, at=now)
        audit.record(referral, "adressage : structure relancée", actor="tâche des adressages")
        email_structure(referral, reminder=True)
        sent += 1
    return sent


def expire(now=None) -> int:
    now = now or timezone.now()
    limit = now - timedelta(days=settings.ANCRAGE_REFERRAL_EXPIRE_DAYS)
    expired = 0
    for referral in Referral.objects.filter(status__in=OPEN, sent_at__lte=limit).select_related("sender"):
        try:
            workflow.expire(referral)
        except TransitionRefused:
            continue
        expired += 1
    return expired
