"""Zero axe-core violations (WCAG 2.1 A and AA) and no horizontal scroll at 320 px, page by page."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations
from tests.factories import ServiceFactory
from tests.public_pages import pages

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def place():
    service = ServiceFactory(
        place__nom="Espace numérique de Massy",
        place__presentation_resume="Un lieu pour apprendre le numérique.",
        place__courriels=["contact@exemple.fr"],
        place__site_web=["https://exemple.fr"],
        place__prise_en_charge_specifique=["Surdité"],
    )
    ServiceFactory(place__nom="Médiathèque", place__latitude=48.74, place__longitude=2.28)
    return service.place


@pytest.mark.parametrize("width", [1280, 320])
def test_no_axe_violation(page, live_server, place, width):
    page.set_viewport_size({"width": width, "height": 800})
    for name, path in pages(place).items():
        page.goto(live_server.url + path)
        assert axe_violations(page) == [], name


def test_error_report_form_with_errors_has_no_violation(page, live_server, place):
    page.goto(f"{live_server.url}/lieux/{place.pk}/signaler/")
    page.get_by_role("button", name="Envoyer le signalement").click()
    assert page.get_by_role("alert").is_visible()
    page.wait_for_load_state()  # the focus script is deferred: it runs once the page is parsed
    expect(page.get_by_role("alert")).to_be_focused()  # the summary is read first
    page.get_by_role("alert").get_by_role("link").first.click()
    expect(page.locator("#id_kind_0")).to_be_focused()  # its link puts the cursor in the field
    assert axe_violations(page) == []


def test_no_horizontal_scroll_at_320px(page, live_server, place):
    page.set_viewport_size({"width": 320, "height": 640})
    for name, path in pages(place).items():
        page.goto(live_server.url + path)
        page.locator("details").evaluate_all("els => els.forEach(d => d.open = true)")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, f"{name}: {width}px"


# WCAG 1.4.12 (RGAA 10.12): the spacings a reader may impose through their own style sheet.
TEXT_SPACING = """() => document.querySelectorAll('body, body *').forEach(el => {
  el.style.setProperty('line-height', '1.5', 'important');
  el.style.setProperty('letter-spacing', '0.12em', 'important');
  el.style.setProperty('word-spacing', '0.16em', 'important');
  if (el.tagName === 'P') el.style.setProperty('margin-bottom', '2em', 'important');
})"""
CLIPPED = """() => [...document.querySelectorAll('body *')].filter(el => {
  const css = getComputedStyle(el);
  const hides = ['hidden', 'clip'].includes(css.overflowX) || ['hidden', 'clip'].includes(css.overflowY);
  const visible = el.offsetParent !== null && el.innerText && el.innerText.trim()
    && !el.closest('.leaflet-container');  // a map clips its tiles by design; its text is in the list beside it
  return hides && visible && el.getBoundingClientRect().width > 2
    && (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1);
}).map(el => el.tagName + '.' + el.className + ': ' + el.innerText.slice(0, 40))"""


@pytest.mark.parametrize("width", [1280, 320])
def test_text_spacing_loses_no_content(page, live_server, place, width):
    page.set_viewport_size({"width": width, "height": 800})
    for name, path in pages(place).items():
        page.goto(live_server.url + path)
        page.evaluate(TEXT_SPACING)  # inline styles set through the CSS object model, as a reader's bookmarklet does
        assert page.evaluate(CLIPPED) == [], name
        assert page.evaluate("document.documentElement.scrollWidth") <= width, name
