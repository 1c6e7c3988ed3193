"""The back office for people and structures, and the place admin asking `can()`."""

import pytest
from django.urls import reverse

from accounts.models import Membership, Structure, User
from core.audit import entries_for
from tests.factories import PlaceFactory

pytestmark = pytest.mark.django_db


def test_a_coordinator_by_role_uses_the_whole_back_office(client):
    coordinator = User.objects.create_user("c@exemple.fr", "x", role=User.Role.COORDINATOR, is_staff=True)
    client.force_login(coordinator)
    place = PlaceFactory()
    for url in [
        "/admin/",
        reverse("admin:directory_place_change", args=[place.pk]),
        reverse("admin:accounts_structure_changelist"),
        reverse("admin:datahub_importrun_add"),
    ]:
        assert client.get(url).status_code == 200, url


def test_staff_without_the_coordination_role_cannot_change_places(client):
    staff = User.objects.create_user("s@exemple.fr", "x", is_staff=True, role=User.Role.MODERATOR)
    client.force_login(staff)
    place = PlaceFactory(est_publie=False)
    page = client.get(reverse("admin:directory_place_change", args=[place.pk]))
    assert page.status_code == 200 and "Enregistrer" not in page.content.decode()  # viewed, read-only
    response = client.post(reverse("admin:directory_place_change", args=[place.pk]), {"nom": "Piraté"})
    assert response.status_code == 403
    place.refresh_from_db()
    assert place.nom != "Piraté"
    assert client.get(reverse("admin:accounts_user_changelist")).status_code == 403


def test_a_new_person_gets_an_e_mail_login_and_the_coordination_role_opens_the_back_office(admin_client, admin_user):
    response = admin_client.post(
        reverse("admin:accounts_user_add"),
        {"email": "Nouvelle@Exemple.fr", "full_name": "Nouvelle Personne", "usable_password": "false"},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    person = User.objects.get(email="nouvelle@exemple.fr")
    assert not person.has_usable_password() and not person.is_staff
    data = {
        "email": person.email,
        "full_name": person.full_name,
        "profession": "",
        "role": User.Role.COORDINATOR,
        "is_active": "on",
        "date_joined_0": "2026-01-01",
        "date_joined_1": "10:00:00",
        "memberships-TOTAL_FORMS": "0",
        "memberships-INITIAL_FORMS": "0",
    }
    response = admin_client.post(reverse("admin:accounts_user_change", args=[person.pk]), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    person.refresh_from_db()
    assert person.role == User.Role.COORDINATOR and person.is_staff
    entry = entries_for(person).get(verb="rôle changé")
    assert entry.user == admin_user and entry.changes["role"] == ["", "coordination"]


def test_structures_without_an_admin_are_flagged(admin_client):
    lonely = Structure.objects.create(name="CCAS sans personne")
    tended = Structure.objects.create(name="Association tenue")
    Membership.objects.create(user=User.objects.create_user("a@exemple.fr"), structure=tended, role="admin")
    url = reverse("admin:accounts_structure_changelist")
    listed = admin_client.get(url, {"admin": "sans"}).context["cl"].result_list
    assert list(listed) == [lonely]
    assert "sans administrateur (1)" in admin_client.get(url).content.decode()


def test_a_wrong_siret_is_refused_in_french(admin_client):
    response = admin_client.post(
        reverse("admin:accounts_structure_add"),
        {
            "name": "Association",
            "kind": "association",
            "siret": "13002526500012",
            "rna": "",
            "email": "",
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200 and "SIRET n’est pas valide" in response.content.decode()
    assert not Structure.objects.exists()
