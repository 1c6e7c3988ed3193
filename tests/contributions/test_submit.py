"""An edit by a validated structure is published at once and reviewed after; a new structure's waits."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from contributions.domain import queries, submit
from contributions.models import Contribution
from core.models import AuditEntry
from datahub.models import FieldChange, SourceRecord
from directory.models import Place, Service
from freshness.models import Channel, Confirmation, UpdateRequest

pytestmark = pytest.mark.django_db
HOURS = "Mo-Fr 10:00-18:00"
PARIS = ZoneInfo("Europe/Paris")


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


# A member's applied edit of a place is a freshness confirmation (channel « modification par un membre »).


def _open_request(place):
    return UpdateRequest.objects.create(place=place, due_on=date(2026, 7, 1), sent_at=timezone.now())


def test_a_members_published_edit_confirms_the_place_and_answers_its_request(people):
    place = people["place"]
    Place.objects.filter(pk=place.pk).update(date_maj=date(2025, 1, 1))
    place.refresh_from_db()
    request = _open_request(place)
    with time_machine.travel(datetime(2026, 7, 3, 10, tzinfo=PARIS), tick=False):
        submit.edit(people["member"], place, {"horaires": HOURS})
    confirmation = Confirmation.objects.get()
    assert (confirmation.channel, confirmation.by) == (Channel.MEMBER_EDIT, people["member"])
    place.refresh_from_db()
    assert place.date_maj == date(2026, 7, 3) and place.freshness.last_confirmed_at is not None
    request.refresh_from_db()
    assert request.answered_at is not None  # no reminder will follow
    assert AuditEntry.objects.filter(verb="informations confirmées", user=people["member"]).exists()


def test_a_waiting_edit_answers_the_request_but_confirms_nothing_yet(people):
    place = people["new_place"]
    request = _open_request(place)
    submit.edit(people["newcomer"], place, {"horaires": HOURS})
    assert not Confirmation.objects.exists()
    request.refresh_from_db()
    assert request.answered_at is not None and request.outcome == "modifie"


def test_a_coordinators_or_a_service_edit_is_no_members_confirmation(people):
    submit.edit(people["coordinator"], people["place"], {"horaires": HOURS})
    submit.edit(people["member"], people["service"], {"nom": "Atelier tablette"})
    assert not Confirmation.objects.exists()
