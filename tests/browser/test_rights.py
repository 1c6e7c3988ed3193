"""« Vérifier ses droits » in Chromium: the questionnaire by keyboard alone, the result, zero axe-core violations
at 1280 and 320 px (with errors too), and the same journey without JavaScript. The engine is the test session's."""

import re

import pytest
import time_machine
from django.core import mail

from core import worker
from tests.browser.conftest import axe_violations
from tests.factories import ServiceFactory
from tests.rights.engine import rights_engine  # noqa: F401 — the session's engine process

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("rights_engine")]


def _fill_by_keyboard(page):
    """Every answer typed, and the form sent, with the keyboard only."""
    page.locator("#id_commune").focus()
    page.keyboard.type("Massy")
    page.keyboard.press("Tab")  # Vous: âge
    page.keyboard.type("35")
    page.keyboard.press("Tab")  # salaire
    page.keyboard.type("900")
    page.locator("#id_e1_age").focus()
    page.keyboard.type("12")
    page.keyboard.press("Tab")  # scolarité: a select, chosen with the arrows
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.locator("#id_loyer").focus()
    page.keyboard.type("700")
    page.keyboard.press("Enter")


@time_machine.travel("2026-12-15 10:00 +01:00", tick=True)
def test_keyboard_journey_and_accessibility(page, live_server):
    ServiceFactory()
    found = {}
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(live_server.url + "/droits/")
        found[f"questionnaire {width}"] = axe_violations(page)
        page.locator("#id_loyer").fill("")
        page.get_by_role("button", name="Estimer mes droits").click()
        assert "Le formulaire contient" in page.inner_text("main")
        found[f"erreurs {width}"] = axe_violations(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + "/droits/")
    _fill_by_keyboard(page)
    page.wait_for_url("**/droits/resultats/", timeout=120_000)
    main = page.inner_text("main")
    assert "Une estimation, pas une décision." in main and "Prime d’activité" in main
    assert "Bourse de collège" in main and "OpenFisca-France" in main
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 900})
        found[f"résultats {width}"] = axe_violations(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    _hand_over(page, found)
    assert found == {name: [] for name in found}


def _hand_over(page, found):
    """« Transmettre ce résultat »: refused without consent (errors checked), then the link the professional opens."""
    page.locator("#id_transmettre-email").fill("cesf@ccas-massy.fr")
    page.get_by_role("button", name="Transmettre par e-mail").click()
    assert "sans votre accord, rien n’est transmis" in page.inner_text("main")
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 900})
        found[f"transmettre, erreurs {width}"] = axe_violations(page)
    page.locator("#id_transmettre-consent").check()
    page.get_by_role("button", name="Transmettre par e-mail").click()
    assert "C’est envoyé" in page.inner_text("main")
    worker.run_pending()
    link = re.search(r"https?://[^/]+(/droits/resultat-transmis/\S+/)", mail.outbox[-1].body).group(1)
    page.goto(page.url.split("/droits/")[0] + link)
    assert "Prime d’activité" in page.inner_text("main")
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 900})
        found[f"résultat transmis {width}"] = axe_violations(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= width


@time_machine.travel("2026-12-15 10:00 +01:00", tick=True)
def test_without_javascript(browser, live_server):
    context = browser.new_context(locale="fr-FR", java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/droits/")
    page.locator("#id_commune").fill("91300")
    page.locator("#id_a1_age").fill("67")
    page.locator("#id_loyer").fill("450")
    page.get_by_role("button", name="Estimer mes droits").click()
    page.wait_for_url("**/droits/resultats/", timeout=120_000)
    assert "Allocation de solidarité aux personnes âgées" in page.inner_text("main")
    page.get_by_role("link", name="Modifier mes réponses").click()
    assert page.locator("#id_loyer").input_value() == "450"
    context.close()
