"""Invitations and « Je travaille dans cette structure » requests: domain functions and their pages."""

import re

import pytest
from django.core import mail as django_mail
from django.core.exceptions import PermissionDenied, ValidationError

from accounts.domain import membership as domain
from accounts.models import JoinRequest, Membership, Structure, User
from core import worker
from core.audit import entries_for
from core.signing import ExpiredLink, UsedLink

pytestmark = pytest.mark.django_db


@pytest.fixture
def structure():
    return Structure.objects.create(name="Association Lien", email="contact@lien.fr")


@pytest.fixture
def admin(structure):
    person = User.objects.create_user("admin@lien.fr", "x", full_name="Alix Admin")
    Membership.objects.create(user=person, structure=structure, role=Membership.Role.ADMIN)
    return person


def outbox():
    worker.run_pending()
    return django_mail.outbox


def link_in(message) -> str:
    return re.search(r"http\S+/compte/invitation/\S+/", message.body).group(0)


def test_an_admin_invites_and_the_link_makes_a_new_person_a_member_once(client, structure, admin):
    domain.invite(structure, "Nouveau@Lien.fr", Membership.Role.MEMBER, by=admin)
    [message] = outbox()
    assert message.to == ["nouveau@lien.fr"] and "Association Lien" in message.subject
    path = link_in(message).split("127.0.0.1:8000", 1)[-1]
    page = client.get(path)
    assert page.status_code == 200 and "Accepter l’invitation" in page.content.decode()
    assert not User.objects.filter(email="nouveau@lien.fr").exists()  # opening the link accepts nothing
    response = client.post(path)
    assert response.status_code == 302 and response.url == "/compte/"
    person = User.objects.get(email="nouveau@lien.fr")
    assert Membership.objects.get(user=person, structure=structure).role == Membership.Role.MEMBER
    assert int(client.session["_auth_user_id"]) == person.pk
    again = client.post(path)
    assert again.status_code == 410 and "déjà servi" in again.content.decode()
    assert entries_for(structure).filter(verb="invitation acceptée").count() == 1


def test_an_invitation_expires(structure, admin, settings):
    token = domain.invite(structure, "tard@lien.fr", Membership.Role.MEMBER, by=admin)
    settings.ANCRAGE_INVITATION_DAYS = 0
    with pytest.raises(ExpiredLink):
        domain.accept_invitation(token)


def test_an_invitation_forwarded_to_someone_logged_in_elsewhere_does_nothing(client, structure, admin):
    token = domain.invite(structure, "invite@lien.fr", Membership.Role.ADMIN, by=admin)
    other = User.objects.create_user("autre@ailleurs.fr")
    client.force_login(other)
    response = client.post(f"/compte/invitation/{token}/")
    assert response.status_code == 400 and "adressée à invite@lien.fr" in response.content.decode()
    assert not Membership.objects.filter(user=other).exists()
    domain.accept_invitation(token)  # still usable by the right person
    with pytest.raises(UsedLink):
        domain.accept_invitation(token)


def test_only_the_structures_admin_or_a_coordinator_may_invite(structure, admin):
    member = User.objects.create_user("membre@lien.fr")
    Membership.objects.create(user=member, structure=structure)
    with pytest.raises(PermissionDenied):
        domain.invite(structure, "x@lien.fr", Membership.Role.ADMIN, by=member)
    with pytest.raises(ValidationError):
        domain.invite(structure, "membre@lien.fr", Membership.Role.MEMBER, by=admin)
    coordinator = User.objects.create_user("c@territoire.fr", role=User.Role.COORDINATOR)
    domain.invite(structure, "x@lien.fr", Membership.Role.ADMIN, by=coordinator)


def test_a_join_request_is_sent_to_the_admins_then_accepted(client, structure, admin):
    person = User.objects.create_user("camille@lien.fr", full_name="Camille")
    client.force_login(person)
    response = client.post(
        f"/compte/structures/{structure.pk}/", {"action": "rejoindre", "message": "Je suis médiatrice ici."}
    )
    assert response.status_code == 302
    [message] = outbox()
    assert message.to == ["admin@lien.fr"] and "Camille demande à rejoindre" in message.subject
    assert "médiatrice" in message.body
    again = client.post(f"/compte/structures/{structure.pk}/", {"action": "rejoindre"}).content.decode()
    assert "Votre demande est envoyée" in again
    with pytest.raises(ValidationError, match="déjà envoyée"):
        domain.request_to_join(person, structure)
    join = JoinRequest.objects.get()
    client.force_login(admin)
    page = client.get(f"/compte/structures/{structure.pk}/").content.decode()
    assert "Accepter Camille" in page
    client.post(
        f"/compte/structures/{structure.pk}/", {"action": "decider", "demande": join.pk, "decision": "accepter"}
    )
    join.refresh_from_db()
    assert join.status == JoinRequest.Status.ACCEPTED and join.decided_by == admin
    assert Membership.objects.filter(user=person, structure=structure, role=Membership.Role.MEMBER).exists()
    assert "acceptée" in outbox()[-1].subject and outbox()[-1].to == ["camille@lien.fr"]


def test_a_refusal_tells_the_reason_and_an_outsider_cannot_decide(structure, admin):
    person = User.objects.create_user("p@ailleurs.fr")
    join = domain.request_to_join(person, structure)
    with pytest.raises(PermissionDenied):
        domain.decide(join, True, by=User.objects.create_user("intrus@ailleurs.fr"))
    domain.decide(join, False, by=admin, reason="Nous ne vous connaissons pas.")
    assert not Membership.objects.filter(user=person).exists()
    assert "Nous ne vous connaissons pas." in outbox()[-1].body
    with pytest.raises(ValidationError):
        domain.decide(join, True, by=admin)


def test_a_request_to_a_structure_without_admin_goes_to_the_coordination(structure):
    User.objects.create_user("coordination@territoire.fr", role=User.Role.COORDINATOR)
    domain.request_to_join(User.objects.create_user("p@lien.fr"), structure)
    assert outbox()[-1].to == ["coordination@territoire.fr"]
    assert list(domain.structures_without_admin()) == [structure]


def test_an_outsider_sees_no_members_of_a_structure(client, structure, admin):
    client.force_login(User.objects.create_user("curieux@ailleurs.fr"))
    page = client.get(f"/compte/structures/{structure.pk}/").content.decode()
    assert "Alix Admin" not in page and "Je travaille dans cette structure" in page
    assert "Inviter une personne" not in page
