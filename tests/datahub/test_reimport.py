"""Re-import is idempotent; changes are kept in history; absent records are flagged; a run is atomic."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from datahub import runs
from datahub.models import FieldChange, ImportRun, SourceRecord
from directory.models import Place, Service
from tests.admin_forms import no_inline_rows
from tests.datahub.conftest import LIEUX_V1_CSV, NATIONAL

pytestmark = pytest.mark.django_db

_WRITES = ("UPDATE", "INSERT", "DELETE")
_TABLES = ('"directory_place"', '"directory_service"', '"datahub_sourcerecord"', '"datahub_fieldchange"')


def _writes(queries) -> list[str]:
    sqls = [q["sql"] for q in queries]
    return [sql for sql in sqls if sql.lstrip().upper().startswith(_WRITES) and any(t in sql for t in _TABLES)]


def test_unchanged_file_writes_nothing(imported):
    first = imported(NATIONAL)
    places, services = Place.objects.count(), Service.objects.count()
    with CaptureQueriesContext(connection) as queries:
        second = imported(NATIONAL)
    assert _writes(queries.captured_queries) == []
    assert (second.created, second.updated, second.merged) == (0, 0, 0)
    assert second.unchanged == first.rows - first.rejected
    assert (Place.objects.count(), Service.objects.count()) == (places, services)


def test_changed_field_updated_with_history(imported, tmp_path):
    first = imported(NATIONAL)
    rows = json.loads(NATIONAL.read_text())
    rows[0]["horaires"] = "Mo-Fr 09:00-12:00"
    rows[0]["telephone"] = "01 44 32 07 60"
    changed = tmp_path / NATIONAL.name
    changed.write_text(json.dumps(rows, ensure_ascii=False))
    second = imported(changed)
    assert (second.updated, second.created) == (1, 0)
    place = Place.objects.get(source_records__source_id=rows[0]["id"])
    assert place.horaires == "Mo-Fr 09:00-12:00"
    assert place.telephone == "+33144320760"
    history = {c.field: c for c in FieldChange.objects.filter(run=second, record__kind="lieu")}
    assert set(history) == {"horaires", "telephone"}
    # Its services can now be reached by phone: that change is in their history too.
    service_changes = FieldChange.objects.filter(run=second, record__kind="service")
    assert {c.field for c in service_changes} == {"modes_mobilisation"}
    assert all("telephoner" in c.new_value for c in service_changes)
    assert history["horaires"].old_value == "Mo-Th 09:00-12:00,14:00-17:00; Fr 09:00-12:00,14:00-16:00"
    assert history["horaires"].record.first_run == first
    assert place.jours_ouverture == "|1|2|3|4|5|"  # recomputed, as Place.save() does


def test_record_that_left_the_feed_is_flagged_not_deleted(imported, tmp_path):
    imported(LIEUX_V1_CSV)
    lines = LIEUX_V1_CSV.read_text(encoding="utf-8").splitlines(keepends=True)
    shorter = tmp_path / LIEUX_V1_CSV.name
    shorter.write_text("".join(lines[:-1]), encoding="utf-8")
    run = imported(shorter)
    gone_id = lines[-1].split(",")[0].strip('"')
    record = SourceRecord.objects.get(kind="lieu", source_id=gone_id)
    assert record.absent_since == timezone.localdate(run.started_at)
    assert record.place is not None
    assert SourceRecord.objects.filter(absent_since__isnull=False, kind="lieu").count() == 1
    # Back in the feed: no longer absent.
    imported(LIEUX_V1_CSV)
    record.refresh_from_db()
    assert record.absent_since is None


def test_dry_run_writes_nothing_but_reports(imported):
    run = imported(NATIONAL, dry_run=True)
    assert run.created == 34 and run.rejected == 1
    assert Place.objects.count() == 0
    assert run.issues.count() == run.rejected + run.warnings


def test_crash_mid_file_leaves_database_as_it_was(imported, monkeypatch):
    imported(LIEUX_V1_CSV)
    before = (Place.objects.count(), Service.objects.count(), SourceRecord.objects.count())
    monkeypatch.setattr(runs, "BATCH_SIZE", 5)
    calls = []
    original = runs.Writer.write_batch

    def crash_on_second_batch(self, items):
        calls.append(len(items))
        if len(calls) == 2:
            raise RuntimeError("disque plein")
        return original(self, items)

    monkeypatch.setattr(runs.Writer, "write_batch", crash_on_second_batch)
    with pytest.raises(RuntimeError):
        runs.run_import(NATIONAL, "lieux")
    assert calls == [5, 5]
    assert (Place.objects.count(), Service.objects.count(), SourceRecord.objects.count()) == before
    failed = ImportRun.objects.get(status=ImportRun.Status.FAILED)
    assert "disque plein" in failed.error
    assert (failed.created, failed.updated) == (0, 0)


def test_unreadable_file_is_a_failed_run(tmp_path):
    broken = tmp_path / "cassé.json"
    broken.write_text('[{"id": "1", ')
    run = runs.run_import(broken, "lieux")
    assert run.status == ImportRun.Status.FAILED
    assert run.error.startswith("JSON illisible")


def _lieu(**changes) -> dict:
    row = {"id": "lieu-1", "nom": "Espace numérique", "commune": "Massy", "code_postal": "91300",
           "adresse": "1 rue de Paris", "services": "Aide aux démarches administratives", "source": "cnfs",
           "horaires": "Mo-Fr 09:00-12:00", "date_maj": "2022-05-01"}  # fmt: skip
    return row | changes


def test_two_files_sending_one_record_do_not_undo_each_other(imported, tmp_path):
    """The freshest version wins; at an equal date the first kept, unless its own feed corrects it."""
    national, regional = tmp_path / "national.json", tmp_path / "regional.json"
    national.write_text(json.dumps([_lieu()]))
    regional.write_text(json.dumps([_lieu(horaires="Tu 14:00-17:00")]))
    imported(national)
    assert imported(regional).updated == 0  # same date, another feed: the first version stays
    assert Place.objects.get().horaires == "Mo-Fr 09:00-12:00"
    regional.write_text(json.dumps([_lieu(horaires="Tu 14:00-17:00", date_maj="2023-01-10")]))
    assert imported(regional).updated == 1  # newer: applied
    assert imported(national).updated == 0  # older file again: no going back
    assert Place.objects.get().horaires == "Tu 14:00-17:00"
    regional.write_text(json.dumps([_lieu(horaires="Tu 14:00-18:00", date_maj="2023-01-10")]))
    assert imported(regional).updated == 1  # the feed that wrote it corrects it at the same date
    assert Place.objects.get().horaires == "Tu 14:00-18:00"


def test_a_coordinators_correction_survives_an_import_that_leaves_the_field_unchanged(imported, tmp_path, admin_user):
    from directory.domain import writes

    feed = tmp_path / "cnfs.json"
    feed.write_text(json.dumps([_lieu(telephone="01 69 00 00 00")]))
    first = imported(feed)
    place = Place.objects.get()
    place.telephone, place.horaires = "+33160000001", "Mo-Fr 09:00-17:00"
    writes.save_place(place, user=admin_user, fields=["telephone", "horaires"])
    # The source updates its record (a new date and other hours) but repeats the same phone number.
    feed.write_text(json.dumps([_lieu(telephone="01 69 00 00 00", horaires="Mo-Sa 09:00-12:00",
                                      date_maj="2023-03-01")]))  # fmt: skip
    second = imported(feed)
    assert second.updated == 1
    place.refresh_from_db()
    assert place.telephone == "+33160000001"  # the correction stays
    assert place.horaires == "Mo-Sa 09:00-12:00"  # what the source changed is applied
    # The history says who set each value: the coordinator, then the import run.
    phone = FieldChange.objects.get(field="telephone")
    assert (phone.by, phone.run, phone.new_value) == (admin_user, None, "+33160000001")
    assert phone.record.source == "coordination" and phone.record.place == place
    hours = list(FieldChange.objects.filter(field="horaires").order_by("changed_at", "pk"))
    assert [(c.by, c.run, c.new_value) for c in hours] == [
        (admin_user, None, "Mo-Fr 09:00-17:00"), (None, second, "Mo-Sa 09:00-12:00"),
    ]  # fmt: skip
    assert first.pk != second.pk
    # The source changes the phone: its new value is news, applied.
    feed.write_text(json.dumps([_lieu(telephone="01 69 00 00 02", horaires="Mo-Sa 09:00-12:00",
                                      date_maj="2023-04-01")]))  # fmt: skip
    imported(feed)
    place.refresh_from_db()
    assert place.telephone == "+33169000002"


def test_a_correction_in_the_place_admin_is_recorded_with_its_author(imported, tmp_path, admin_client, admin_user):
    from django.urls import reverse

    feed = tmp_path / "cnfs.json"
    feed.write_text(json.dumps([_lieu()]))
    imported(feed)
    place = Place.objects.get()
    url = reverse("admin:directory_place_change", args=[place.pk])
    page = admin_client.get(url)
    form = page.context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value not in (None, [])}
    data.update({
        "nom": "Espace numérique de Massy", "courriels": "", "site_web": "", "est_publie": "on",
        **no_inline_rows(page),
    })  # fmt: skip
    for name in ("typologie", "reseaux_porteurs", "itinerance", "publics_specifiquement_adresses",
                 "prise_en_charge_specifique", "frais_a_charge", "modalites_acces", "modalites_accompagnement",
                 "dispositif_programmes_nationaux", "formations_labels"):  # fmt: skip
        data[name] = getattr(place, name)
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    change = FieldChange.objects.get(field="nom")
    assert (change.by, change.run, change.new_value) == (admin_user, None, "Espace numérique de Massy")
    feed.write_text(json.dumps([_lieu(date_maj="2023-03-01")]))
    imported(feed)
    assert Place.objects.get().nom == "Espace numérique de Massy"


def test_the_report_and_its_dry_run_count_the_records_flagged_absent(imported, tmp_path):
    imported(LIEUX_V1_CSV)
    lines = LIEUX_V1_CSV.read_text(encoding="utf-8").splitlines(keepends=True)
    shorter = tmp_path / LIEUX_V1_CSV.name
    shorter.write_text("".join(lines[:-2]), encoding="utf-8")
    trial = imported(shorter, dry_run=True)
    assert trial.absent > 2  # two places and their services
    assert trial.absent_text.endswith("seraient signalés absents de la source")
    assert not SourceRecord.objects.filter(absent_since__isnull=False).exists()
    run = imported(shorter)
    assert run.absent == trial.absent == SourceRecord.objects.filter(absent_since__isnull=False).count()
    assert run.absent_text == f"{run.absent} enregistrements signalés absents de la source"


def test_an_interrupted_import_is_not_left_running(monkeypatch):
    def interrupted(self, items):
        raise KeyboardInterrupt

    monkeypatch.setattr(runs.Writer, "write_batch", interrupted)
    with pytest.raises(KeyboardInterrupt):
        runs.run_import(LIEUX_V1_CSV, "lieux")
    assert ImportRun.objects.get().status == ImportRun.Status.FAILED


def test_a_run_whose_process_was_killed_shows_as_interrupted(settings):
    """Run every 15 minutes by the worker (datahub.tasks.close_interrupted_runs), not by a page of the admin."""
    from datetime import timedelta

    settings.ANCRAGE_IMPORT_MAX_HOURS = 6
    killed = ImportRun.objects.create(source_format="lieux", feed="cnfs")
    recent = ImportRun.objects.create(source_format="lieux", feed="dora")
    queued = ImportRun.objects.create(source_format="lieux", feed="envoi", status=ImportRun.Status.QUEUED)
    ImportRun.objects.filter(pk__in=[killed.pk, queued.pk]).update(started_at=timezone.now() - timedelta(hours=7))
    assert runs.close_interrupted_runs() == 1
    killed.refresh_from_db()
    recent.refresh_from_db()
    queued.refresh_from_db()
    assert killed.status == ImportRun.Status.FAILED and killed.error.startswith("Import interrompu")
    assert killed.finished_at is not None
    assert recent.status == ImportRun.Status.RUNNING  # may still be running
    assert queued.status == ImportRun.Status.QUEUED  # waits for a worker: not interrupted


def test_a_structures_edit_survives_the_same_import_and_yields_to_news(imported, tmp_path):
    """import → a member of the validated structure edits → the same file again keeps the member's values;
    a value the source changes is news and applies, as for a coordinator's correction."""
    from accounts.models import Membership, Structure, User
    from contributions.domain import submit

    feed = tmp_path / "cnfs.json"
    feed.write_text(json.dumps([_lieu(telephone="01 69 00 00 00")]))
    imported(feed)
    structure = Structure.objects.create(name="Espace numérique", validated=True)
    member = User.objects.create_user("membre@exemple.fr")
    Membership.objects.create(user=member, structure=structure)
    place = Place.objects.get()
    place.structure = structure
    place.save()
    submit.edit(member, place, {"horaires": "Mo-Sa 10:00-18:00", "telephone": "+33160000001"})
    assert imported(feed).updated == 0  # the very same file: nothing to apply
    feed.write_text(json.dumps([_lieu(telephone="01 69 00 00 00", date_maj="2023-03-01")]))
    imported(feed)  # a newer version repeating the same values
    place.refresh_from_db()
    assert (place.horaires, place.telephone) == ("Mo-Sa 10:00-18:00", "+33160000001")
    history = FieldChange.objects.get(field="telephone", run=None)
    assert history.by == member and history.record.source == "structure"
    # The source changes the hours: news, applied; the structure's phone number stays.
    feed.write_text(json.dumps([_lieu(telephone="01 69 00 00 00", horaires="Tu 14:00-17:00", date_maj="2023-04-01")]))
    imported(feed)
    place.refresh_from_db()
    assert (place.horaires, place.telephone) == ("Tu 14:00-17:00", "+33160000001")
    assert "horaires" not in SourceRecord.objects.get(source="structure").data  # superseded by the news


def test_a_version_without_a_date_does_not_erase_the_known_date(imported, tmp_path):
    """A file without dates (a spreadsheet renamed without its date) brings its changes, never an unknown date
    over a known one: « Informations vérifiées le … » must not become « date inconnue »."""
    feed = tmp_path / "cnfs.json"
    feed.write_text(json.dumps([_lieu()]))
    imported(feed)
    feed.write_text(json.dumps([_lieu(date_maj="", horaires="Tu 14:00-17:00")]))
    imported(feed)
    place = Place.objects.get()
    assert place.horaires == "Tu 14:00-17:00" and str(place.date_maj) == "2022-05-01"
