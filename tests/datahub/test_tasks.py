"""Background jobs of the data hub: imports sent from the back-office (queued, claimed once, retried without
duplicates, failed with a French reason, progress readable meanwhile), feeds synced every night."""

import threading
from datetime import timedelta

import pytest
from django.db import connections
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from core import jobfiles, worker
from core.jobs import progress_of
from core.models import JobFile
from datahub import runs
from datahub.models import Feed, ImportRun, RowIssue, SourceRecord
from datahub.tasks import import_upload, queue_import
from directory.models import Place
from tests.datahub.conftest import IDF, LIEUX_V1_CSV
from tests.workers import run_side_by_side

pytestmark = pytest.mark.django_db(databases=["default", "progress"])
BOTH = ["default", "progress"]


def _queued(path, source_format="lieux", **options) -> ImportRun:
    """What the back-office upload does: the file in the database, the run « En attente », its job queued."""
    stored = jobfiles.store(path.name, path.read_bytes())
    run = ImportRun.objects.create(
        source_format=source_format, feed=path.stem, file_name=path.name, status=ImportRun.Status.QUEUED,
        upload=stored, options=options,
    )  # fmt: skip
    return queue_import(run)


def _retries_due_now():
    DBTaskResult.objects.filter(status=TaskResultStatus.READY).update(run_after=timezone.now())


def test_a_queued_run_waits_for_the_worker_which_imports_it():
    run = _queued(IDF)
    assert Place.objects.count() == 0 and run.status == ImportRun.Status.QUEUED
    worker.run_pending()
    run.refresh_from_db()
    assert run.status == ImportRun.Status.SUCCESS and run.created == Place.objects.count() > 0
    assert not JobFile.objects.exists()


def test_a_failed_import_job_is_marked_failed_with_its_french_reason(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("connexion à la base perdue")

    monkeypatch.setattr(runs, "detect_duplicates", broken)
    run = _queued(IDF)
    worker.run_pending()
    run.refresh_from_db()
    # Attempt 1 failed: rolled back, queued again for the retry, and the coordinator is told so.
    assert run.status == ImportRun.Status.QUEUED
    assert "L’essai n° 1 a échoué (RuntimeError : connexion à la base perdue)" in run.error
    assert Place.objects.count() == 0 and not RowIssue.objects.exists()
    for _ in range(2):
        _retries_due_now()
        worker.run_pending()
    run.refresh_from_db()
    assert run.status == ImportRun.Status.FAILED
    assert run.error.startswith(
        "Erreur inattendue pendant l’import (RuntimeError : connexion à la base perdue) : rien n’a été modifié."
    )
    jobs = DBTaskResult.objects.filter(task_path="datahub.tasks.import_upload")
    assert [j.status for j in jobs] == [TaskResultStatus.FAILED] * 3  # the first attempt and two retries
    assert all("connexion à la base perdue" in j.traceback for j in jobs)
    assert Place.objects.count() == 0 and not JobFile.objects.exists()


def test_a_retried_import_duplicates_nothing(monkeypatch):
    expected = runs.run_import(IDF, "lieux", dry_run=True)  # what one import of this file does
    calls = []
    real = runs.detect_duplicates

    def fails_once(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("coupure")
        return real(*args, **kwargs)

    monkeypatch.setattr(runs, "detect_duplicates", fails_once)
    run = _queued(IDF)
    worker.run_pending()
    _retries_due_now()
    worker.run_pending()
    run.refresh_from_db()
    assert run.status == ImportRun.Status.SUCCESS and run.error == ""
    assert (run.rows, run.created, run.rejected, run.warnings) == (
        expected.rows, expected.created, expected.rejected, expected.warnings,
    )  # fmt: skip
    assert Place.objects.count() == run.created
    assert SourceRecord.objects.count() == SourceRecord.objects.values("source", "kind", "source_id").distinct().count()
    assert run.issues.count() == run.rejected + run.warnings
    assert ImportRun.objects.filter(dry_run=False).count() == 1


def test_a_file_the_import_cannot_read_fails_the_run_and_its_job_once():
    stored = jobfiles.store("image.csv", b"%PDF-1.4 binaire")
    run = queue_import(
        ImportRun.objects.create(source_format="lieux", feed="x", status=ImportRun.Status.QUEUED, upload=stored)
    )
    worker.run_pending()
    run.refresh_from_db()
    assert run.status == ImportRun.Status.FAILED and "n’est pas un fichier texte" in run.error
    # Tâches de fond says « Échec » too (not « Réussie »), and a new attempt would fail the same way: none is made.
    assert DBTaskResult.objects.get(task_path="datahub.tasks.import_upload").status == TaskResultStatus.FAILED


@pytest.mark.django_db(transaction=True, databases=BOTH)
def test_two_workers_never_run_the_same_import():
    run = _queued(IDF)
    import_upload.enqueue(run.pk)  # the same run queued twice (a repeated job, a retry running late)
    assert not run_side_by_side(2)
    results = DBTaskResult.objects.filter(task_path="datahub.tasks.import_upload")
    assert sorted(r.return_value["pris"] for r in results) == [False, True]
    run.refresh_from_db()
    assert run.status == ImportRun.Status.SUCCESS and Place.objects.count() == run.created > 0
    assert ImportRun.objects.count() == 1


@pytest.mark.django_db(transaction=True, databases=BOTH)
def test_progress_is_read_by_another_connection_while_the_import_runs(monkeypatch):
    monkeypatch.setattr("core.jobs.PROGRESS_EVERY_S", 0)
    seen = {}
    real = runs.fit_to_columns
    rows = []

    def look(run_id):
        try:  # another thread: its own database connections, outside the import's transaction
            run = ImportRun.objects.get(pk=run_id)
            seen.update(status=run.status, progress=progress_of(run.job_id))
        finally:
            connections.close_all()

    def spy(parsed):
        rows.append(1)
        if len(rows) == 5:
            reader = threading.Thread(target=look, args=(run.pk,))
            reader.start()
            reader.join()
        return real(parsed)

    monkeypatch.setattr(runs, "fit_to_columns", spy)
    run = _queued(LIEUX_V1_CSV)
    worker.run_pending()
    assert seen["status"] == ImportRun.Status.RUNNING
    progress = seen["progress"]
    assert (progress.phase, progress.done, progress.total) == (runs.PHASE_ROWS, 5, 8)
    run.refresh_from_db()
    assert run.status == ImportRun.Status.SUCCESS
    assert progress_of(run.job_id).phase == runs.PHASE_REPORT


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


def test_a_run_whose_process_died_is_marked_failed_by_the_periodic_job(settings):
    from datahub.tasks import close_interrupted_runs

    run = ImportRun.objects.create(source_format="lieux", feed="f", status=ImportRun.Status.RUNNING)
    ImportRun.objects.filter(pk=run.pk).update(started_at=timezone.now() - timedelta(hours=7))
    close_interrupted_runs.enqueue()
    worker.run_pending()
    run.refresh_from_db()
    assert run.status == ImportRun.Status.FAILED and "Import interrompu" in run.error
