"""Freshness jobs: the daily requests, reminders and escalations; the weekly digest; campaign batches."""

from core.jobs import job
from freshness.domain import campaigns, digest, requests


@job()
def send_update_requests() -> dict[str, int]:
    """Periodic (ANCRAGE_PERIODIC_JOBS): e-mail the places that are due, remind, escalate."""
    return {"sent": requests.send_due(), "reminded": requests.send_reminders(), "escalated": requests.escalate()}


@job()
def send_weekly_digest() -> int:
    return digest.send_digest()


@job(retries=3)
def send_campaign_batch(campaign_id: int) -> int:
    waiting = campaigns.send_batch(campaign_id)
    if waiting:
        send_campaign_batch.using(run_after=campaigns.next_batch_at()).enqueue(campaign_id)
    return waiting
