"""The referrals' periodic job (ANCRAGE_PERIODIC_JOBS): reminders, then expiries."""

from django.utils.translation import gettext_lazy as _

from core.jobs import job
from referrals.domain import timers


@job(label=_("Adressages : relances et expirations"))
def referral_timers() -> dict[str, int]:
    return {"reminded": timers.remind(), "expired": timers.expire()}
