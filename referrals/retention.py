"""What a referral keeps about the person, and for how long (`core.retention`): identity, contact, message and
the structure's note are blanked ANCRAGE_REFERRAL_RETENTION_DAYS after the referral's last event. The row, its
status, dates and timeline stay, for the statistics."""

from django.utils.translation import gettext_noop

from core import retention
from referrals.models import BLANK, Referral

NAME = gettext_noop("Adressages : identité, coordonnées et message de la personne")


def register() -> None:
    retention.register(
        retention.Rule(
            name=NAME,
            rows=lambda: Referral.objects.all(),
            age_field="last_event_at",
            days_setting="ANCRAGE_REFERRAL_RETENTION_DAYS",
            blank=BLANK,
        )
    )
