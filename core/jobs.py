"""Background jobs on the database: django-tasks (the backport of Django 6's tasks) with django-tasks-db.

A job is a module-level function decorated with `@job(...)`; `my_job.enqueue(*args)` stores it, the `worker`
command runs it (PostgreSQL: `SELECT … FOR UPDATE SKIP LOCKED`; SQLite: an exclusive transaction — so two
workers never run the same job). Arguments must be JSON values.

Retries: when a run raises, the job is enqueued again after `retry_delay` seconds times the attempt number,
until `retries` more attempts were made — except `Failed`, raised by a job that knows a new attempt would fail
the same way (a refused file): the job is shown failed at once. Every attempt is a row coordinators see in
Administration › Tâches de fond (`core/admin.py`).

Progress: inside a job, `report_progress(done, total, phase)` records how far it is (at most one write a second,
and one per change of phase) through the "progress" database connection (`core.routers`), so any process reads it
with `progress_of(job_id)` while the job's own transaction is still open. `current_job()` tells a job its id and
attempt; outside a job both are no-ops (`None`), so code shared with commands and tests reports progress without
knowing who runs it.
"""

import functools
import logging
import time
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import timedelta

from django.db import DatabaseError
from django.utils import timezone
from django_tasks import task

from core.models import JobProgress

logger = logging.getLogger(__name__)

ATTEMPT = "_attempt"
PROGRESS_EVERY_S = 1.0  # at most one progress write a second, but every change of phase


@dataclass
class RunningJob:
    id: str
    attempt: int  # 1 for the first run
    retries: int
    phase: str = ""
    written_at: float = 0.0

    @property
    def will_retry(self) -> bool:
        """Whether a failure of this attempt will be retried."""
        return self.attempt <= self.retries


class Failed(Exception):
    """The job failed for a reason a retry would not change: it is recorded failed, and not retried."""


_current: ContextVar[RunningJob | None] = ContextVar("ancrage_current_job", default=None)


def current_job() -> RunningJob | None:
    return _current.get()


def report_progress(done: int | None = None, total: int | None = None, phase: str = "", *, force=False) -> None:
    """Record the running job's progress (`done` of `total`, `total` None when unknown; `phase`: what it does now,
    in French). Throttled to one write a second, except when the phase changes, when the work is done or `force`."""
    running = _current.get()
    if running is None:
        return
    now = time.monotonic()
    finished = total is not None and done == total
    if not (force or finished or phase != running.phase or now - running.written_at >= PROGRESS_EVERY_S):
        return
    running.phase, running.written_at = phase, now
    try:
        JobProgress.objects.update_or_create(
            job_id=running.id,
            defaults={"done": done, "total": total, "phase": phase[:200], "updated_at": timezone.now()},
        )
    except DatabaseError:  # its own connection: the job's work and transaction go on; the next report may pass
        logger.warning("Progress of job %s not recorded", running.id, exc_info=True)


def progress_of(job_id: str) -> JobProgress | None:
    return JobProgress.objects.filter(job_id=job_id).first() if job_id else None


def progress_by_job(job_ids) -> dict[str, JobProgress]:
    return {p.job_id: p for p in JobProgress.objects.filter(job_id__in=[str(i) for i in job_ids])}


@dataclass(frozen=True)
class JobInfo:
    label: str  # French, for the list of jobs
    retries: int


JOBS: dict[str, JobInfo] = {}  # task path → what the list of jobs says about it (filled at import time)


def job(*, retries: int = 0, retry_delay: float = 60, priority: int = 0, queue_name: str = "default", label: str = ""):
    """`label`: what the job does, in French, for Administration › Tâches de fond (default: its dotted path)."""

    def decorate(func):
        def run(context, *args, **kwargs):
            attempt = kwargs.pop(ATTEMPT, 1)
            token = _current.set(RunningJob(str(context.task_result.id), attempt, retries))
            try:
                return func(*args, **kwargs)
            except Failed:
                raise
            except Exception:
                if attempt <= retries:
                    later = timezone.now() + timedelta(seconds=retry_delay * attempt)
                    logger.warning("Job %s failed (attempt %d), retried at %s", func.__qualname__, attempt, later)
                    the_job.using(run_after=later).enqueue(*args, **kwargs, **{ATTEMPT: attempt + 1})
                raise
            finally:
                _current.reset(token)

        # The job keeps the function's name and module (its path in the queue) but takes the task's context first.
        functools.update_wrapper(run, func, updated=())
        del run.__wrapped__
        the_job = task(priority=priority, queue_name=queue_name, takes_context=True)(run)
        JOBS[the_job.module_path] = JobInfo(label or the_job.module_path, retries)
        return the_job

    return decorate
