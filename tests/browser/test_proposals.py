"""« Proposer un lieu » in Chromium: an association proposes a place without an account, confirms its e-mail,
a moderator accepts, the search finds it; zero axe-core violations on every step (with errors too) at 1280 and
320 px; the same journey without JavaScript."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from playwright.sync_api import expect

from core import worker
from directory.models import Place
from proposals.models import Proposal
from tests.browser.conftest import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


def _check(page, name, found, width):
    if found is None:
        return
    found[name] = axe_violations(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= max(width, 320), name


def _next(page, label="Suivant"):
    page.get_by_role("button", name=label, exact=True).click()


def propose(page, base, found=None, width=1280):
    page.goto(base + "/proposer/")
    _check(page, "accueil", found, width)
    page.get_by_role("link", name="Commencer").click()
    assert "Étape 1 sur 5" in page.inner_text("main")
    page.get_by_label("Nom de votre structure").fill("Association Clic Massy")
    page.get_by_label("Numéro SIRET de la structure").fill("123")
    page.get_by_label("Votre adresse e-mail").fill("benevole@exemple.fr")
    page.get_by_label("Votre rôle dans la structure").fill("bénévole")
    page.get_by_label("Je souhaite gérer la fiche de ma structure").check()
    _next(page)
    assert "SIRET n’est pas valide" in page.inner_text("main")
    _check(page, "étape 1 avec une erreur", found, width)
    page.get_by_label("Numéro SIRET de la structure").fill("130 025 265 00013")
    _next(page)
    assert "Étape 2 sur 5" in page.inner_text("main")
    _check(page, "étape 2", found, width)
    page.locator("#id_nom").fill("Atelier numérique Clic")
    page.locator("#id_adresse").fill("3 rue de la Gare")
    page.locator("#id_code_postal").fill("91300")
    page.locator("#id_commune").fill("Masy")
    _next(page)
    assert "Nous ne trouvons pas la commune" in page.inner_text("main")
    _check(page, "étape 2 avec une erreur", found, width)
    page.locator("#id_commune").fill("Massy")
    _next(page)
    assert "Étape 3 sur 5" in page.inner_text("main")
    _check(page, "étape 3", found, width)
    page.locator("#id_jour_lundi").fill("09:00 - 12:00")
    _next(page)
    assert "Étape 4 sur 5" in page.inner_text("main")
    page.locator("#id_s0-nom").fill("Aide aux démarches en ligne")
    _next(page, "Ajouter un autre service")
    assert page.locator("#id_s0-nom").input_value() == "Aide aux démarches en ligne"
    _check(page, "étape 4, deux services", found, width)
    page.locator("#id_s1-nom").fill("Atelier smartphone")
    page.locator("#id_s1-nom").press("Enter")  # « Suivant », not « Retirer le service 1 »
    assert "Étape 5 sur 5" in page.inner_text("main")
    assert "Atelier smartphone" in page.inner_text("main")
    _check(page, "étape 5", found, width)
    _next(page, "Envoyer la proposition")
    assert "confirmer votre adresse" in page.inner_text("main")
    _check(page, "envoyée", found, width)
    worker.run_pending()
    body = next(m.body for m in reversed(mail.outbox) if "Confirmez" in m.subject)
    path = re.search(r"(/proposer/confirmer/\S+/)", body).group(1)
    page.goto(base + path)
    _check(page, "confirmer", found, width)
    page.get_by_role("button", name="Confirmer").click()
    assert "C’est confirmé" in page.inner_text("main")
    return Proposal.objects.get(status=Proposal.Status.PENDING)


def _moderator(page, base):
    user = get_user_model().objects.create_user("moderatrice@exemple.fr", "motdepasse", role="moderation")
    client = Client()
    client.force_login(user)
    page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base}])


def _accept_and_search(page, base, proposal, found=None, width=1280):
    _moderator(page, base)
    page.goto(base + "/moderation/")
    page.get_by_role("link", name="Proposition : Atelier numérique Clic").click()
    _check(page, "relecture par la modération", found, width)
    page.get_by_label("Accepter").check()
    page.get_by_role("button", name="Enregistrer la décision").click()
    page.wait_for_url(base + "/moderation/#propositions")
    assert Place.objects.get(nom="Atelier numérique Clic").est_publie
    page.goto(base + "/recherche/?ou=Massy&rayon=5")
    assert "Atelier numérique Clic" in page.inner_text("main")


@pytest.mark.parametrize("width", [1280, 320])
def test_a_place_proposed_without_an_account_is_found_after_moderation(page, live_server, width):
    page.set_viewport_size({"width": width, "height": 800})
    found = {}
    proposal = propose(page, live_server.url, found, width)
    _accept_and_search(page, live_server.url, proposal, found, width)
    assert {name: v for name, v in found.items() if v} == {}


def test_the_same_journey_works_without_javascript(browser, live_server):
    context = browser.new_context(locale="fr-FR", java_script_enabled=False)
    page = context.new_page()
    try:
        proposal = propose(page, live_server.url)
        _accept_and_search(page, live_server.url, proposal)
    finally:
        context.close()


def test_the_first_steps_work_by_keyboard_only(page, live_server):
    page.goto(live_server.url + "/proposer/")
    page.get_by_role("link", name="Commencer").focus()
    page.keyboard.press("Enter")
    page.get_by_label("Nom de votre structure").focus()
    page.keyboard.type("Association Clic Massy")
    page.keyboard.press("Tab")  # the SIRET stays empty: it is optional
    page.keyboard.press("Tab")
    page.keyboard.type("benevole@exemple.fr")
    page.keyboard.press("Tab")
    page.keyboard.type("bénévole")
    page.keyboard.press("Enter")  # Enter in a field sends the form with its first button: « Suivant »
    page.wait_for_url(live_server.url + "/proposer/etape/lieu/")
    page.locator("#id_nom").focus()
    page.keyboard.press("Enter")  # the required fields are missing: the summary says which, and links to them
    summary = page.get_by_role("alert")
    assert "Le formulaire contient" in summary.inner_text()
    expect(summary).to_be_focused()  # once the deferred focus script has run
    summary.get_by_role("link").first.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#id_nom")).to_be_focused()  # the cursor is in the field named
