"""The back-office pages: new import (with the spreadsheet mapping step), report, CSV, review queue, undo."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from core import retention, worker
from core.models import JobFile, JobProgress
from datahub.models import ImportRun, Merge, MergeCandidate, SourceRecord
from directory.models import Place
from tests.datahub.conftest import IDF, NATIONAL, TABLEUR_CSV

pytestmark = pytest.mark.django_db(databases=["default", "progress"])


def _upload(path):
    return SimpleUploadedFile(path.name, path.read_bytes())


def test_new_import_page_then_report_and_csv(admin_client, admin_user):
    """The upload queues the run (the dry run too); the worker imports it; its page then shows the report."""
    page = admin_client.get(reverse("admin:datahub_importrun_add"))
    assert page.status_code == 200
    assert "Tableur du territoire" in page.content.decode()
    response = admin_client.post(
        reverse("admin:datahub_importrun_add"),
        {"source_format": "lieux", "file": _upload(NATIONAL), "dry_run": "on"},
    )
    run = ImportRun.objects.get()
    assert response.status_code == 302 and response.url == reverse("admin:datahub_importrun_change", args=[run.pk])
    assert run.dry_run and run.started_by == admin_user and run.feed == NATIONAL.stem
    assert run.status == ImportRun.Status.QUEUED and run.rows == 0
    worker.run_pending()
    run.refresh_from_db()
    assert run.status == ImportRun.Status.SUCCESS and run.rows > 0
    assert Place.objects.count() == 0
    report = admin_client.get(response.url).content.decode()
    assert "Nom du lieu manquant" in report and "Télécharger en CSV" in report
    assert "job-progress.js" not in report  # finished: no refreshing
    download = admin_client.get(reverse("admin:datahub_importrun_issues", args=[run.pk]))
    lines = download.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "ligne,identifiant,gravité,raison"
    assert any(line.startswith("30,62c820fb") and line.endswith("Ligne rejetée,Nom du lieu manquant") for line in lines)


def test_an_upload_queues_the_run_and_the_worker_imports_it(admin_client):
    data = {"source_format": "lieux", "file": _upload(IDF)}
    response = admin_client.post(reverse("admin:datahub_importrun_add"), data)
    run = ImportRun.objects.get()
    # Nothing imported in the request: the run waits, its file in the database, its job queued.
    assert run.status == ImportRun.Status.QUEUED
    assert Place.objects.count() == 0 and SourceRecord.objects.count() == 0
    stored = JobFile.objects.get()
    assert bytes(stored.content) == IDF.read_bytes() and run.upload == stored
    job = DBTaskResult.objects.get(task_path="datahub.tasks.import_upload")
    assert job.status == TaskResultStatus.READY and str(job.pk) == run.job_id
    waiting = admin_client.get(response.url).content.decode()
    assert "Import en attente" in waiting and ">Actualiser</a>" in waiting and "web/job-progress" in waiting
    assert "Aucun processus de tâches ne tourne" in waiting  # no worker yet
    worker.run_pending()
    run.refresh_from_db()
    assert run.status == ImportRun.Status.SUCCESS and run.created == Place.objects.count() > 0
    assert not JobFile.objects.exists()  # deleted when the import ended
    assert DBTaskResult.objects.get(pk=job.pk).status == TaskResultStatus.SUCCESSFUL
    report = admin_client.get(response.url).content.decode()
    assert "job-progress.js" not in report and "Créés" in report


def test_a_running_run_shows_its_phase_and_rows(admin_client):
    run = ImportRun.objects.create(source_format="lieux", feed="f", status=ImportRun.Status.RUNNING, job_id="j-1")
    JobProgress.objects.create(job_id="j-1", done=1200, total=3400, phase="Lecture et écriture des lignes",
                               updated_at=timezone.now())  # fmt: skip
    page = admin_client.get(reverse("admin:datahub_importrun_change", args=[run.pk])).content.decode()
    assert "Import en cours" in page and "Étape : Lecture et écriture des lignes" in page
    assert "Lignes lues : 1\u202f200 sur 3\u202f400" in page or "Lignes lues : 1\xa0200 sur 3\xa0400" in page
    assert '<progress max="100" value="35"' in page


def test_a_file_too_large_is_refused_in_french(admin_client, settings):
    settings.ANCRAGE_UPLOAD_MAX_MB = 1
    big = SimpleUploadedFile("enorme.csv", b"nom,adresse\n" + b"a,b\n" * 400_000)
    response = admin_client.post(reverse("admin:datahub_importrun_add"), {"source_format": "tableur", "file": big})
    assert response.status_code == 200
    assert "Fichier trop volumineux : 1,5 Mo, pour une limite de 1 Mo." in response.content.decode()
    assert not ImportRun.objects.exists() and not JobFile.objects.exists()


def test_spreadsheet_mapping_step(admin_client):
    response = admin_client.post(
        reverse("admin:datahub_importrun_add"), {"source_format": "tableur", "file": _upload(TABLEUR_CSV)}
    )
    assert response.status_code == 302
    page = admin_client.get(response.url)
    form = page.context["form"]
    assert [form[f"col_{i}"].initial for i in range(3)] == ["nom", "adresse", "code_postal"]
    data = {f"col_{i}": form[f"col_{i}"].initial for i in range(len(form.columns))}
    refused = admin_client.post(response.url, {**data, "col_0": ""})
    assert "Aucune colonne n’est associée au nom du lieu" in refused.content.decode()
    done = admin_client.post(response.url, data)
    run = ImportRun.objects.get()
    assert done.url == reverse("admin:datahub_importrun_change", args=[run.pk])
    assert run.status == ImportRun.Status.QUEUED and Place.objects.count() == 0
    worker.run_pending()
    run.refresh_from_db()
    assert (run.source_format, run.created, run.file_name) == ("tableur", 10, TABLEUR_CSV.name)
    assert not JobFile.objects.exists()


def test_an_abandoned_mapping_step_leaves_no_file_past_its_retention(admin_client, settings):
    data = {"source_format": "tableur", "file": _upload(TABLEUR_CSV)}
    admin_client.post(reverse("admin:datahub_importrun_add"), data)
    assert JobFile.objects.count() == 1
    assert retention.apply(now=timezone.now() + timedelta(days=settings.ANCRAGE_UPLOAD_RETENTION_DAYS + 1))
    assert not JobFile.objects.exists()


def test_review_queue_and_undo_actions(admin_client, imported):
    imported(NATIONAL)
    imported(IDF)
    changelist = admin_client.get(reverse("admin:datahub_mergecandidate_changelist"))
    assert "Le Petit Lien" in changelist.content.decode()
    candidate = MergeCandidate.objects.get(other_name="Le Petit Lien")
    admin_client.post(
        reverse("admin:datahub_mergecandidate_changelist"),
        {"action": "confirm", "_selected_action": [candidate.pk]},
    )
    candidate.refresh_from_db()
    assert candidate.status == MergeCandidate.Status.CONFIRMED
    merge = Merge.objects.get(absorbed_name="Le Petit Lien")
    admin_client.post(reverse("admin:datahub_merge_changelist"), {"action": "undo", "_selected_action": [merge.pk]})
    merge.refresh_from_db()
    assert merge.restored_place.nom == "Le Petit Lien"
    for name in ("sourcerecord", "fieldchange", "merge", "feed"):
        assert admin_client.get(reverse(f"admin:datahub_{name}_changelist")).status_code == 200
