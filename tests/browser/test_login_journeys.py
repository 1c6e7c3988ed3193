"""Logging in, as people do it: by password or by an e-mailed code, by keyboard, without JavaScript; and no
axe-core violation on any page of the way (1280 and 320 px; axe itself needs JavaScript, so it runs in a
second pass with it on)."""

import re

import pytest
from django.core import mail as django_mail

from accounts.models import User
from core import worker
from tests.browser.conftest import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "un-mot-de-passe-solide-2026"


@pytest.fixture
def no_js_page(browser, live_server):
    context = browser.new_context(locale="fr-FR", java_script_enabled=False, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def member(db):
    return User.objects.create_user("camille@exemple.fr", PASSWORD, full_name="Camille Martin")


def test_password_login_by_keyboard_without_javascript(no_js_page, live_server, member):
    page = no_js_page
    page.goto(live_server.url + "/connexion/")
    page.get_by_label("Courriel").focus()
    page.keyboard.type("camille@exemple.fr")
    page.keyboard.press("Tab")
    page.keyboard.type("faux")
    page.keyboard.press("Enter")
    assert page.get_by_role("alert").inner_text().startswith("Le formulaire contient 1 erreur")
    page.get_by_label("Mot de passe", exact=True).fill(PASSWORD)
    page.get_by_label("Mot de passe", exact=True).press("Enter")
    page.wait_for_url("**/compte/")
    assert page.get_by_role("heading", name="Mon compte").is_visible()
    assert "camille@exemple.fr" in page.content()
    page.get_by_role("button", name="Se déconnecter").click()
    page.goto(live_server.url + "/compte/")
    assert page.url.startswith(live_server.url + "/connexion/")


def test_login_by_code_without_javascript(no_js_page, live_server, member):
    page = no_js_page
    page.goto(live_server.url + "/connexion/")
    page.get_by_role("link", name="Recevoir un code de connexion").click()
    page.get_by_label("Courriel").fill("camille@exemple.fr")
    page.get_by_role("button", name="Recevoir le code").click()
    page.wait_for_url("**/login/code/confirm/")
    assert page.get_by_role("heading", name="Taper le code reçu par e-mail").is_visible()
    worker.run_pending()
    code = re.search(r"^\s+(\S+)\s*$", django_mail.outbox[-1].body, re.M).group(1)
    page.get_by_label("Code").fill("ZZZZ-ZZZZ")
    page.get_by_role("button", name="Se connecter").click()
    assert "Le formulaire contient 1 erreur" in page.get_by_role("alert").inner_text()
    page.get_by_label("Code").fill(code)
    page.get_by_label("Code").press("Enter")
    page.wait_for_url("**/compte/")
    assert page.get_by_role("heading", name="Mon compte").is_visible()


@pytest.mark.parametrize("width", [1280, 320])
def test_login_pages_have_no_axe_violation(page, live_server, member, width):
    page.set_viewport_size({"width": width, "height": 900})
    found = {}
    page.goto(live_server.url + "/connexion/")
    found["connexion"] = axe_violations(page)
    page.get_by_label("Courriel").fill("camille@exemple.fr")
    page.get_by_label("Mot de passe", exact=True).fill("faux")
    page.get_by_role("button", name="Se connecter").click()
    found["connexion, erreur"] = axe_violations(page)
    page.goto(live_server.url + "/compte/login/code/")
    found["demande de code"] = axe_violations(page)
    page.get_by_label("Courriel").fill("camille@exemple.fr")
    page.get_by_role("button", name="Recevoir le code").click()
    page.wait_for_url("**/login/code/confirm/")
    found["code"] = axe_violations(page)
    page.get_by_label("Code").fill("ZZZZ")
    page.get_by_role("button", name="Se connecter").click()
    found["code, erreur"] = axe_violations(page)
    worker.run_pending()
    code = re.search(r"^\s+(\S+)\s*$", django_mail.outbox[-1].body, re.M).group(1)
    page.get_by_label("Code").fill(code)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url("**/compte/")
    found["mon compte"] = axe_violations(page)
    if width == 320:
        page.screenshot(path="/tmp/accounts-compte-320.png", full_page=True)
    assert {name: v for name, v in found.items() if v} == {}


def test_second_factor_pages_have_no_axe_violation(page, live_server):
    User.objects.create_user("coord@exemple.fr", PASSWORD, role=User.Role.COORDINATOR, is_staff=True)
    page.goto(live_server.url + "/connexion/")
    page.get_by_label("Courriel").fill("coord@exemple.fr")
    page.get_by_label("Mot de passe", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url("**/compte/")
    page.get_by_role("link", name="Double authentification (application de codes)").click()
    assert axe_violations(page) == [], "index"
    page.goto(live_server.url + "/compte/2fa/totp/activate/")
    assert axe_violations(page) == [], "reauthenticate"
    page.get_by_label("Mot de passe", exact=True).fill(PASSWORD)
    page.get_by_label("Mot de passe", exact=True).press("Enter")
    page.wait_for_url("**/2fa/totp/activate/")
    assert axe_violations(page) == [], "activate"
    page.screenshot(path="/tmp/accounts-totp.png", full_page=True)
