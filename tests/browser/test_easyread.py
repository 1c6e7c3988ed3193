"""The easy-to-read (FALC) pages in a real browser: the whole journey by keyboard, no axe-core violation, no
horizontal scroll at 320 px."""

import re

import pytest

from tests.browser.conftest import axe_violations
from tests.factories import ServiceFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def places():
    for i in range(7):
        ServiceFactory(
            place__nom=f"Espace numérique {i}",
            place__latitude=48.7310 + i * 0.003,
            place__longitude=2.2725,
            place__courriels=["contact@exemple.fr"],
        )
    ServiceFactory(
        place__nom="Médiathèque Jules Verne",
        place__horaires="Tu-Sa 10:00-18:00",
        nom="Initiation à l’ordinateur",
        mediation=["Maîtrise des outils numériques du quotidien"],
        thematiques=[],
    )


def _tab_to(page, selector: str, limit: int = 60) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} is not reachable by keyboard")


def _no_horizontal_scroll(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= 320, page.url


def test_the_easy_journey_by_keyboard(page, live_server, places):
    page.goto(live_server.url + "/facile/")
    _tab_to(page, "input[name=besoin]")  # the group's checked radio: « Autre chose »
    page.keyboard.press("ArrowDown")  # arrows choose within the group; from the last, back to the first
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.value") == "outils"
    assert page.is_checked("#besoin-outils")
    _tab_to(page, "#easy-ou")
    page.keyboard.type("Massy")
    page.keyboard.press("Enter")
    page.wait_for_url("**/facile/recherche/**")
    assert "besoin=outils" in page.url and "ou=Massy" in page.url
    assert page.get_by_role("status").inner_text() == "Nous avons trouvé 1 lieu."
    _tab_to(page, "a[href^='/facile/lieux/']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/facile/lieux/**")
    assert page.get_by_role("heading", level=1).inner_text() == "Médiathèque Jules Verne"
    assert "Apprendre à utiliser un ordinateur ou un téléphone" in page.inner_text("main")
    _tab_to(page, "a[href$='/fiche/']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/fiche/")
    assert page.get_by_role("button", name="Imprimer").is_visible()  # web/place.js shows it


def test_more_places_five_at_a_time(page, live_server, places):
    page.goto(live_server.url + "/facile/recherche/?besoin=demarches&ou=91300")
    assert page.locator(".easy-place").count() == 5
    page.get_by_role("link", name="Voir 2 autres lieux").click()
    assert page.locator(".easy-place").count() == 2


@pytest.mark.parametrize("width", [1280, 320])
def test_no_axe_violation_and_no_horizontal_scroll(page, live_server, places, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(live_server.url + "/facile/recherche/?besoin=demarches&ou=91300")
    place_url = page.locator(".easy-place a[href^='/facile/lieux/']").first.get_attribute("href")
    urls = [
        "/facile/",
        "/facile/recherche/?besoin=demarches&ou=91300",
        "/facile/recherche/?ou=Zzyzx",
        "/facile/recherche/?besoin=demarches&ou=Lyon",
        place_url,
        place_url.split("?")[0] + "fiche/",
    ]
    for url in urls:
        page.goto(live_server.url + url)
        assert axe_violations(page) == [], url
        if width == 320:
            _no_horizontal_scroll(page)
            if url == urls[1]:
                page.screenshot(path="/tmp/falc-results-320.png", full_page=True)
            if url == place_url:
                page.screenshot(path="/tmp/falc-place-320.png", full_page=True)
            if url == urls[0]:
                page.screenshot(path="/tmp/falc-home-320.png", full_page=True)


def test_the_sheet_prints_on_one_page_without_the_screen_only_parts(page, live_server, places):
    page.goto(live_server.url + "/facile/recherche/?besoin=outils&ou=Massy")
    page.locator(".easy-place a[href^='/facile/lieux/']").first.click()
    page.goto(page.url.split("?")[0] + "fiche/")
    page.emulate_media(media="print")
    assert (
        not page.locator(".site-header").is_visible() and not page.get_by_text("Revenir à la page du lieu").is_visible()
    )
    assert page.get_by_text("01 69 00 00 00").is_visible()
    pdf = page.pdf(format="A4", path="/tmp/falc-sheet.pdf")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1  # one A4 page
