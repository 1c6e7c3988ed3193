"""Login by password or by an e-mailed code (django-allauth behind /connexion/), in French, throttled."""

import re

import pytest
from django.core import mail as django_mail
from django.test import Client

from accounts.models import User
from core import worker

pytestmark = pytest.mark.django_db


@pytest.fixture
def member():
    return User.objects.create_user("camille@exemple.fr", "un-mot-de-passe-solide-2026", full_name="Camille")


def sent_code() -> str:
    worker.run_pending()
    [message] = django_mail.outbox
    assert message.subject == "Votre code de connexion à Ancrage"
    return re.search(r"^\s+(\S+)\s*$", message.body, re.M).group(1)


def test_the_login_page_offers_both_ways_in_french(client):
    html = client.get("/connexion/").content.decode()
    assert "Se connecter" in html and "Recevoir un code de connexion" in html and "Mot de passe oublié" in html
    assert 'lang="fr"' in html and "<script" not in html.split("</main>")[0].split("<main")[1]


def test_password_login_then_logout(client, member):
    response = client.post("/connexion/", {"login": "Camille@Exemple.fr", "password": "un-mot-de-passe-solide-2026"})
    assert response.status_code == 302 and response.url == "/compte/"
    assert "camille@exemple.fr" in client.get("/compte/").content.decode()
    assert client.post("/deconnexion/").status_code == 302
    assert client.get("/compte/").status_code == 302  # back to the login page


def test_a_wrong_password_says_so_in_french_and_keeps_the_address(client, member):
    response = client.post("/connexion/", {"login": "camille@exemple.fr", "password": "faux"})
    html = response.content.decode()
    assert response.status_code == 200 and "Le formulaire contient 1 erreur" in html
    assert "L’adresse e-mail ou le mot de passe sont incorrects" in html and 'value="camille@exemple.fr"' in html


def test_login_by_code_sent_by_e_mail(client, member):
    response = client.post("/compte/login/code/", {"email": "camille@exemple.fr"})
    assert response.status_code == 302 and response.url == "/compte/login/code/confirm/"
    code = sent_code()
    page = client.get(response.url).content.decode()
    assert "camille@exemple.fr" in page and "Taper le code reçu" in page
    response = client.post("/compte/login/code/confirm/", {"code": code})
    assert response.status_code == 302 and response.url == "/compte/"
    assert int(client.session["_auth_user_id"]) == member.pk


def test_a_wrong_code_is_refused(client, member):
    client.post("/compte/login/code/", {"email": "camille@exemple.fr"})
    sent_code()
    response = client.post("/compte/login/code/confirm/", {"code": "ZZZZZZ"})
    assert "_auth_user_id" not in client.session
    assert response.status_code == 200 and "Le formulaire contient" in response.content.decode()


def test_an_unknown_address_is_not_revealed_and_gets_a_plain_french_mail(client):
    response = client.post("/compte/login/code/", {"email": "inconnu@exemple.fr"})
    assert response.status_code == 302  # the same answer as for a known address
    worker.run_pending()
    [message] = django_mail.outbox
    assert message.subject == "Aucun compte Ancrage à cette adresse" and "inviter" in message.body


def test_code_requests_for_one_address_are_throttled(member):
    for _ in range(3):
        assert Client().post("/compte/login/code/", {"email": "camille@exemple.fr"}).status_code == 302
    refused = Client().post("/compte/login/code/", {"email": "camille@exemple.fr"})
    assert refused.status_code == 200 and "Trop de tentatives" in refused.content.decode()
    worker.run_pending()
    assert len(django_mail.outbox) == 3


def test_a_deactivated_account_cannot_log_in(client, member):
    member.is_active = False
    member.save()
    client.post("/connexion/", {"login": "camille@exemple.fr", "password": "un-mot-de-passe-solide-2026"})
    assert "_auth_user_id" not in client.session


def test_there_is_no_public_sign_up(client):
    response = client.get("/compte/signup/")
    assert "_auth_user_id" not in client.session
    assert response.status_code in (200, 403) and "inscription" in response.content.decode().lower()


def test_a_forgotten_password_is_reset_by_a_french_e_mail_link(client, member):
    response = client.post("/compte/password/reset/", {"email": "camille@exemple.fr"})
    assert response.status_code == 302
    worker.run_pending()
    [message] = django_mail.outbox
    assert message.subject == "Choisir un nouveau mot de passe pour Ancrage"
    link = re.search(r"http\S+", message.body).group(0).split("127.0.0.1:8000", 1)[-1]
    form = client.get(link, follow=True)
    assert form.status_code == 200
    response = client.post(
        form.redirect_chain[-1][0] if form.redirect_chain else link,
        {"password1": "un-nouveau-mot-de-passe-2026", "password2": "un-nouveau-mot-de-passe-2026"},
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.check_password("un-nouveau-mot-de-passe-2026")
