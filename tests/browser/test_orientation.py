"""Orienting a person, in Chromium: the acceptance journey (the sheet, its risks and services, the printed fiche,
the referral the structure accepts by its link), keyboard only, without JavaScript, and axe-core on every page of
/orienter/ at 1280 and 320 px."""

import datetime
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from orientation.models import Situation, UncoveredNeed
from territory.models import Commune
from tests.browser.conftest import axe_violations
from tests.browser.test_contributions import _log_in
from tests.browser.test_journeys import tab_to
from tests.browser.test_referrals import _structure_link
from tests.factories import PlaceFactory, ServiceFactory
from tests.factories_orientation import ProfessionalFactory, SituationFactory

pytestmark = pytest.mark.django_db(transaction=True)
SCREENSHOT = Path(__file__).resolve().parents[2] / "var" / "fiche-orientation-print.png"
CAF = "CAF (allocations, RSA, prime d’activité)"


@pytest.fixture
def world():
    """Demo-like data: a France Services in Les Ulis that welcomes deaf people, and a library without support."""
    ulis = Commune.objects.get(code_insee="91692")
    here = {"commune": "Les Ulis", "code_insee": "91692", "code_postal": "91940"}
    france_services = PlaceFactory(
        nom="France services des Ulis", adresse="3 avenue de Berry", latitude=ulis.latitude + 0.004,
        longitude=ulis.longitude, telephone="+33164860000", horaires="Mo-Fr 09:00-12:00,13:30-17:00",
        prise_en_charge_specifique=["Surdité"], **here,
    )  # fmt: skip
    service = ServiceFactory(place=france_services, nom="Accompagnement aux démarches CAF et Ameli",
                             mobilisable_par=["professionnels"], courriel="accueil@fs-ulis.example")  # fmt: skip
    library = PlaceFactory(nom="Médiathèque François Mitterrand", latitude=ulis.latitude - 0.01,
                           longitude=ulis.longitude, **here)  # fmt: skip
    ServiceFactory(place=library)
    return {"pro": ProfessionalFactory(email="assistante@exemple.fr"), "service": service, "ulis": ulis}


def next_week() -> datetime.date:
    return datetime.date.today() + datetime.timedelta(days=6)


def test_a_professional_describes_a_senior_sees_risks_and_services_and_prints_the_fiche(page, live_server, world):
    _log_in(page, live_server, world["pro"])
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Orienter une personne").click()
    page.get_by_role("link", name="Nouvelle situation").click()
    page.get_by_label(CAF).check()
    page.get_by_label("À faire avant le").fill(next_week().isoformat())
    page.get_by_label("Commune où vit la personne").fill("Les Ulis")
    page.get_by_label("Aucun équipement").check()
    page.get_by_label("Audition").check()
    page.get_by_label("En transports en commun").check()
    page.get_by_role("button", name="Voir les risques et les services").click()
    page.wait_for_url("**/resultats/")
    risks = page.locator("ul.risks").inner_text()
    day = next_week().day
    assert "Risque de perdre un droit" in risks
    assert re.search(rf"Pas d’équipement et une démarche CAF en ligne à faire avant le {day}(er)? \w+", risks)
    assert "Besoin d’un accompagnement adapté à la surdité" in risks
    first = page.locator("ol.proposals > li").first
    assert "France services des Ulis" in first.inner_text()
    why = first.locator(".why-list").inner_text()
    assert "Il aide pour la démarche CAF : « Accompagnement aux démarches CAF et Ameli »." in why
    assert "Accompagnement adapté : Surdité." in why and "du centre des Ulis" in why
    register = page.get_by_role("link", name="Comment ces propositions sont faites")
    assert register.get_attribute("href") == "/algorithmes/orientation-correspondance/"
    assert not UncoveredNeed.objects.exists()  # every risk found an answer: no gap counted
    first.get_by_role("link", name=re.compile("Imprimer la fiche d’orientation")).click()
    page.wait_for_url("**/fiche/**")
    page.get_by_label("Pour").fill("Mme R.")  # typed for the paper only
    page.locator("h1").click()
    page.emulate_media(media="print")
    page.screenshot(path=str(SCREENSHOT), full_page=True)
    text = page.locator("main").inner_text()
    for essential in ("Fiche d’orientation", "Accompagnement aux démarches CAF et Ameli", "France services des Ulis",
                      "3 avenue de Berry", "91940 Les Ulis", "01 64 86 00 00", "À apporter",
                      "Votre numéro d’allocataire CAF"):  # fmt: skip
        assert essential in text, essential
    assert not page.locator(".site-header").is_visible() and not page.locator("#carte").is_visible()
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1  # one A4 page
    assert "Mme R." not in str(list(Situation.objects.values()))  # nothing typed on the fiche is stored

    # The referral, with the person's consent; the structure accepts through the e-mailed link, without an account.
    page.emulate_media(media="screen")
    page.go_back()
    page.wait_for_url("**/resultats/")
    page.locator("ol.proposals > li").first.get_by_role("link", name=re.compile("Adresser la personne")).click()
    page.get_by_label("Prénom de la personne").fill("Josiane")
    page.get_by_label("Nom de la personne", exact=True).fill("Martin")
    page.get_by_label("Téléphone de la personne (facultatif)").fill("06 12 34 56 78")
    page.get_by_role("checkbox").check()
    page.get_by_role("button", name="Envoyer l’adressage").click()
    expect(page.locator(".status")).to_contain_text("envoyée")
    structure = page.context.browser.new_context(locale="fr-FR")  # a fresh browser: no account, no cookie
    link = structure.new_page()
    link.goto(live_server.url + _structure_link())
    assert "Josiane Martin" in link.locator("main").inner_text()
    link.get_by_role("button", name="Accepter").click()
    expect(link.locator("h1")).to_have_text("Merci, votre réponse est enregistrée")
    structure.close()
    page.reload()
    expect(page.locator(".status")).to_contain_text("acceptée")


