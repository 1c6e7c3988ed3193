"""The optional follow-up: with the person's explicit consent, one e-mail a few days later asks what became of
each likely right (received, applied, failed, nothing); the answer is counted anonymously and the address deleted.
"""

from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_noop

from core import audit, mail, retention, signing
from rights.domain import counts
from rights.domain.precheck import Check
from rights.models import FollowUp, FollowUpCount

PURPOSE = "droits-suivi"


def ask(email: str, check: Check, code_insee: str) -> FollowUp | None:
    """Record the consent (the likely rights not claimed, the commune, the address); None when there is none to
    ask about."""
    keys = [o.benefit.key for o in check.new_rights]
    if not keys:
        return None
    now = timezone.now()
    follow_up = FollowUp.objects.create(
        email=email,
        code_insee=code_insee,
        benefits="|".join(keys),
        consented_at=now,
        send_after=now + timedelta(days=settings.ANCRAGE_RIGHTS_FOLLOWUP_DAYS),
    )
    audit.record(follow_up, "suivi accepté", actor="personne (sans compte)")  # no address in the audit
    return follow_up


def link(follow_up: FollowUp) -> str:
    token = signing.make_token(PURPOSE, follow_up.pk, single_use=True)
    return settings.ANCRAGE_SITE_URL + reverse("rights:followup", args=[token])


def send_due(now=None) -> int:
    """Send every follow-up due; each is claimed by a conditional UPDATE, so two workers never send it twice."""
    now = now or timezone.now()
    sent = 0
    for follow_up in FollowUp.objects.filter(sent_at__isnull=True, send_after__lte=now):
        if not FollowUp.objects.filter(pk=follow_up.pk, sent_at__isnull=True).update(sent_at=now):
            continue
        mail.send(
            "droits_suivi",
            [follow_up.email],
            {"url": link(follow_up), "days": settings.ANCRAGE_RIGHTS_FOLLOWUP_KEEP_DAYS},
        )
        sent += 1
    return sent


def read(token: str, consume: bool) -> FollowUp:
    """The follow-up a link names (raises `signing.LinkError` with a French message)."""
    max_age = timedelta(days=settings.ANCRAGE_RIGHTS_FOLLOWUP_KEEP_DAYS + settings.ANCRAGE_RIGHTS_FOLLOWUP_DAYS)
    pk = signing.read_token(token, PURPOSE, max_age=max_age, single_use=True, consume=consume)
    follow_up = FollowUp.objects.filter(pk=pk).first()
    if follow_up is None:
        raise signing.InvalidLink()
    return follow_up


@transaction.atomic
def answer(follow_up: FollowUp, outcomes: dict[str, str]) -> None:
    """Count each answer (benefit → outcome) for the month and commune, then delete the follow-up and its address."""
    today = timezone.localdate()
    month = date(today.year, today.month, 1)
    for benefit, outcome in outcomes.items():
        if benefit not in follow_up.benefit_keys or outcome not in FollowUpCount.Outcome.values:
            continue
        key = {"month": month, "code_insee": follow_up.code_insee, "benefit": benefit, "outcome": outcome}
        counts.bump(FollowUpCount, key, count=1)
    audit.record(follow_up, "suivi répondu", actor="personne (sans compte)")
    follow_up.delete()


def register_retention() -> None:
    retention.register(
        retention.Rule(
            name=gettext_noop("Adresse e-mail laissée pour le suivi des droits (sans réponse)"),
            rows=lambda: FollowUp.objects.filter(sent_at__isnull=False),
            age_field="sent_at",
            days_setting="ANCRAGE_RIGHTS_FOLLOWUP_KEEP_DAYS",
            delete=True,
        )
    )
