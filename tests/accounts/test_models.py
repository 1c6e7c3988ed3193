import pytest
from django.contrib.auth import authenticate
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.test import RequestFactory

from accounts.models import Membership, Structure, User
from tests.factories import PlaceFactory

pytestmark = pytest.mark.django_db


def test_the_login_is_the_e_mail_address_whatever_its_case():
    user = User.objects.create_user("Camille.Martin@Exemple.FR", "mot-de-passe-2026")
    assert user.email == "camille.martin@exemple.fr" and user.get_username() == user.email
    assert (
        authenticate(RequestFactory().post("/"), username="CAMILLE.martin@exemple.fr", password="mot-de-passe-2026")
        == user
    )
    assert authenticate(RequestFactory().post("/"), username="camille.martin@exemple.fr", password="faux") is None
    with pytest.raises(IntegrityError):
        User.objects.create_user("camille.martin@EXEMPLE.fr", "autre")


def test_an_account_without_password_cannot_log_in_by_password():
    user = User.objects.create_user("code@exemple.fr")
    assert not user.has_usable_password()
    assert authenticate(RequestFactory().post("/"), username="code@exemple.fr", password="") is None


def test_a_superuser_is_a_coordinator_and_a_deactivated_one_is_not():
    root = User.objects.create_superuser("root@exemple.fr", "mot-de-passe-2026")
    assert root.is_coordinator and root.is_staff and root.role == User.Role.COORDINATOR
    root.is_active = False
    assert not root.is_coordinator


def test_a_coordinator_by_role_holds_the_back_office_permissions():
    coordinator = User.objects.create_user("c@exemple.fr", "x", role=User.Role.COORDINATOR, is_staff=True)
    assert coordinator.has_perm("datahub.add_importrun") and coordinator.has_module_perms("core")
    moderator = User.objects.create_user("m@exemple.fr", "x", role=User.Role.MODERATOR)
    assert not moderator.has_perm("datahub.add_importrun")


def test_structure_identifiers_are_cleaned_and_validated():
    structure = Structure(name="Association", siret="130 025 265 00013", rna="w751234567")
    structure.full_clean()
    assert structure.siret == "13002526500013" and structure.rna == "W751234567"
    wrong = Structure(name="Association", siret="13002526500012", rna="W12")
    with pytest.raises(ValidationError) as error:
        wrong.full_clean()
    assert set(error.value.message_dict) == {"siret", "rna"}


def test_one_membership_per_person_and_structure_and_places_belong_to_a_structure():
    structure = Structure.objects.create(name="Médiathèques de Massy", kind=Structure.Kind.LIBRARY_NETWORK)
    user = User.objects.create_user("m@exemple.fr")
    Membership.objects.create(user=user, structure=structure, role=Membership.Role.ADMIN)
    assert list(structure.admins()) == [user] and list(user.structures.all()) == [structure]
    with pytest.raises(IntegrityError):
        Membership.objects.create(user=user, structure=structure)


def test_a_deleted_structure_leaves_its_places_in_place():
    structure = Structure.objects.create(name="Association")
    place = PlaceFactory(structure=structure)
    assert list(structure.places.all()) == [place]
    structure.delete()
    place.refresh_from_db()
    assert place.structure is None
