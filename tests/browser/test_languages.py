"""The search journey in English and Arabic (right to left), and every translated page in every language:
zero axe-core violations at 1280 and 320 px, no horizontal scroll at 320 px. Screenshots go to var/screenshots/."""

from pathlib import Path

import pytest
from django.utils import translation
from django.utils.translation import gettext, ngettext

from agenda.domain import schedule
from core import i18n
from tests.browser.conftest import axe_violations
from tests.factories import ServiceFactory
from tests.factories_agenda import EventFactory
from tests.factories_participation import RequestFactory
from tests.public_pages import translated_pages

pytestmark = pytest.mark.django_db(transaction=True)
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
OTHER_LANGUAGES = [language.code for language in i18n.LANGUAGES if language.code != "fr"]


def said(code, french):
    with translation.override(code):
        return gettext(french)


@pytest.fixture
def place():
    ServiceFactory(place__nom="Médiathèque", place__latitude=48.74, place__longitude=2.28)
    return ServiceFactory(
        place__nom="Espace numérique de Massy",
        place__presentation_resume="Un lieu pour apprendre le numérique.",
        place__latitude=48.7310,
        place__longitude=2.2725,
    ).place


def search(page, live_server, code):
    page.goto(f"{live_server.url}/{code}/")
    page.select_option("#id_besoin", "demarches")
    page.fill("#id_ou", "Massy")
    page.locator("#id_ou").press("Enter")
    page.wait_for_url(f"**/{code}/recherche/**")


@pytest.mark.parametrize("code", ["en", "ar"])
def test_the_search_journey_in_another_language(page, live_server, place, code):
    search(page, live_server, code)
    with translation.override(code):  # both places, counted as the language counts (Arabic has a dual)
        found = ngettext("%(counter)s lieu trouvé", "%(counter)s lieux trouvés", 2) % {"counter": 2}
    assert page.get_by_role("status").inner_text() == found != "2 lieux trouvés"
    assert page.locator("html").get_attribute("lang") == code
    assert page.get_by_role("link", name=said(code, "Trouver une aide")).count() == 1
    assert said(code, "Trouver une aide") != "Trouver une aide"  # the menu really is translated
    title = page.locator(".result h3 a", has_text="Espace numérique de Massy")
    assert title.get_attribute("lang") == "fr" or title.locator("xpath=ancestor::*[@lang='fr']").count()
    title.click()
    assert page.url.startswith(f"{live_server.url}/{code}/lieux/")
    assert page.locator("html").get_attribute("lang") == code
    page.get_by_role("link", name="Français", exact=True).click()  # the switcher keeps the page
    assert page.url.startswith(f"{live_server.url}/lieux/") and page.locator("html").get_attribute("lang") == "fr"


def test_arabic_reads_from_right_to_left_at_320_px(page, live_server, place):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 320, "height": 700})
    search(page, live_server, "ar")
    page.screenshot(path=SCREENSHOTS / "ar-results-320.png", full_page=True)
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    # Right to left: the title and the site's name start at the right edge, the results' numbers on the right.
    heading = page.locator("h1").bounding_box()
    brand = page.locator(".brand").bounding_box()
    assert heading["x"] + heading["width"] >= 320 - 24 and brand["x"] + brand["width"] >= 320 - 24
    number = page.locator(".result .num").first.bounding_box()
    result = page.locator(".result").first.bounding_box()
    assert number["x"] > result["x"] + result["width"] / 2
    page.locator(".result h3 a").first.click()
    page.screenshot(path=SCREENSHOTS / "ar-place-320.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


@pytest.mark.parametrize("width", [1280, 320])
def test_every_translated_page_in_every_language_is_accessible(page, live_server, place, width):
    event = EventFactory()
    schedule.materialise(event)
    page.set_viewport_size({"width": width, "height": 800})
    pages = translated_pages(place, event, RequestFactory())
    for code in OTHER_LANGUAGES:
        for name, path in pages.items():
            page.goto(f"{live_server.url}/{code}{path}")
            assert page.locator("html").get_attribute("lang") == code, (code, name)
            assert axe_violations(page) == [], (code, name)
            if width == 320:
                assert page.evaluate("document.documentElement.scrollWidth") <= 320, (code, name)