def test_the_sheet_by_keyboard_only(page, live_server, world):
    _log_in(page, live_server, world["pro"])
    page.goto(live_server.url + "/orienter/")
    tab_to(page, "el.textContent.trim() === 'Nouvelle situation'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/nouvelle/")
    tab_to(page, "el.name === 'procedure'")  # the group's checked radio: « Non renseigné », the last
    page.keyboard.press("ArrowDown")  # wraps to the first: CAF
    tab_to(page, "el.id === 'id_commune_text'")
    page.keyboard.type("91940")
    tab_to(page, "el.id === 'id_equipment_2'")
    page.keyboard.press("Space")
    tab_to(page, "el.textContent.trim() === 'Enregistrer le brouillon'")
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("Brouillon enregistré.")
    situation = Situation.objects.get()
    assert (situation.status, situation.procedure, situation.commune_id, situation.equipment) == (
        "brouillon", "caf", "91692", ["aucun"],
    )  # fmt: skip
    tab_to(page, "el.textContent.trim() === 'Voir les risques et les services'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/resultats/")
    tab_to(page, "el.textContent.startsWith('Imprimer la fiche d’orientation')")
    page.keyboard.press("Enter")
    page.wait_for_url("**/fiche/**")
    assert page.locator("h1").inner_text() == "Fiche d’orientation"


def test_the_sheet_without_javascript(browser, live_server, world):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    _log_in(page, live_server, world["pro"])
    page.goto(live_server.url + "/orienter/nouvelle/")
    page.get_by_role("button", name="Voir les risques et les services").click()
    assert "Choisissez la démarche" in page.get_by_role("alert").inner_text()
    page.get_by_label(CAF).check()
    page.get_by_label("Commune où vit la personne").fill("ulis")
    page.get_by_label("Lit le français avec difficulté").check()
    page.get_by_role("button", name="Voir les risques et les services").click()
    assert "Besoin d’une aide en personne pour lire et écrire" in page.locator("ul.risks").inner_text()
    page.get_by_role("link", name=re.compile("Imprimer la fiche d’orientation")).first.click()
    assert page.locator(".map-fallback").is_visible()  # no map, but the address is there
    assert "3 avenue de Berry" in page.locator("main").inner_text()
    context.close()


@pytest.mark.parametrize("width", [1280, 320])
def test_no_axe_violation_and_no_horizontal_scroll_on_the_orientation_pages(page, live_server, world, width):
    pro = world["pro"]
    situation = SituationFactory(author=pro, commune=world["ulis"], procedure="caf", equipment=["aucun"],
                                 disabilities=["audition"], deadline=next_week())  # fmt: skip
    _log_in(page, live_server, pro)
    page.set_viewport_size({"width": width, "height": 800})
    paths = {
        "list": "/orienter/",
        "new": "/orienter/nouvelle/",
        "edit": f"/orienter/{situation.pk}/",
        "results": f"/orienter/{situation.pk}/resultats/",
        "fiche": f"/orienter/{situation.pk}/fiche/{world['service'].pk}/",
    }
    for name, path in paths.items():
        page.goto(live_server.url + path)
        assert axe_violations(page) == [], name
        assert page.evaluate("document.documentElement.scrollWidth") <= width, name
    page.goto(live_server.url + "/orienter/nouvelle/")
    page.get_by_label("Commune où vit la personne").fill("Atlantide")
    page.get_by_role("button", name="Voir les risques et les services").click()
    assert page.get_by_role("alert").is_visible()
    assert axe_violations(page) == [], "form with errors"
