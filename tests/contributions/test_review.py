"""A moderator accepts or reverts each field; a revert writes the old value back; the author is told why."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied

from contributions.domain import review, submit
from contributions.models import Contribution, FieldEdit
from core import worker
from core.models import AuditEntry
from datahub.models import SourceRecord
from directory.models import Place, Service
from freshness.models import Channel, Confirmation

pytestmark = pytest.mark.django_db
HOURS = "Mo-Fr 10:00-18:00"


def test_reverting_one_published_field_writes_the_old_value_back_and_tells_the_author(people):
    place = people["place"]
    contribution = submit.edit(people["member"], place, {"horaires": HOURS, "telephone": "+33160000001"})
    review.decide(contribution, people["moderator"], {"horaires": False, "telephone": True},
                  "Le lieu ferme à 17 h, voyez son affichage.")  # fmt: skip
    place.refresh_from_db()
    assert place.horaires == "Mo-Fr 09:00-12:00,14:00-17:00" and place.telephone == "+33160000001"
    contribution.refresh_from_db()
    assert contribution.status == Contribution.Status.PARTLY and contribution.reviewed_by == people["moderator"]
    decisions = dict(contribution.fields.values_list("field", "decision"))
    assert decisions == {"horaires": FieldEdit.Decision.REVERTED, "telephone": FieldEdit.Decision.ACCEPTED}
    # The structure's record no longer claims the reverted hours.
    assert "horaires" not in SourceRecord.objects.get(source="structure", kind="lieu").data
    assert AuditEntry.objects.filter(verb="relue", user=people["moderator"]).exists()
    worker.run_pending()
    assert mail.outbox[0].to == ["member@exemple.fr"]
    assert "Le lieu ferme à 17 h" in mail.outbox[0].body and "Horaires" in mail.outbox[0].body
    assert "une partie est gardée, le reste est annulé" in mail.outbox[0].body  # not « pas de suite »


def test_accepting_a_pending_edit_publishes_it(people):
    place = people["new_place"]
    contribution = submit.edit(people["newcomer"], place, {"horaires": HOURS})
    review.decide(contribution, people["coordinator"], {"horaires": True})
    assert Place.objects.get(pk=place.pk).horaires == HOURS
    assert SourceRecord.objects.get(source="structure").data == {"horaires": HOURS}
    worker.run_pending()
    assert "c’est accepté" in mail.outbox[0].body


def test_a_refused_pending_edit_is_never_applied_and_needs_a_reason(people):
    place = people["new_place"]
    contribution = submit.edit(people["newcomer"], place, {"nom": "Nom farfelu"})
    with pytest.raises(ValueError):
        review.decide(contribution, people["moderator"], {"nom": False}, " ")
    review.decide(contribution, people["moderator"], {"nom": False}, "Ce n’est pas le nom du lieu.")
    assert Place.objects.get(pk=place.pk).nom == "Maison des jeunes"
    contribution.refresh_from_db()
    assert contribution.status == Contribution.Status.REVERTED
    with pytest.raises(ValueError):  # decided once
        review.decide(contribution, people["moderator"], {"nom": True})


def test_a_value_changed_since_is_not_overwritten_by_a_revert(people):
    place = people["place"]
    contribution = submit.edit(people["member"], place, {"horaires": HOURS})
    submit.edit(people["coordinator"], Place.objects.get(pk=place.pk), {"horaires": "Sa 09:00-12:00"})
    review.decide(contribution, people["moderator"], {"horaires": False}, "Erreur.")
    assert Place.objects.get(pk=place.pk).horaires == "Sa 09:00-12:00"
    assert contribution.fields.get().note.startswith("La valeur a changé")


def test_reverting_an_added_service_removes_it_and_a_deleted_one_comes_back(people):
    added = submit.add_service(people["member"], people["place"], {"nom": "Atelier tablette"})
    review.decide(added, people["moderator"], {"tout": False}, "Ce service n’existe pas.")
    assert not Service.objects.filter(nom="Atelier tablette").exists()
    gone = submit.delete_service(people["member"], people["service"])
    review.decide(gone, people["moderator"], {"tout": False}, "Le service existe toujours.")
    assert Service.objects.get(place=people["place"]).nom == "Aide aux démarches administratives"


def test_accepting_a_pending_new_service_creates_it(people):
    added = submit.add_service(people["newcomer"], people["new_place"], {"nom": "Atelier smartphone"})
    review.decide(added, people["moderator"], {"tout": True})
    assert people["new_place"].services.get().nom == "Atelier smartphone"


def test_only_moderators_and_coordinators_decide(people):
    contribution = submit.edit(people["member"], people["place"], {"horaires": HOURS})
    for role in ("member", "structure_admin", "outsider", "other_member"):
        with pytest.raises(PermissionDenied):
            review.decide(contribution, people[role], {"horaires": True})


def test_a_members_waiting_edit_accepted_confirms_the_place_in_the_members_name(people):
    place = people["new_place"]
    contribution = submit.edit(people["newcomer"], place, {"horaires": HOURS})
    assert not Confirmation.objects.exists()
    review.decide(contribution, people["moderator"], {"horaires": True})
    confirmation = Confirmation.objects.get()
    assert (confirmation.place, confirmation.channel, confirmation.by) == (
        place, Channel.MEMBER_EDIT, people["newcomer"]
    )  # fmt: skip


def test_a_waiting_edit_reverted_whole_confirms_nothing(people):
    contribution = submit.edit(people["newcomer"], people["new_place"], {"horaires": HOURS})
    review.decide(contribution, people["moderator"], {"horaires": False}, "Horaires inconnus de la mairie.")
    assert not Confirmation.objects.exists()


def test_a_phone_number_is_read_as_people_dial_it():
    from contributions.fields import readable
    from directory.models import Place

    assert readable(Place, "telephone", "+33160000001") == "01 60 00 00 01"
