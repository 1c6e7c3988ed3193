"""The referrals' periodic job (ANCRAGE_PERIODIC_JOBS): reminders, then expiries."""

from core.jobs import job
from referrals.domain import timers


@job(label="Adressages : relances et expirations")
def referral_timers() -> dict[str, int]:
    return {"reminded": timers.remind(), "expired": timers.expire()}
