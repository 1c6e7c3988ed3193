"""The directory's periodic jobs (scheduled in settings.ANCRAGE_PERIODIC_JOBS)."""

from core.jobs import job
from directory.domain import temporary


@job()
def purge_temporary_info() -> int:
    """Delete the temporary information that ended more than ANCRAGE_TEMPORARY_KEEP_DAYS ago."""
    return temporary.purge()
