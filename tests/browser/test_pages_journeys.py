"""Pages that tell the truth: error pages, legal pages, print, « Retour aux résultats », a map loaded when wanted."""

import pytest

from tests.factories import ServiceFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def places():
    near = ServiceFactory(place__nom="Espace numérique de Massy", place__latitude=48.7310, place__longitude=2.2725)
    twin = ServiceFactory(place__nom="CCAS de Massy", place__latitude=48.7310, place__longitude=2.2725)
    return near.place, twin.place


@pytest.mark.parametrize("debug", [False, True])
def test_unknown_address_gives_the_french_404_with_a_way_back(page, live_server, settings, debug):
    settings.DEBUG = debug
    response = page.goto(live_server.url + "/une-page-qui-n-existe-pas/")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Cette page n’existe pas ou plus"
    assert page.locator(".site-header").is_visible()
    page.get_by_role("link", name="Revenir à l’accueil et chercher une aide").click()
    assert page.get_by_role("button", name="Rechercher").is_visible()


def test_every_legal_page_is_linked_from_the_footer(page, live_server):
    titles = {
        "Accessibilité": "Déclaration d’accessibilité",
        "Mentions légales": "Mentions légales",
        "Données personnelles": "Données personnelles",
        "Contact": "Contact",
    }
    for link, title in titles.items():
        page.goto(live_server.url + "/recherche/?ou=91300")
        page.locator(".site-footer").get_by_role("link", name=link).click()
        assert page.locator("h1").inner_text() == title, link


def _leaflet_requests(page) -> list[str]:
    seen = []
    page.on("request", lambda request: seen.append(request.url) if "leaflet" in request.url else None)
    return seen


def test_narrow_screen_loads_the_map_only_when_scrolled_to_it(page, live_server, places):
    seen = _leaflet_requests(page)
    page.set_viewport_size({"width": 320, "height": 640})
    for i in range(6):
        ServiceFactory(place__nom=f"Lieu {i}", place__latitude=48.72 + i / 1000)
    page.goto(live_server.url + "/recherche/?ou=91300")
    page.wait_for_timeout(500)
    assert seen == [] and page.locator(".leaflet-container").count() == 0
    page.locator("#carte").scroll_into_view_if_needed()
    page.wait_for_selector(".marker-num")
    assert any(url.endswith("leaflet.js") for url in seen) and any(url.endswith("leaflet.css") for url in seen)


def test_map_marks_the_searched_place_and_fans_out_twins(page, live_server, places):
    page.goto(live_server.url + "/recherche/?ou=91300&rayon=20")
    page.wait_for_selector(".marker-num")
    assert page.locator(".marker-centre").count() == 1
    boxes = [m.bounding_box() for m in page.locator(".marker-num").all()]
    assert len(boxes) == 2
    assert (boxes[0]["x"], boxes[0]["y"]) != (boxes[1]["x"], boxes[1]["y"])  # same position, both visible


def test_results_print_as_a_list_and_place_goes_back_to_them(page, live_server, places):
    page.goto(live_server.url + "/recherche/?ou=91300&rayon=20&besoin=demarches")
    page.emulate_media(media="print")
    assert not page.locator(".results-map").is_visible()
    list_width = page.locator(".results-list").bounding_box()["width"]
    assert list_width > 0.9 * page.locator("main").bounding_box()["width"]
    page.emulate_media(media="screen")
    page.get_by_role("link", name="CCAS de Massy").click()
    page.get_by_role("link", name="Retour aux résultats").click()
    assert "rayon=20" in page.url and "besoin=demarches" in page.url
    assert page.locator(".result h3 a").count() == 2


def test_print_sheet_without_javascript_says_how_to_print(browser, live_server, places):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/lieux/{places[0].pk}/fiche/")
    assert page.get_by_text("Ctrl et P").is_visible()
    context.close()
