"""A citizen's participation account: created by an e-mailed single-use link, never opening an existing one."""

import pytest
from django.urls import reverse

from accounts.models import User
from civic.domain.participants import public_name
from tests.civic.conftest import deliver, link_in

pytestmark = pytest.mark.django_db


def test_public_names_show_a_first_name_and_an_initial():
    assert public_name("Camille Durand") == "Camille D."
    assert public_name("Jean Pierre de la Fontaine") == "Jean F."
    assert public_name("Zoé") == "Zoé"
    assert public_name("") == "Participant·e"


def test_the_link_creates_a_roleless_account_logs_it_in_and_serves_once(client):
    debate_path = "/debats/quartiers/"
    response = client.post(
        reverse("civic:participate") + "?suite=" + debate_path,
        {"full_name": "Camille Durand", "email": "Camille@Exemple.fr", "consent": "on"},
    )
    assert "Regardez vos e-mails" in response.content.decode()
    assert not User.objects.exists()
    path = link_in(deliver()[0], "/debats/participer/")
    assert "Créer mon compte" in client.get(path).content.decode() and not User.objects.exists()
    response = client.post(path)
    user = User.objects.get()
    assert response.url == debate_path
    assert user.email == "camille@exemple.fr" and user.role == "" and not user.has_usable_password()
    assert client.get(reverse("civic:debates")).wsgi_request.user == user
    client.logout()
    assert client.post(path).status_code == 400  # single use


def test_an_existing_address_gets_no_link_that_would_open_its_account(client):
    User.objects.create_user("coord@exemple.fr", "x", role=User.Role.COORDINATOR)
    client.post(reverse("civic:participate"), {"full_name": "A B", "email": "coord@exemple.fr", "consent": "on"})
    message = deliver()[0]
    assert "/debats/participer/" not in message.body and "/connexion/" in message.body


def test_consent_is_required_and_the_next_address_must_be_local(client):
    page = client.post(reverse("civic:participate"), {"full_name": "A B", "email": "a@exemple.fr"}).content.decode()
    assert "Cochez la case pour continuer." in page
    client.post(
        reverse("civic:participate") + "?suite=//ailleurs.example",
        {"full_name": "A B", "email": "a@exemple.fr", "consent": "on"},
    )
    path = link_in(deliver()[0], "/debats/participer/")
    assert client.post(path).url == reverse("civic:debates")
