"""The back-office pages: new import (with the spreadsheet mapping step), report, CSV, review queue, undo."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from datahub.models import ImportRun, Merge, MergeCandidate
from directory.models import Place
from tests.datahub.conftest import IDF, NATIONAL, TABLEUR_CSV

pytestmark = pytest.mark.django_db


def _upload(path):
    return SimpleUploadedFile(path.name, path.read_bytes())


def test_new_import_page_then_report_and_csv(admin_client, admin_user):
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
    assert Place.objects.count() == 0
    report = admin_client.get(response.url).content.decode()
    assert "Nom du lieu manquant" in report and "Télécharger en CSV" in report
    download = admin_client.get(reverse("admin:datahub_importrun_issues", args=[run.pk]))
    lines = download.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "ligne,identifiant,gravité,raison"
    assert any(line.startswith("30,62c820fb") and line.endswith("Ligne rejetée,Nom du lieu manquant") for line in lines)


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
    assert (run.source_format, run.created, run.file_name) == ("tableur", 10, TABLEUR_CSV.name)


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
