"""Periodic jobs of accounts (scheduled in settings.ANCRAGE_PERIODIC_JOBS)."""

from accounts.domain import inactivity
from core.jobs import job


@job()
def deactivate_unused_accounts() -> dict[str, int]:
    return {"deactivated": inactivity.deactivate_warned(), "warned": inactivity.warn_unused()}
