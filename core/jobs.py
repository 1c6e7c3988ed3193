"""Background jobs on the database: django-tasks (the backport of Django 6's tasks) with django-tasks-db.

A job is a module-level function decorated with `@job(...)`; `my_job.enqueue(*args)` stores it, the `worker`
command runs it (PostgreSQL: `SELECT … FOR UPDATE SKIP LOCKED`; SQLite: an exclusive transaction — so two
workers never run the same job). Arguments must be JSON values.

Retries: when a run raises, the job is enqueued again after `retry_delay` seconds times the attempt number,
until `retries` more attempts were made; every attempt is a row coordinators see in Administration › Tâches.
"""

import functools
import logging
from datetime import timedelta

from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)

ATTEMPT = "_attempt"


def job(*, retries: int = 0, retry_delay: float = 60, priority: int = 0, queue_name: str = "default"):
    def decorate(func):
        @functools.wraps(func)
        def run(*args, **kwargs):
            attempt = kwargs.pop(ATTEMPT, 1)
            try:
                return func(*args, **kwargs)
            except Exception:
                if attempt <= retries:
                    later = timezone.now() + timedelta(seconds=retry_delay * attempt)
                    logger.warning("Job %s failed (attempt %d), retried at %s", func.__qualname__, attempt, later)
                    the_job.using(run_after=later).enqueue(*args, **kwargs, **{ATTEMPT: attempt + 1})
                raise

        the_job = task(priority=priority, queue_name=queue_name)(run)
        return the_job

    return decorate
