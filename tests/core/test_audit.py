import pytest
from django.urls import reverse

from core import audit
from core.models import AuditEntry
from tests.factories import PlaceFactory


@pytest.mark.django_db
def test_an_entry_says_who_what_which_fields_and_when(admin_user):
    place = PlaceFactory(nom="Avant")
    before = audit.snapshot(place, ["nom", "commune"])
    place.nom = "Après"
    entry = audit.record(
        place,
        "modifié",
        user=admin_user,
        changes=audit.changes_between(before, audit.snapshot(place, ["nom", "commune"])),
    )
    assert entry.actor == admin_user.get_username()
    assert entry.changes == {"nom": ["Avant", "Après"]}
    assert list(audit.entries_for(place)) == [entry]
    job_entry = audit.record(place, "marqué absent", actor="import n° 3")
    assert job_entry.user is None and job_entry.actor == "import n° 3"


@pytest.mark.django_db
def test_the_journal_is_readable_and_exportable_in_the_admin(admin_client, admin_user):
    place = PlaceFactory()
    audit.record(place, "fusionné", user=admin_user, changes={"nom": ["A", "B"]}, note="même adresse")
    page = admin_client.get(reverse("admin:core_auditentry_changelist"))
    assert "fusionné" in page.content.decode()
    export = admin_client.post(
        reverse("admin:core_auditentry_changelist"),
        {"action": "export_csv", "_selected_action": [AuditEntry.objects.get().pk]},
    )
    assert export["Content-Type"].startswith("text/csv")
    assert "même adresse" in export.content.decode()


@pytest.mark.django_db
def test_every_error_report_status_change_writes_an_entry(admin_client, admin_user):
    from directory.models import ErrorReport
    from tests.factories import ErrorReportFactory

    report = ErrorReportFactory(status=ErrorReport.Status.NEW)
    admin_client.post(
        reverse("admin:directory_errorreport_changelist"),
        {"action": "mark_done", "_selected_action": [report.pk]},
    )
    [entry] = audit.entries_for(report)
    assert (entry.actor, entry.verb, entry.changes) == (
        admin_user.get_username(),
        "état changé",
        {"status": ["nouveau", "traite"]},
    )
    history = admin_client.get(reverse("admin:directory_errorreport_history", args=[report.pk])).content.decode()
    assert "état changé" in history and "nouveau → traite" in history


@pytest.mark.django_db
def test_merge_decisions_write_entries(admin_user):
    from datahub.merging.actions import confirm_candidate, refuse_candidate
    from datahub.models import MergeCandidate

    a, b, c = PlaceFactory(nom="A"), PlaceFactory(nom="B"), PlaceFactory(nom="C")
    b_number = b.pk
    confirm_candidate(
        MergeCandidate.objects.create(place=a, other=b, other_name="B", reasons="même adresse"), user=admin_user
    )
    refused = MergeCandidate.objects.create(place=a, other=c, other_name="C", reasons="nom proche")
    refuse_candidate(refused, user=admin_user)
    assert [(e.verb, e.note) for e in audit.entries_for(a)] == [
        ("fusion", f"« B » (n° {b_number}) absorbé : même adresse")
    ]
    assert [e.verb for e in audit.entries_for(refused)] == ["doublon refusé"]
    assert all(e.user == admin_user for e in AuditEntry.objects.all())
