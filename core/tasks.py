"""The platform's own periodic jobs (scheduled in settings.ANCRAGE_PERIODIC_JOBS)."""

from django.core.management import call_command

from core import retention, throttle
from core.jobs import job


@job()
def purge_throttle() -> int:
    return throttle.purge()


@job()
def prune_job_results() -> None:
    """Finished jobs hold their arguments (an e-mail address, a file name): keep them 30 days."""
    call_command("prune_db_task_results", min_age_days=30, failed_min_age_days=30, verbosity=0)


@job()
def apply_retention() -> dict[str, int]:
    return retention.apply()
