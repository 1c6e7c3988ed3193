"""« Transmettre ce résultat à la personne qui m’accompagne »: with the person's explicit consent, the result's
summary goes to the accompanying professional or structure (an e-mail with a signed link that expires), or stays in
the account of the professional doing the pre-check with the person. Without consent nothing is stored or sent.

The summary holds what the professional needs to help, and no more of the answers: each benefit's status, the
estimated amount, whether it is already received (not the declared amount), the conditions to check; the month,
the commune's name and the engine's versions. The procedures are read from `data/demarches.json` when shown.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core import audit, mail, retention, signing
from rights.domain.precheck import NOT_ENTITLED, PROBABLE, UNSURE, Check, shown_procedure
from rights.models import Handover

PURPOSE = "droits-transmission"
CONSENT_VERSION = "2026-12"


def consent_text() -> str:
    return _(
        "J’accepte que ce résultat (les aides, leur statut, les montants estimés, les conditions à vérifier et les "
        "démarches) soit transmis à la personne ou à la structure qui m’accompagne. Il sera effacé dans "
        "%(days)s jours."
    ) % {"days": settings.ANCRAGE_RIGHTS_HANDOVER_DAYS}


def summary(check: Check, commune: str, computed_at: datetime) -> dict:
    """What is handed over: the result, not the answers (labels and notes stay French msgids: the page translates
    them for whoever reads it)."""
    return {
        "month": check.month.isoformat(),
        "period": check.period,
        "computed_at": computed_at.isoformat(),
        "commune": commune,
        "versions": check.versions,
        "outcomes": [
            {
                "key": o.benefit.key,
                "label": o.benefit.label,
                "status": o.status,
                "amount": o.amount,
                "yearly": o.yearly,
                "received": o.received,
                "notes": o.notes,
            }
            for o in check.outcomes
        ],
    }


def hand_over(check: Check, commune: str, computed_at: datetime, *, email: str = "", user=None) -> Handover:
    """Store the summary for its recipient (an address, or the professional's account), with the consent given
    now; e-mail the signed link to an address. The audit names no one."""
    if not email and user is None:
        raise ValueError("A handover needs a recipient.")
    now = timezone.now()
    handover = Handover.objects.create(
        summary=summary(check, commune, computed_at),
        recipient_email=email,
        recipient_user=user,
        consent_text=consent_text(),
        consent_version=CONSENT_VERSION,
        consented_at=now,
        expires_at=now + timedelta(days=settings.ANCRAGE_RIGHTS_HANDOVER_DAYS),
    )
    if email:
        mail.send(
            "droits_transmission",
            [email],
            {"url": link(handover), "expires_at": handover.expires_at, "commune": commune},
        )
        audit.record(handover, "résultat de droits transmis par courriel", actor="personne (sans compte)")
    else:
        audit.record(handover, "résultat de droits gardé dans le suivi", user=user)
    return handover


def forget(handover: Handover, user) -> None:
    """The professional deletes a kept result before its expiry."""
    audit.record(handover, "résultat de droits gardé effacé", user=user)
    handover.delete()


def link(handover: Handover) -> str:
    token = signing.make_token(PURPOSE, handover.pk)
    return settings.ANCRAGE_SITE_URL + reverse("rights:handover-link", args=[token])


def read(token: str) -> Handover:
    """The handover a link names, while it lasts (raises `signing.LinkError` with a French message)."""
    pk = signing.read_token(token, PURPOSE, max_age=timedelta(days=settings.ANCRAGE_RIGHTS_HANDOVER_DAYS))
    handover = Handover.objects.filter(pk=pk).first()
    if handover is None:
        raise signing.InvalidLink()
    if handover.expires_at <= timezone.now():
        raise signing.ExpiredLink()
    return handover


def current(queryset):
    return queryset.filter(expires_at__gt=timezone.now())


def groups(handover: Handover) -> dict[str, list[dict]]:
    """The summary's benefits as the page shows them, each with how to claim it."""
    outcomes = [{**o, "procedure": shown_procedure(o["key"])} for o in handover.summary["outcomes"]]
    return {
        "new_rights": [o for o in outcomes if o["status"] == PROBABLE and not o["received"]],
        "unsure": [o for o in outcomes if o["status"] == UNSURE and not o["received"]],
        "received": [o for o in outcomes if o["received"]],
        "not_entitled": [o for o in outcomes if o["status"] == NOT_ENTITLED and not o["received"]],
    }


def register_retention() -> None:
    retention.register(
        retention.Rule(
            name=gettext_noop("Résultat de droits transmis à la personne qui accompagne (avec son consentement)"),
            rows=lambda: Handover.objects.all(),
            age_field="created_at",
            days_setting="ANCRAGE_RIGHTS_HANDOVER_DAYS",
            delete=True,
        )
    )
