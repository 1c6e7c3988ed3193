"""The observatory's public pages: no axe-core violation at 1280 and 320 px; the survey by keyboard, no script."""

import pytest
from django.core.management import call_command

from observatory.models import Response
from tests.browser.conftest import axe_violations

PAGES = [
    "/enquete/",
    "/observatoire/",
    "/observatoire/indicateurs/illectronisme/",
    "/observatoire/offre/",
    "/observatoire/rapport/?commune=91377",
]


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


def test_chart_labels_stay_readable_at_320_px_and_the_report_prints(page, live_server):
    call_command("observatory_demo", size=200, stdout=open("/dev/null", "w"))  # noqa: SIM115
    page.set_viewport_size({"width": 320, "height": 900})
    page.goto(live_server.url + "/observatoire/")
    sizes = page.eval_on_selector_all(
        ".obs-bars .label", "els => els.map(e => parseFloat(getComputedStyle(e).fontSize))"
    )
    assert sizes and min(sizes) >= 14
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.goto(live_server.url + "/observatoire/rapport/?commune=91377")
    assert page.is_visible("#imprimer") and not page.is_visible("#comment-imprimer")
