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
