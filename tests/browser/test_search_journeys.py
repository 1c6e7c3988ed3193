"""Issue 6's search journeys in a real browser: no dead end, unknown hours kept, communes as people type them."""

import pytest

from tests.browser.conftest import axe_violations
from tests.factories import ServiceFactory

pytestmark = pytest.mark.django_db(transaction=True)

EVRY = (48.6243, 2.4290)  # about 17 km from Massy


@pytest.fixture
def far_place():
    """The only place offering reconditioned devices is beyond 10 km; one place for procedures in Massy."""
    ServiceFactory(
        place__nom="Atelier du réemploi",
        place__latitude=EVRY[0],
        place__longitude=EVRY[1],
        nom="Ordinateurs reconditionnés",
        mediation=["Acquisition de matériel informatique à prix solidaire"],
    )
    ServiceFactory(place__nom="Espace numérique de Massy", place__latitude=48.7310, place__longitude=2.2725)


def test_an_empty_search_offers_only_working_suggestions_and_the_nearest_places(page, live_server, far_place):
    page.goto(live_server.url + "/")
    page.select_option("#id_besoin", "equipement")
    page.fill("#id_ou", "Massy")
    page.get_by_role("button", name="Rechercher").click()
    assert page.get_by_role("status").inner_text() == "Aucun lieu ne correspond à votre recherche."
    nearest = page.locator("section[aria-labelledby=proches-titre]")
    assert nearest.locator(".result h3 a").all_inner_texts() == ["Atelier du réemploi"]
    assert "À 17 km" in nearest.inner_text()
    suggestions = page.locator("section[aria-labelledby=vide-titre] li a")
    labels = suggestions.all_inner_texts()
    assert labels and all(label.endswith(("lieu)", "lieux)")) for label in labels)
    assert "Chercher jusqu’à 20 km (1 lieu)" in labels
    hrefs = [suggestions.nth(i).get_attribute("href") for i in range(suggestions.count())]
    for href in hrefs:  # every suggestion finds something
        page.goto(live_server.url + "/recherche/" + href)
        assert page.get_by_role("status").inner_text().split()[0].isdigit(), href
    assert page.get_by_role("status").inner_text() != "Aucun lieu ne correspond à votre recherche."


def test_help_line_and_covered_area_when_nothing_at_all_matches(page, live_server, far_place):
    page.goto(live_server.url + "/recherche/?ou=Lyon&besoin=emploi")
    help_section = page.locator("section[aria-labelledby=aide-titre]")
    assert help_section.get_by_role("link", name="01 70 772 372").get_attribute("href") == "tel:+33170772372"
    assert "Essonne (91)" in help_section.inner_text()


def test_unknown_hours_places_are_kept_under_a_day_filter(page, live_server):
    ServiceFactory(place__nom="Ouvert le samedi", place__horaires="Sa 10:00-12:00")
    ServiceFactory(place__nom="Fermé le samedi", place__horaires="Mo-Fr 09:00-12:00")
    ServiceFactory(place__nom="Horaires à demander", place__horaires="")
    page.goto(live_server.url + "/recherche/?ou=91300")
    page.locator("details.search-box").evaluate("d => d.open = true")
    page.select_option("#id_ouvert", "6")
    page.get_by_role("button", name="Rechercher").click()
    assert page.get_by_role("status").inner_text() == "2 lieux trouvés, dont 1 aux horaires inconnus"
    assert page.locator(".result h3 a").all_inner_texts() == ["Ouvert le samedi", "Horaires à demander"]
    group = page.get_by_role("list", name="Horaires inconnus : peut-être ouverts")
    assert group.locator(".result h3 a").all_inner_texts() == ["Horaires à demander"]
    page.get_by_text("Pourquoi ces résultats ?").click()
    assert page.get_by_text("1 lieu dont les horaires sont inconnus est gardé").is_visible()


@pytest.mark.parametrize("typed", ["Massy 91300", "91300 Massy", "Massy, 91300"])
def test_massy_with_its_postal_code(page, live_server, far_place, typed):
    page.goto(live_server.url + "/")
    page.fill("#id_ou", typed)
    page.get_by_role("button", name="Rechercher").click()
    assert page.locator("h1").inner_text() == "Aide au numérique autour de Massy (91300)"
    assert page.locator(".result h3 a").all_inner_texts() == ["Espace numérique de Massy"]


def test_ulis_resolves_and_is_suggested_while_typing(page, live_server, far_place):
    page.goto(live_server.url + "/")
    page.locator("#id_ou").press_sequentially("Ulis", delay=30)
    page.locator("#communes-suggestions option").first.wait_for(state="attached")
    first = page.locator("#communes-suggestions option").first.get_attribute("value")
    assert first == "Les Ulis (91940)"
    page.get_by_role("button", name="Rechercher").click()
    assert page.locator("h1").inner_text() == "Aide au numérique autour des Ulis (91940)"
    page.goto(live_server.url + "/recherche/?ou=ulis")
    assert "autour des Ulis" in page.locator("h1").inner_text()


@pytest.mark.parametrize("width", [1280, 320])
def test_results_pages_have_no_axe_violation(page, live_server, far_place, width):
    ServiceFactory(place__nom="Sans horaires", place__horaires="")
    page.set_viewport_size({"width": width, "height": 800})
    for path in [
        "/recherche/?ou=91300&besoin=demarches",  # results
        "/recherche/?ou=91300&ouvert=6",  # with the unknown-hours group
        "/recherche/?ou=91300&besoin=equipement",  # empty: suggestions, nearest places, help line
        "/recherche/?ou=Palaiso",  # to correct, with suggestions
    ]:
        page.goto(live_server.url + path)
        page.locator("details").evaluate_all("els => els.forEach(d => d.open = true)")
        assert axe_violations(page) == [], path
        assert page.evaluate("document.documentElement.scrollWidth") <= width, path
