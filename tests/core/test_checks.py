import pytest
from django.core.management import call_command

from core import checks, worker
from core.models import WorkerHeartbeat
from tests.core.test_jobs import CALLS, flaky


@pytest.mark.django_db(databases=["default", "progress"])
def test_deploy_check_warns_when_no_worker_runs_jobs():
    [warning] = checks.worker_running(None, databases=["default"])
    assert warning.id == "ancrage.W001" and "manage.py worker" in warning.msg
    worker.heartbeat("web-1")
    assert checks.worker_running(None, databases=["default"]) == []


@pytest.mark.django_db(transaction=True, databases=["default", "progress"])  # the worker closes stale connections
def test_the_worker_command_runs_what_is_due_and_says_it_is_alive():
    CALLS.clear()
    CALLS.extend(["a", "b"])  # the third call of `flaky` succeeds
    flaky.enqueue("c")
    call_command("worker", "--once", "--worker-id", "test-worker")
    assert CALLS[-1] == "c"
    assert WorkerHeartbeat.objects.filter(worker_id="test-worker").exists()
