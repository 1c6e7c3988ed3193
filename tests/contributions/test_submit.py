"""An edit by a validated structure is published at once and reviewed after; a new structure's waits."""

import pytest
from django.core.exceptions import PermissionDenied

from contributions.domain import queries, submit
from contributions.models import Contribution
from core.models import AuditEntry
from datahub.models import FieldChange, SourceRecord
from directory.models import Place, Service

pytestmark = pytest.mark.django_db
HOURS = "Mo-Fr 10:00-18:00"


def test_a_validated_structures_edit_is_public_at_once_and_waits_for_review(people):
    place = people["place"]
    contribution = submit.edit(people["member"], place, {"horaires": HOURS, "nom": place.nom})
    assert contribution.status == Contribution.Status.PUBLISHED
    assert Place.objects.get(pk=place.pk).horaires == HOURS
    assert Place.objects.get(pk=place.pk).jours_ouverture == "|1|2|3|4|5|"  # derived data refreshed
    assert [(f.field, f.old_value, f.new_value) for f in contribution.fields.all()] == [
        ("horaires", "Mo-Fr 09:00-12:00,14:00-17:00", HOURS)
    ]
    # Recorded by the data hub as the structure's own source, with its author.
    change = FieldChange.objects.get(field="horaires")
    assert change.by == people["member"] and change.record.source == "structure"
    assert AuditEntry.objects.filter(verb="publiée, à relire").count() == 1


def test_a_new_structures_edit_is_not_public_until_accepted(people):
    place = people["new_place"]
    contribution = submit.edit(people["newcomer"], place, {"horaires": HOURS})
    assert contribution.status == Contribution.Status.PENDING
    assert Place.objects.get(pk=place.pk).horaires != HOURS
    assert not SourceRecord.objects.filter(source="structure").exists()
    assert queries.with_pending(Place.objects.get(pk=place.pk)).horaires == HOURS  # the preview shows it


def test_a_newer_pending_edit_replaces_an_older_one_on_the_same_field(people):
    place = people["new_place"]
    first = submit.edit(people["newcomer"], place, {"horaires": HOURS})
    submit.edit(people["newcomer"], place, {"horaires": "Sa 10:00-12:00"})
    first.refresh_from_db()
    assert first.status == Contribution.Status.REVERTED
    assert first.fields.get().note.startswith("Remplacée")
    assert queries.with_pending(Place.objects.get(pk=place.pk)).horaires == "Sa 10:00-12:00"


def test_nothing_changed_makes_no_contribution(people):
    place = people["place"]
    same = {"nom": place.nom, "modalites_acces": ["Téléphoner", "Se présenter"]}  # another order
    assert submit.edit(people["member"], place, same) is None
    assert not Contribution.objects.exists()


def test_only_the_structures_people_may_edit(people):
    for role in ("outsider", "other_member", "newcomer"):
        with pytest.raises(PermissionDenied):
            submit.edit(people[role], people["place"], {"horaires": HOURS})
    assert not Contribution.objects.exists()


def test_a_coordinators_edit_needs_no_review(people):
    contribution = submit.edit(people["coordinator"], people["place"], {"horaires": HOURS})
    assert contribution.status == Contribution.Status.ACCEPTED
    assert FieldChange.objects.get().record.source == "coordination"


def test_services_added_and_deleted(people):
    place, new_place = people["place"], people["new_place"]
    added = submit.add_service(people["member"], place, {"nom": "Atelier tablette", "mediation": []})
    assert added.service.source == "structure" and added.status == Contribution.Status.PUBLISHED
    waiting = submit.add_service(people["newcomer"], new_place, {"nom": "Atelier smartphone"})
    assert waiting.service is None and not new_place.services.exists()
    gone = submit.delete_service(people["member"], people["service"])
    assert gone.status == Contribution.Status.PUBLISHED
    assert not Service.objects.filter(pk=people["service"].pk).exists()
    assert gone.fields.get(field="nom").old_value == "Aide aux démarches administratives"
