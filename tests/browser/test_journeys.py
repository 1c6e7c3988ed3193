"""What a person does: keyboard only, without JavaScript, with the map, on paper."""

import re

import pytest

from tests.factories import ServiceFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def places():
    near = ServiceFactory(place__nom="Espace numérique de Massy", place__latitude=48.7310, place__longitude=2.2725)
    far = ServiceFactory(place__nom="Médiathèque des Ulis", place__latitude=48.6822, place__longitude=2.1694)
    return near.place, far.place


def tab_to(page, predicate: str, limit: int = 80) -> None:
    """Press Tab until the focused element satisfies the JavaScript `predicate(el)`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(el => {predicate})(document.activeElement)"):
            return
    raise AssertionError(f"focus never reached: {predicate}")


def test_keyboard_only_from_search_to_place_to_print_sheet(page, live_server, places):
    page.goto(live_server.url + "/")
    tab_to(page, "el.id === 'id_besoin'")
    page.keyboard.press("ArrowDown")  # first need: administrative procedures
    tab_to(page, "el.id === 'id_ou'")
    page.keyboard.type("91300")
    page.keyboard.press("Enter")
    page.wait_for_url("**/recherche/**")
    assert "besoin=demarches" in page.url and "ou=91300" in page.url
    tab_to(page, "el.textContent.trim() === 'Espace numérique de Massy'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/lieux/**")
    assert page.locator("h1").inner_text() == "Espace numérique de Massy"
    tab_to(page, "el.textContent.trim() === 'Imprimer la fiche'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/fiche/")
    assert page.get_by_role("button", name="Imprimer cette fiche").is_visible()


def test_skip_link_is_first_and_moves_focus_to_content(page, live_server, places):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Aller au contenu"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "contenu"


def test_everything_works_without_javascript(browser, live_server, places):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/")
    page.select_option("#id_besoin", "demarches")
    page.fill("#id_ou", "Massy")
    page.get_by_role("button", name="Rechercher").click()
    assert page.get_by_role("status").inner_text().startswith("2 lieux trouvés")
    names = page.locator(".result h3 a").all_inner_texts()
    assert names == ["Espace numérique de Massy", "Médiathèque des Ulis"]
    assert page.locator(".map-fallback").is_visible()  # no map, but the list has every address
    page.get_by_role("link", name="Espace numérique de Massy").click()
    assert page.get_by_role("heading", name="Horaires").is_visible()
    page.get_by_role("link", name="Signaler une erreur").click()
    page.get_by_label("Les horaires sont faux").check()
    page.get_by_label("Ce qui est faux, et ce qui serait juste").fill("Fermé le mercredi.")
    page.get_by_role("button", name="Envoyer le signalement").click()
    assert "Merci" in page.locator("h1").inner_text()
    context.close()


def test_map_shows_numbered_markers_even_without_tiles(page, live_server, places):
    page.goto(live_server.url + "/recherche/?ou=91300&rayon=20")
    page.wait_for_selector(".leaflet-marker-icon")
    markers = page.locator(".marker-num").all_inner_texts()
    assert markers == ["1", "2"]
    assert page.locator("#carte").get_attribute("aria-hidden") == "true"


def test_back_button_returns_to_the_same_results(page, live_server, places):
    page.goto(live_server.url + "/recherche/?ou=91300&rayon=20&besoin=demarches")
    page.get_by_role("link", name="Médiathèque des Ulis").click()
    page.wait_for_url("**/lieux/**")
    page.go_back()
    assert "rayon=20" in page.url
    assert page.locator(".result h3 a").count() == 2


def test_print_stylesheet_gives_a_clean_sheet(page, live_server, places):
    place = places[0]
    page.goto(f"{live_server.url}/lieux/{place.pk}/fiche/")
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert not page.get_by_role("button", name="Imprimer cette fiche").is_visible()
    assert page.get_by_role("heading", name="Horaires").is_visible()
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) == 1  # one sheet of paper
