"""What requests keep about people, and for how long (`core.retention`)."""

from django.utils.translation import gettext_noop

from core import retention
from participation.models import Request, Support

S = Request.Status


def register() -> None:
    retention.register(
        retention.Rule(
            name=gettext_noop("Demandes jamais confirmées (brouillons, adresse non confirmée)"),
            rows=lambda: Request.objects.filter(status__in=[S.DRAFT, S.UNCONFIRMED]),
            age_field="created",
            days_setting="ANCRAGE_REQUEST_DRAFT_DAYS",
            delete=True,
        )
    )
    retention.register(
        retention.Rule(
            name=gettext_noop("Adresse e-mail des personnes qui font une demande"),
            rows=lambda: Request.objects.filter(status__in=[S.DONE, S.CLOSED]),
            age_field="closed_at",
            days_setting="ANCRAGE_REQUEST_EMAIL_DAYS",
            blank={"email": ""},
        )
    )
    retention.register(
        retention.Rule(
            name=gettext_noop("Adresse e-mail des personnes qui soutiennent une demande"),
            rows=lambda: Support.objects.filter(request__status__in=[S.DONE, S.CLOSED]),
            age_field="request__closed_at",
            days_setting="ANCRAGE_REQUEST_EMAIL_DAYS",
            blank={"email": ""},
        )
    )
    retention.register(
        retention.Rule(
            name=gettext_noop("Soutiens jamais confirmés"),
            rows=lambda: Support.objects.filter(confirmed_at__isnull=True),
            age_field="created",
            days_setting="ANCRAGE_REQUEST_DRAFT_DAYS",
            delete=True,
        )
    )
