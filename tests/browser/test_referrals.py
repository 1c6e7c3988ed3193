"""« Adresser une personne », in Chromium: the professional refers a person from a place page with the keyboard,
the structure answers through the e-mailed link in a fresh browser with no account, the professional sees
« acceptée ». Zero axe-core violations on every page of the journey at 1280 and 320 px; the same journey
without JavaScript."""

import re

import pytest
from django.core import mail
from django.test import Client

from core import worker
from referrals.models import Referral, Status
from tests.browser.conftest import axe_violations
from tests.factories import PlaceFactory, ServiceFactory
from tests.factories_referrals import professional

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def world():
    place = PlaceFactory(nom="France Services des Ulis", commune="Les Ulis", code_postal="91940", code_insee="91692")
    service = ServiceFactory(place=place, nom="Accompagnement aux démarches CAF", courriel="accueil@fs-ulis.example")
    return {"place": place, "service": service, "pro": professional()}


def _context(browser, live_server, *, javascript=True):
    viewport = {"width": 1280, "height": 900}
    context = browser.new_context(locale="fr-FR", viewport=viewport, java_script_enabled=javascript)
    local = live_server.url
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(local) else route.abort())
    return context


def _log_in(context, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}])


def _clean_at_both_widths(page) -> None:
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 800})
        assert axe_violations(page) == [], (page.url, width)
        overflow = page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth")
        assert not overflow, (page.url, width)
    page.set_viewport_size({"width": 1280, "height": 900})


def _press(page, locator) -> None:
    locator.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")


def _type(page, label: str, text: str) -> None:
    page.get_by_label(label, exact=True).focus()
    page.keyboard.type(text)


def _structure_link() -> str:
    worker.run_pending()
    [message] = [m for m in mail.outbox if m.to == ["accueil@fs-ulis.example"]]
    return re.search(r"https?://[^/\s]+(/orienter/reponse/\S+/)", message.body)[1]


def test_refer_a_person_and_the_structure_accepts_without_an_account(browser, live_server, world):
    context = _context(browser, live_server)
    _log_in(context, live_server, world["pro"])
    page = context.new_page()
    page.goto(live_server.url + world["place"].get_absolute_url())
    _clean_at_both_widths(page)
    _press(page, page.get_by_role("link", name=re.compile("Adresser une personne.*Accompagnement aux démarches CAF")))
    assert page.locator("h1").inner_text() == "Adresser une personne"
    _clean_at_both_widths(page)

    _type(page, "Prénom de la personne", "Josiane")
    _type(page, "Nom de la personne", "Martin")
    _type(page, "Téléphone de la personne (facultatif)", "06 12 34 56 78")
    _press(page, page.get_by_role("button", name="Envoyer l’adressage"))  # no consent yet
    assert page.get_by_role("alert").is_visible() and "sans l’accord de la personne" in page.content()
    assert page.get_by_label("Prénom de la personne", exact=True).input_value() == "Josiane"
    _clean_at_both_widths(page)
    page.get_by_role("checkbox").focus()
    page.keyboard.press("Space")
    _press(page, page.get_by_role("button", name="Envoyer l’adressage"))
    assert page.locator("h1").inner_text().startswith("Adressage n° ")
    assert "envoyée" in page.locator(".status").inner_text()
    _clean_at_both_widths(page)

    structure = _context(browser, live_server)  # a fresh browser: no account, no cookie
    link = structure.new_page()
    link.goto(live_server.url + _structure_link())
    assert link.locator("h1").inner_text() == "Une personne vous est adressée"
    assert "Josiane Martin" in link.locator("main").inner_text()
    _clean_at_both_widths(link)
    _press(link, link.get_by_role("button", name="Accepter"))
    assert link.locator("h1").inner_text() == "Merci, votre réponse est enregistrée"
    _clean_at_both_widths(link)
    link.go_back()
    link.reload()
    assert link.get_by_role("button", name="La personne est venue").is_visible()
    _clean_at_both_widths(link)
    structure.close()

    page.reload()
    assert "acceptée" in page.locator(".status").inner_text()
    assert "lien de la structure" in page.locator("main").inner_text()  # the reading log
    page.goto(live_server.url + "/orienter/adressages/")
    assert "acceptée" in page.locator("main").inner_text()
    _clean_at_both_widths(page)
    context.close()


def test_the_other_pages_have_no_violation(browser, live_server, world):
    context = _context(browser, live_server)
    _log_in(context, live_server, world["pro"])
    page = context.new_page()
    closed = ServiceFactory(place=world["place"], nom="Atelier", mobilisable_par=["usagers"])
    page.goto(f"{live_server.url}/orienter/adresser/{closed.pk}/")
    assert page.locator("h1").inner_text() == "Ce service ne peut pas recevoir d’adressage"
    _clean_at_both_widths(page)
    page.goto(f"{live_server.url}/orienter/reponse/1/faux/")
    assert page.locator("h1").inner_text() == "Ce lien ne peut pas servir"
    _clean_at_both_widths(page)
    page.goto(f"{live_server.url}/orienter/adressages/")
    _clean_at_both_widths(page)
    context.close()


def test_without_javascript_refer_then_refuse_with_a_reason(browser, live_server, world):
    context = _context(browser, live_server, javascript=False)
    _log_in(context, live_server, world["pro"])
    page = context.new_page()
    page.goto(f"{live_server.url}/orienter/adresser/{world['service'].pk}/?situation=4")
    page.get_by_label("Prénom de la personne", exact=True).fill("Josiane")
    page.get_by_label("Nom de la personne", exact=True).fill("Martin")
    page.get_by_label("Courriel de la personne (facultatif)").fill("josiane@exemple.fr")
    page.get_by_role("checkbox").check()
    page.get_by_role("button", name="Envoyer l’adressage").click()
    assert "envoyée" in page.locator(".status").inner_text()

    structure = _context(browser, live_server, javascript=False)
    link = structure.new_page()
    link.goto(live_server.url + _structure_link())
    link.get_by_role("button", name="Refuser l’adressage").click()
    assert "Choisissez le motif du refus" in link.locator("main").inner_text()
    link.get_by_label("Le service est complet pour le moment").check()
    link.get_by_role("button", name="Refuser l’adressage").click()
    assert link.locator("h1").inner_text() == "Merci, votre réponse est enregistrée"
    structure.close()
    referral = Referral.objects.get()
    assert referral.status == Status.REFUSED and referral.refusal_reason == "complet"
    page.reload()
    assert "refusée" in page.locator(".status").inner_text() and "complet" in page.locator("main").inner_text()
    context.close()


def test_the_coordinators_admin_pages_have_no_violation_and_mask_the_person(browser, live_server, world):
    from django.contrib.auth import get_user_model

    from referrals.domain import workflow
    from tests.factories_referrals import send

    referral = send(world["pro"], world["service"])
    workflow.refuse(referral, "complet")
    coordinator = get_user_model().objects.create_superuser("coordination@exemple.fr", "motdepasse")
    context = _context(browser, live_server)
    _log_in(context, live_server, coordinator)
    page = context.new_page()
    for path in ("/admin/referrals/referral/", f"/admin/referrals/referral/{referral.pk}/change/",
                 "/admin/referrals/referraloptin/", "/admin/referrals/referraloptin/add/"):  # fmt: skip
        assert page.goto(live_server.url + path).status == 200, path
        _clean_at_both_widths(page)
        assert "Josiane" not in page.content() and "josiane" not in page.content()
    page.goto(f"{live_server.url}/admin/referrals/referral/{referral.pk}/change/")
    assert "J•••• M••••" in page.locator("main, #content").first.inner_text()
    context.close()
