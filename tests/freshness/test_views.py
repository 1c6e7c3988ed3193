"""The e-mailed link: a page, then one POST that confirms; refused when reused, expired or for another place."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse

from accounts.models import Membership, Structure, User
from core.models import AuditEntry
from directory.models import Place
from freshness.models import Channel, Confirmation, UpdateRequest
from freshness.tasks import send_update_requests
from tests.factories import PlaceFactory
from tests.freshness.conftest import at, confirm_path, deliver, frozen


def emailed_link(place) -> str:
    with frozen(2026, 7, 1, 9, 30):
        send_update_requests.enqueue()
        [message] = deliver()
    return confirm_path(message)


def test_opening_the_link_changes_nothing(place, client):
    path = emailed_link(place)
    with frozen(2026, 7, 2, 10, 0):
        for _ in range(2):  # a mail scanner, then the person
            response = client.get(path)
            assert response.status_code == 200
            assert "Mes informations sont à jour" in response.text and place.nom in response.text
            assert "lundi" in response.text.lower() and "Mo-Fr" not in response.text  # hours in words, not OSM
    place.refresh_from_db()
    assert place.date_maj == at(2026, 1, 1).date()
    assert not Confirmation.objects.exists()
    assert UpdateRequest.objects.get().answered_at is None


def test_the_button_confirms_once_and_the_page_says_so(place, client):
    path = emailed_link(place)
    with frozen(2026, 7, 3, 18, 0):
        response = client.post(path)
    assert response.status_code == 200
    assert "informations vérifiées le 3 juillet 2026" in response.text
    place.refresh_from_db()
    assert place.date_maj == at(2026, 7, 3).date()
    confirmation = Confirmation.objects.get()
    assert confirmation.channel == Channel.EMAIL_LINK and confirmation.by is None
    assert confirmation.request == UpdateRequest.objects.get()
    assert UpdateRequest.objects.get().state == UpdateRequest.State.CONFIRMED
    assert AuditEntry.objects.filter(verb="informations confirmées", object_id=str(place.pk)).exists()
    page = client.get(place.get_absolute_url())
    assert "Informations vérifiées le 3 juillet 2026" in page.text
    # The same link again: refused, nothing more recorded.
    with frozen(2026, 7, 4, 10, 0):
        again = client.post(path)
    assert again.status_code == 400 and "déjà servi" in again.text
    assert Confirmation.objects.count() == 1


def test_an_expired_link_is_refused(place, client, settings):
    settings.ANCRAGE_FRESHNESS_LINK_DAYS = 30
    path = emailed_link(place)
    with time_machine.travel(at(2026, 7, 1, 9, 30) + timedelta(days=31), tick=False):
        response = client.post(path)
    assert response.status_code == 400 and "expiré" in response.text
    assert not Confirmation.objects.exists()


def test_a_link_for_another_place_is_refused(place, client):
    other = PlaceFactory(nom="Autre lieu")
    path = emailed_link(place).replace(f"/lieux/{place.pk}/", f"/lieux/{other.pk}/")
    with frozen(2026, 7, 2, 10, 0):
        assert client.get(path).status_code == 400
        response = client.post(path)
        assert response.status_code == 400 and "pas valide" in response.text
        assert not Confirmation.objects.exists()
        # …and the refused attempt did not use up the genuine link.
        genuine = path.replace(f"/lieux/{other.pk}/", f"/lieux/{place.pk}/")
        assert client.post(genuine).status_code == 200
    assert Place.objects.get(pk=place.pk).date_maj == at(2026, 7, 2).date()


def test_a_tampered_link_is_refused(place, client):
    path = emailed_link(place)
    with frozen(2026, 7, 2, 10, 0):
        response = client.post(path[:-3] + "xx/")
    assert response.status_code == 400
    assert not Confirmation.objects.exists()


def test_a_request_answered_otherwise_says_so(place, client):
    from freshness.domain.confirm import confirm

    path = emailed_link(place)
    with frozen(2026, 7, 2, 10, 0):
        confirm(place, channel=Channel.PHONE)
        response = client.get(path)
        assert response.status_code == 200 and "déjà reçu une réponse" in response.text
        client.post(path)
    assert Confirmation.objects.count() == 1


# « Mes informations sont à jour » in a member's space (the « À faire » panel of /espace/).

ROLES = ["anonymous", "outsider", "other_member", "member", "structure_admin", "moderator", "coordinator"]


@pytest.fixture
def space(db):
    structure = Structure.objects.create(name="Association Lien", validated=True)
    other = Structure.objects.create(name="CCAS voisin")

    def person(name, structure=None, **extra):
        user = User.objects.create_user(f"{name}@exemple.fr", "mot-de-passe-2026", **extra)
        if structure:
            role = Membership.Role.ADMIN if name == "structure_admin" else Membership.Role.MEMBER
            Membership.objects.create(user=user, structure=structure, role=role)
        return user

    people = {
        "outsider": person("outsider"),
        "other_member": person("other_member", other),
        "member": person("member", structure),
        "structure_admin": person("structure_admin", structure),
        "moderator": person("moderator", role=User.Role.MODERATOR),
        "coordinator": person("coordinator", role=User.Role.COORDINATOR),
    }
    people["place"] = PlaceFactory(structure=structure, nom="Médiathèque Jules Verne", date_maj=at(2026, 1, 1).date())
    return people


@pytest.mark.parametrize("role", ROLES)
def test_only_the_places_members_confirm_it_from_their_space(space, client, role):
    place = space["place"]
    url = reverse("freshness:confirm-in-space", args=[place.pk])
    if role != "anonymous":
        client.force_login(space[role])
    with frozen(2026, 7, 10, 11, 0):
        response = client.post(url)
    if role in ("member", "structure_admin"):
        assert response.status_code == 302 and response["Location"] == "/espace/"
        confirmation = Confirmation.objects.get()
        assert (confirmation.channel, confirmation.by) == (Channel.MEMBER_SPACE, space[role])
        assert Place.objects.get(pk=place.pk).date_maj == at(2026, 7, 10).date()
        entry = AuditEntry.objects.get(verb="informations confirmées", object_id=str(place.pk))
        assert entry.user == space[role] and "Confirmation par un membre dans son espace" in entry.note
    else:
        assert response.status_code == (302 if role == "anonymous" else 403)
        assert not Confirmation.objects.exists()


def test_the_space_button_answers_the_request_and_says_thank_you(space, client):
    place = space["place"]
    with frozen(2026, 7, 1, 9, 30):
        send_update_requests.enqueue()
        deliver()
    client.force_login(space["member"])
    url = reverse("freshness:confirm-in-space", args=[place.pk])
    assert client.get(url).status_code == 405  # a GET changes nothing
    with frozen(2026, 7, 2, 9, 0):
        response = client.post(url, follow=True)
    assert "Merci : les informations de « Médiathèque Jules Verne » sont confirmées à jour" in response.text
    assert UpdateRequest.objects.get().state == UpdateRequest.State.CONFIRMED
