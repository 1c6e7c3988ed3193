"""Feeds are synced by a scheduled background job, retried when a feed fails."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from core import worker
from datahub.models import Feed
from directory.models import Place
from tests.datahub.conftest import LIEUX_V1_CSV

pytestmark = pytest.mark.django_db


def test_the_nightly_job_imports_the_feeds(settings):
    settings.ANCRAGE_ALLOW_FILE_FEEDS = True
    Feed.objects.create(name="lieux-v1", source_format="lieux", url=LIEUX_V1_CSV.as_uri())
    now = timezone.now()
    worker.enqueue_due(now)  # first sight: each periodic job gets its next time
    assert "datahub.tasks.sync_feeds" in worker.enqueue_due(now + timedelta(days=1, minutes=1))
    worker.run_pending()
    assert Place.objects.count() == 8
    result = DBTaskResult.objects.get(task_path="datahub.tasks.sync_feeds")
    assert result.status == TaskResultStatus.SUCCESSFUL


def test_a_failed_feed_fails_the_job_which_is_retried_later(settings):
    settings.ANCRAGE_ALLOW_FILE_FEEDS = True  # a local file that is missing: the feed fails
    from datahub.tasks import sync_feeds

    Feed.objects.create(name="cassé", source_format="lieux", url="file:///nulle/part.csv")
    sync_feeds.enqueue()
    worker.run_pending()
    failed = DBTaskResult.objects.get(status=TaskResultStatus.FAILED)
    assert "cassé" in failed.traceback
    retry = DBTaskResult.objects.get(status=TaskResultStatus.READY)
    assert retry.run_after > timezone.now() + timedelta(minutes=10)
