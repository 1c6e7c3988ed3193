"""The worker loop: heartbeat, scheduled jobs, then every job that is due.

Periodic jobs are declared in one place, the `ANCRAGE_PERIODIC_JOBS` setting: a dotted path to a job and
when it runs ("every 15m", "every 2h", "daily 03:15", in the territory's time zone). Each is claimed with a
conditional UPDATE on `PeriodicJob.next_run_at`, so with several workers it is enqueued once.
"""

import logging
import os
import re
import socket
import time
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import close_old_connections, transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction

from core.models import JobProgress, PeriodicJob, WorkerHeartbeat

logger = logging.getLogger(__name__)

_EVERY = re.compile(r"every (\d+)([mhd])$")
_DAILY = re.compile(r"daily (\d\d):(\d\d)$")
_UNITS = {"m": "minutes", "h": "hours", "d": "days"}


def next_run(spec: str, after: datetime) -> datetime:
    """The first time strictly after `after` at which a job scheduled by `spec` is due."""
    if m := _EVERY.match(spec):
        return after + timedelta(**{_UNITS[m[2]]: int(m[1])})
    if m := _DAILY.match(spec):
        local = timezone.localtime(after)
        due = local.replace(hour=int(m[1]), minute=int(m[2]), second=0, microsecond=0)
        if due <= local:
            due = (due + timedelta(days=1)).replace(hour=int(m[1]), minute=int(m[2]))
        return due
    raise ImproperlyConfigured(f"ANCRAGE_PERIODIC_JOBS: « {spec} » n’est ni « every 15m|2h|1d » ni « daily HH:MM »")


def enqueue_due(now: datetime | None = None) -> list[str]:
    """Enqueue the periodic jobs that are due; returns their names (those this process claimed)."""
    now = now or timezone.now()
    enqueued = []
    for name, spec in settings.ANCRAGE_PERIODIC_JOBS.items():
        PeriodicJob.objects.get_or_create(name=name, defaults={"next_run_at": next_run(spec, now)})
        with transaction.atomic():
            claimed = PeriodicJob.objects.filter(name=name, next_run_at__lte=now).update(
                next_run_at=next_run(spec, now), last_enqueued_at=now
            )
            if claimed:
                import_string(name).enqueue()
                enqueued.append(name)
    return enqueued


def heartbeat(worker_id: str) -> None:
    WorkerHeartbeat.objects.update_or_create(worker_id=worker_id, defaults={"seen_at": timezone.now()})


def worker_alive() -> bool:
    """A worker polled lately, or one busy with a long job reported its progress lately (the heartbeat is written
    between jobs only)."""
    since = timezone.now() - timedelta(seconds=settings.ANCRAGE_WORKER_STALE_SECONDS)
    return (
        WorkerHeartbeat.objects.filter(seen_at__gte=since).exists()
        or JobProgress.objects.filter(updated_at__gte=since).exists()
    )


def default_worker_id() -> str:
    return f"{socket.gethostname()}-{os.getpid()}"


def _worker(worker_id: str) -> Worker:
    return Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=worker_id,
        excluded_queue_names=[],
    )


def run(worker_id: str, interval: float = 1.0, once: bool = False) -> None:
    """Poll until stopped (SIGINT/SIGTERM finish the running job first). `once`: one round, then return."""
    worker = _worker(worker_id)
    if not once:
        worker.configure_signals()
        logger.info("Worker %s started", worker_id)
    while worker.running:
        close_old_connections()
        heartbeat(worker_id)
        enqueue_due()
        worker.run()  # every job due now, then returns
        if once:
            return
        time.sleep(interval)


def run_pending(worker_id: str = "inline") -> int:
    """Run every job that is due now, in this process and its current transaction (tests, one-off commands)."""
    heartbeat(worker_id)
    enqueue_due()
    runner, done = _worker(worker_id), 0
    while True:
        with exclusive_transaction():
            claimed = DBTaskResult.objects.ready().get_locked()
            if claimed is not None:
                claimed.claim(worker_id)
        if claimed is None:
            return done
        runner.run_task(claimed)
        done += 1
