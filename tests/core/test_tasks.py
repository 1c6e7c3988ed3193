"""Every periodic job is declared in ANCRAGE_PERIODIC_JOBS, is a background job, and runs on the worker."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import TaskResultStatus
from django_tasks.base import Task
from django_tasks_db.models import DBTaskResult

from core import worker
from core.jobs import JOBS


@pytest.mark.django_db(databases=["default", "progress"])
def test_every_periodic_job_runs_on_the_worker():
    names = list(settings.ANCRAGE_PERIODIC_JOBS)
    for name in names:
        assert isinstance(import_string(name), Task) and name in JOBS, name  # a @job, with its label
    now = timezone.now()
    worker.enqueue_due(now)
    assert sorted(worker.enqueue_due(now + timedelta(days=8))) == sorted(names)  # weekly jobs too
    worker.run_pending()
    results = {r.task_path: r.status for r in DBTaskResult.objects.all()}
    assert results == dict.fromkeys(names, TaskResultStatus.SUCCESSFUL)
