import threading

import pytest
from django.db import connections, transaction
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from core import worker
from core.jobs import current_job, job, progress_of, report_progress
from core.models import AuditEntry, JobProgress, PeriodicJob
from tests.workers import run_side_by_side

CALLS = []


@job(retries=2, retry_delay=0)
def flaky(label: str) -> str:
    CALLS.append(label)
    if len(CALLS) < 3:
        raise RuntimeError("serveur de courriel indisponible")
    return "ok"


@job()
def note(n: int) -> int:
    from django.contrib.contenttypes.models import ContentType

    AuditEntry.objects.create(actor="job", verb=f"run {n}", content_type=ContentType.objects.first(), object_id=n)
    return n


@pytest.mark.django_db
def test_a_failed_job_is_retried_until_it_succeeds():
    CALLS.clear()
    flaky.enqueue("x")
    for _ in range(3):
        worker.run_pending()
    assert CALLS == ["x", "x", "x"]
    statuses = sorted(DBTaskResult.objects.values_list("status", flat=True))
    assert statuses == [TaskResultStatus.FAILED, TaskResultStatus.FAILED, TaskResultStatus.SUCCESSFUL]


@job(retries=1, retry_delay=0)
def always_fails() -> None:
    CALLS.append("échec")
    raise RuntimeError("toujours")


@pytest.mark.django_db
def test_retries_stop_after_the_limit():
    CALLS.clear()
    always_fails.enqueue()
    for _ in range(4):
        worker.run_pending()
    assert CALLS == ["échec", "échec"]  # the first run and one retry
    assert list(DBTaskResult.objects.values_list("status", flat=True)) == [TaskResultStatus.FAILED] * 2


@pytest.mark.django_db(transaction=True)
def test_two_workers_never_run_the_same_job():
    for n in range(40):
        note.enqueue(n)
    assert not run_side_by_side(2)
    runs = sorted(int(v.split()[1]) for v in AuditEntry.objects.values_list("verb", flat=True))
    assert runs == list(range(40))
    assert all(len(r.worker_ids) == 1 for r in DBTaskResult.objects.all())


@pytest.mark.django_db
def test_periodic_jobs_are_enqueued_once_when_due(settings):
    from datetime import timedelta

    from django.utils import timezone

    settings.ANCRAGE_PERIODIC_JOBS = {"tests.core.test_jobs.note_zero": "every 15m"}
    now = timezone.now()
    assert worker.enqueue_due(now) == []  # first sight: scheduled 15 minutes later
    assert worker.enqueue_due(now + timedelta(minutes=16)) == ["tests.core.test_jobs.note_zero"]
    assert worker.enqueue_due(now + timedelta(minutes=17)) == []  # another worker, same minute: nothing
    assert PeriodicJob.objects.get().next_run_at > now + timedelta(minutes=30)


@job()
def note_zero() -> int:
    return 0


def test_schedule_specs():
    import datetime as dt
    from zoneinfo import ZoneInfo

    paris = ZoneInfo("Europe/Paris")
    at = dt.datetime(2026, 12, 1, 10, 0, tzinfo=paris)
    assert worker.next_run("every 2h", at) == at + dt.timedelta(hours=2)
    assert worker.next_run("daily 03:15", at) == dt.datetime(2026, 12, 2, 3, 15, tzinfo=paris)
    assert worker.next_run("daily 11:00", at) == dt.datetime(2026, 12, 1, 11, 0, tzinfo=paris)
    with pytest.raises(Exception, match="daily HH:MM"):
        worker.next_run("chaque lundi", at)


@pytest.mark.django_db(databases=["default", "progress"])
def test_health_reports_database_and_worker(client):
    body = client.get("/sante/").json()
    assert body == {"base_de_donnees": True, "processus_de_taches": False}
    worker.run_pending()
    assert client.get("/sante/").json()["processus_de_taches"] is True


SEEN = []


def _peek(job_id: str) -> None:
    try:  # another thread: its own connections, as another process would read
        SEEN.append(progress_of(job_id))
    finally:
        connections.close_all()


@job()
def counting(n: int) -> None:
    with transaction.atomic():  # one long transaction, as an import: its writes are invisible until it ends
        PeriodicJob.objects.create(name="verrou", next_run_at=timezone.now())
        for i in range(1, n + 1):
            report_progress(i, n, "Comptage", force=True)
            if i == 2:
                reader = threading.Thread(target=_peek, args=(current_job().id,))
                reader.start()
                reader.join()


@pytest.mark.django_db(transaction=True, databases=["default", "progress"])
def test_progress_is_read_by_another_connection_while_the_job_transaction_is_open():
    SEEN.clear()
    result = counting.enqueue(3)
    worker.run_pending()
    assert [(p.phase, p.done, p.total) for p in SEEN] == [("Comptage", 2, 3)]
    assert SEEN[0].text == "Comptage : 2 sur 3" and SEEN[0].percent == 66
    final = progress_of(str(result.id))
    assert (final.done, final.total) == (3, 3)


@pytest.mark.django_db(databases=["default", "progress"])
def test_progress_outside_a_job_is_not_recorded():
    report_progress(1, 2, "Comptage")  # an import run by a command or a test: nobody to tell
    assert not JobProgress.objects.exists()


@job()
def chatty(n: int) -> None:
    for i in range(1, n + 1):
        report_progress(i, None, "Lecture")


@pytest.mark.django_db(databases=["default", "progress"])
def test_progress_writes_are_throttled():
    result = chatty.enqueue(5000)
    worker.run_pending()
    progress = progress_of(str(result.id))
    assert progress.phase == "Lecture" and progress.total is None
    assert progress.done < 5000  # the last count written, at most once a second: not a write per row


@pytest.mark.django_db(databases=["default", "progress"])
def test_a_worker_busy_with_a_long_job_is_alive():
    """Its heartbeat waits for the job to end; the job's progress says it works."""
    assert not worker.worker_alive()
    JobProgress.objects.create(job_id="long", done=10, phase="Lecture", updated_at=timezone.now())
    assert worker.worker_alive()
