"""The data hub's background jobs (scheduled in settings.ANCRAGE_PERIODIC_JOBS)."""

from core.jobs import job
from datahub.sync import sync_all


class SyncFailed(RuntimeError):
    pass


@job(retries=2, retry_delay=900)
def sync_feeds() -> list[dict]:
    """Import every active feed (Données › Flux synchronisés); a failed feed fails the job, which is retried."""
    results = sync_all(wet_run=True)
    summary = [{"flux": r.feed.name, "import": r.run.pk if r.run else None, "erreur": r.error} for r in results]
    failed = [s for s in summary if s["erreur"]]
    if failed:
        raise SyncFailed("; ".join(f"{s['flux']} : {s['erreur']}" for s in failed))
    return summary
