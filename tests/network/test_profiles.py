"""A professional's profile: opt-in with a dated consent, withdrawn or deleted by its person, audited without
personal values, withdrawn by retention when the account is deactivated."""

import pytest
import time_machine
from django.core.exceptions import PermissionDenied

from accounts.models import User
from core import retention
from core.models import AuditEntry
from network.domain import profiles
from network.models import Profile
from territory.models import Commune
from tests.factories_network import professional

pytestmark = pytest.mark.django_db

VALUES = {"job_title": "Conseillère numérique", "needs": ["demarches"], "languages": ["ar"],
          "labels": ["aidants-connect"], "other_label": "", "work_email": "camille@centre.fr",
          "work_phone": "+33169000000"}  # fmt: skip


@time_machine.travel("2026-03-02 10:00 +01:00", tick=False)
def test_a_professional_chooses_to_appear_and_the_consent_is_dated():
    camille = professional("camille@exemple.fr")
    profile = profiles.save(camille, VALUES, [Commune.objects.get(code_insee="91377")], listed=True)
    assert profile.listed and profile.consent_at.isoformat().startswith("2026-03-02T09:00")
    assert profile.search_keys == "|need:demarches|label:aidants-connect|lang:ar|"
    assert list(Profile.objects.listed()) == [profile]


def test_a_profile_saved_without_consent_does_not_appear():
    profile = profiles.save(professional("a@exemple.fr"), VALUES, [], listed=False)
    assert not profile.listed and profile.consent_at is None
    assert not Profile.objects.listed().exists()


def test_someone_without_a_profession_has_no_profile():
    with pytest.raises(PermissionDenied):
        profiles.save(User.objects.create_user("x@exemple.fr"), VALUES, [], listed=True)


def test_withdrawing_hides_the_profile_and_deleting_erases_it():
    camille = professional("camille@exemple.fr")
    profile = profiles.save(camille, VALUES, [], listed=True)
    profiles.withdraw(profile, user=camille)
    profile.refresh_from_db()
    assert not profile.listed and profile.withdrawn_at is not None
    profiles.delete(profile, user=camille)
    assert not Profile.objects.exists()


def test_someone_else_may_not_withdraw_a_profile():
    profile = profiles.save(professional("camille@exemple.fr"), VALUES, [], listed=True)
    with pytest.raises(PermissionDenied):
        profiles.withdraw(profile, user=professional("other@exemple.fr"))


def test_the_audit_names_what_changed_never_the_values():
    camille = professional("camille@exemple.fr", name="Camille Martin")
    profile = profiles.save(camille, VALUES, [], listed=True)
    profiles.save(camille, {**VALUES, "work_email": "c.martin@centre.fr"}, [], listed=False)
    entries = AuditEntry.objects.filter(object_id=str(profile.pk)).order_by("pk")
    assert [e.verb for e in entries] == ["profil créé", "retiré du réseau", "profil modifié"]
    text = " ".join(f"{e.object_repr} {e.changes} {e.note}" for e in entries)
    assert "centre.fr" not in text and "Camille" not in text and "0169" not in text
    assert "work_email" in entries.last().note


def test_a_deactivated_account_s_profile_is_withdrawn_and_its_contact_erased():
    camille = professional("camille@exemple.fr")
    profile = profiles.save(camille, VALUES, [], listed=True)
    kept = profiles.save(professional("dominique@exemple.fr"), VALUES, [], listed=True)
    User.objects.filter(pk=camille.pk).update(is_active=False)
    assert list(Profile.objects.listed()) == [kept]  # hidden at once
    with time_machine.travel("2099-01-01"):
        retention.apply()
    profile.refresh_from_db()
    kept.refresh_from_db()
    assert (profile.listed, profile.work_email, profile.work_phone) == (False, "", "")
    assert kept.listed and kept.work_email
