"""A structure's page (members, requests, invitation form) and the invitation link: no axe-core violation,
and joining works by keyboard."""

import pytest
from django.test import Client

from accounts.domain import membership as domain
from accounts.models import Membership, Structure, User
from tests.browser.conftest import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


def logged_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    return page


def test_structure_page_request_and_invitation(page, live_server):
    structure = Structure.objects.create(name="Association Lien Numérique", siret="13002526500013")
    admin = User.objects.create_user("admin@lien.fr", full_name="Alix Admin")
    Membership.objects.create(user=admin, structure=structure, role=Membership.Role.ADMIN)
    camille = User.objects.create_user("camille@lien.fr", full_name="Camille Martin")
    found = {}

    logged_in(page, live_server, camille)
    page.goto(f"{live_server.url}/compte/structures/{structure.pk}/")
    found["structure, personne extérieure"] = axe_violations(page)
    page.get_by_label("Un mot pour l’administrateur").fill("Je suis médiatrice.")
    page.get_by_label("Un mot pour l’administrateur").press("Tab")
    page.keyboard.press("Enter")
    page.get_by_text("Votre demande est envoyée", exact=False).first.wait_for()

    page.context.clear_cookies()
    logged_in(page, live_server, admin)
    page.goto(f"{live_server.url}/compte/structures/{structure.pk}/")
    page.get_by_role("button", name="Envoyer l’invitation").click()
    page.get_by_role("alert").wait_for()
    found["structure, administrateur, erreur"] = axe_violations(page)
    page.get_by_role("button", name="Accepter Camille Martin").click()
    page.get_by_text("Demande de Camille Martin : acceptée").wait_for()
    found["structure, administrateur"] = axe_violations(page)
    assert Membership.objects.filter(user=camille, structure=structure).exists()

    token = domain.invite(structure, "nouveau@lien.fr", Membership.Role.MEMBER, by=admin)
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/compte/invitation/{token}/")
    found["invitation"] = axe_violations(page)
    page.get_by_role("button", name="Accepter l’invitation").click()
    page.wait_for_url("**/compte/")
    page.get_by_text("Bienvenue", exact=False).wait_for()
    assert page.get_by_role("link", name="Association Lien Numérique").is_visible()
    page.goto(f"{live_server.url}/compte/invitation/{token}/")
    found["invitation déjà servie"] = axe_violations(page)
    assert {name: v for name, v in found.items() if v} == {}
