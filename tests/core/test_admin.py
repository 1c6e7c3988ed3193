"""Administration › Tâches de fond: coordinators see recent jobs, their state, attempt, progress and error."""

import pytest
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from core import worker
from core.jobs import job, report_progress

pytestmark = pytest.mark.django_db(databases=["default", "progress"])
URL = "/admin/django_tasks_database/dbtaskresult/"


@job(retries=1, retry_delay=0, label="Envoi qui échoue")
def failing() -> None:
    raise RuntimeError("serveur de courriel injoignable")


@job(label="Comptage des lieux")
def counted() -> None:
    report_progress(3, 10, "Comptage", force=True)


@job(label="Tâche à venir")
def later() -> None:
    pass


def test_recent_jobs_show_state_attempt_progress_and_error(admin_client):
    failing.enqueue()
    counted.enqueue()
    worker.run_pending()  # the failure, its retry (due at once), the count
    later.enqueue()
    page = admin_client.get(URL).content.decode()
    assert "Tâches de fond" in page
    assert page.count("Envoi qui échoue") == 2 and "1 sur 2" in page and "2 sur 2" in page
    assert "RuntimeError: serveur de courriel injoignable" in page and "Échec" in page
    assert "Comptage des lieux" in page and "Comptage : 3 sur 10" in page and "Réussie" in page
    assert "En attente" in page
    failed = admin_client.get(URL, {"etat": TaskResultStatus.FAILED}).content.decode()
    assert "Envoi qui échoue" in failed and "Comptage des lieux" not in failed
    one = DBTaskResult.objects.filter(status=TaskResultStatus.FAILED).first()
    detail = admin_client.get(f"{URL}{one.pk}/change/").content.decode()
    assert "Traceback" in detail and "serveur de courriel injoignable" in detail


def test_jobs_are_read_only(admin_client):
    later.enqueue()
    one = DBTaskResult.objects.get()
    assert admin_client.post(f"{URL}{one.pk}/delete/", {"post": "yes"}).status_code == 403
    assert DBTaskResult.objects.exists()
