"""The observatory's public pages: no axe-core violation at 1280 and 320 px; the survey by keyboard, no script."""

import pytest
from django.core.management import call_command

from observatory.models import Response
from tests.browser.conftest import axe_violations

PAGES = ["/enquete/", "/observatoire/", "/observatoire/indicateurs/illectronisme/", "/observatoire/offre/"]


@pytest.mark.parametrize("width", [1280, 320])
def test_observatory_pages_have_no_accessibility_violation(page, live_server, width):
    call_command("observatory_demo", size=200, stdout=open("/dev/null", "w"))  # noqa: SIM115
    page.set_viewport_size({"width": width, "height": 900})
    for path in PAGES:
        page.goto(live_server.url + path)
        assert axe_violations(page) == [], path


def test_the_survey_is_answered_by_keyboard_without_javascript(browser, live_server):
    context = browser.new_context(java_script_enabled=False, locale="fr-FR")
    page = context.new_page()
    page.goto(live_server.url + "/enquete/")
    page.focus("#id_internet_domicile_0")
    page.keyboard.press("Space")
    page.focus("#id_derniere_utilisation_0")
    page.keyboard.press("Space")
    page.focus("#id_annee_naissance")
    page.keyboard.type("1950")
    page.focus("#id_sexe_0")
    page.keyboard.press("Space")
    page.focus("#id_commune")
    page.keyboard.type("Massy")
    page.keyboard.press("Enter")
    page.wait_for_url("**/enquete/merci/")
    context.close()
    assert Response.objects.get().commune_id == "91377"
