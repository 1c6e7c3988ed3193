"""The optional second factor (TOTP, django-allauth's MFA) for coordinators and moderators."""

import pytest
from allauth.mfa.totp.internal.auth import (
    SECRET_SESSION_KEY,
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)

from accounts.models import User

pytestmark = pytest.mark.django_db
PASSWORD = "un-mot-de-passe-solide-2026"


def current_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, next(iter(yield_hotp_counters_from_time()))))


@pytest.fixture
def coordinator():
    return User.objects.create_user("coord@exemple.fr", PASSWORD, role=User.Role.COORDINATOR, is_staff=True)


def test_a_coordinator_is_offered_the_second_factor_and_turns_it_on(client, coordinator):
    client.post("/connexion/", {"login": coordinator.email, "password": PASSWORD})
    assert "Double authentification" in client.get("/compte/").content.decode()
    asked = client.get("/compte/2fa/totp/activate/")  # turning it on asks for the password again
    assert asked.status_code == 302 and asked.url.startswith("/compte/reauthenticate/")
    assert "Mot de passe" in client.get(asked.url).content.decode()
    client.post(asked.url, {"password": PASSWORD})
    page = client.get("/compte/2fa/totp/activate/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "<script" not in html.split("<main")[1].split("</main>")[0]
    secret = client.session[SECRET_SESSION_KEY]
    response = client.post("/compte/2fa/totp/activate/", {"code": current_code(secret)})
    assert response.status_code == 302
    assert coordinator.authenticator_set.filter(type="totp").exists()


def test_a_member_is_not_pressed_to_use_it(client):
    member = User.objects.create_user("m@exemple.fr", PASSWORD)
    client.post("/connexion/", {"login": member.email, "password": PASSWORD})
    assert "Double authentification" not in client.get("/compte/").content.decode()


def test_with_the_second_factor_the_password_alone_does_not_log_in(client, coordinator):
    secret = generate_totp_secret()
    TOTP.activate(coordinator, secret)
    response = client.post("/connexion/?next=/admin/", {"login": coordinator.email, "password": PASSWORD})
    assert response.status_code == 302 and response.url == "/compte/2fa/authenticate/"
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302  # not yet in
    wrong = client.post("/compte/2fa/authenticate/", {"code": "000000"})
    assert wrong.status_code == 200 and "_auth_user_id" not in client.session
    response = client.post("/compte/2fa/authenticate/", {"code": current_code(secret)})
    assert response.status_code == 302 and response.url == "/admin/"
    assert client.get("/admin/").status_code == 200
