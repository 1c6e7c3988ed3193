"""Citizens' requests in Chromium: a citizen reports a broken public computer at a library in Massy, is shown
the same open request and supports it instead (« Moi aussi »); the service plans it for a date, the citizen is
told and sees the date; it is marked done, the citizen says it is not, it reopens. Zero axe-core violations on
every page of the module at 1280 and 320 px; the same journey without JavaScript; « Moi aussi » by keyboard."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from core import worker
from participation.models import Minutes, Request
from tests.browser.conftest import axe_violations
from tests.factories_participation import CategoryFactory, CommissionFactory, RequestFactory

pytestmark = pytest.mark.django_db(transaction=True)
CITIZEN = "camille@exemple.fr"


def _check(page, name, found, width):
    if found is None:
        return
    found[name] = axe_violations(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= max(width, 320), name


def main_text(page) -> str:
    return page.inner_text("main").replace("\xa0", " ")


def _mail_link(part: str, to: str) -> str:
    worker.run_pending()
    bodies = [m.body for m in mail.outbox if to in m.to]
    return re.findall(r"(/demandes/" + part + r"/\S+/)", "\n".join(bodies))[-1]


def _login(page, base, user):
    client = Client()
    client.force_login(user)
    page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base}])


@pytest.fixture
def world():
    category = CategoryFactory()
    agent = get_user_model().objects.create_user("agent@ville.fr", "motdepasse")
    category.service.members.add(agent)
    existing = RequestFactory(category=category, address="Médiathèque Jules Verne, Massy")
    commission = CommissionFactory(slug="massy")
    member = get_user_model().objects.create_user("membre@exemple.fr", "motdepasse")
    commission.members.add(member)
    Minutes.objects.create(commission=commission, date=datetime.date(2026, 11, 20), text="Le WiFi d’abord.")
    return {"agent": agent, "existing": existing, "member": member}


def report_and_support(page, base, existing, found=None, width=1280):
    page.goto(base + "/demandes/")
    _check(page, "liste", found, width)
    page.get_by_role("link", name="Faire une demande").click()
    _check(page, "formulaire", found, width)
    page.get_by_role("button", name="Continuer").click()
    assert "Le formulaire contient" in main_text(page)
    _check(page, "formulaire avec erreurs", found, width)
    page.get_by_label("De quoi s’agit-il ?").select_option(label="Un ordinateur public en panne")
    page.get_by_label("Description").fill("L’ordinateur près de l’entrée ne s’allume plus.")
    page.get_by_label("Commune").fill("Massy")
    page.get_by_label("Adresse ou lieu").fill("Médiathèque Jules Verne")
    page.get_by_label("Latitude").fill("48.7310")
    page.get_by_label("Longitude").fill("2.2714")
    page.get_by_label("Votre adresse e-mail").fill(CITIZEN)
    page.get_by_role("button", name="Continuer").click()
    assert "Des demandes semblables existent déjà" in main_text(page)
    assert f"N° {existing.pk}" in main_text(page)
    _check(page, "demandes semblables", found, width)
    page.get_by_role("button", name=f"Moi aussi : soutenir la demande n° {existing.pk}").click()
    assert "Confirmez votre « Moi aussi »" in main_text(page)
    _check(page, "soutien envoyé", found, width)
    page.goto(base + _mail_link("soutien", CITIZEN))
    _check(page, "confirmer", found, width)
    page.get_by_role("button", name="Confirmer").click()
    assert "1 personne a dit “moi aussi”" in main_text(page)
    _check(page, "demande", found, width)
    assert Request.objects.count() == 1  # no duplicate


def plan_done_and_contest(page, base, world, found=None, width=1280):
    existing, day = world["existing"], datetime.date.today() + datetime.timedelta(days=10)
    _login(page, base, world["agent"])
    page.goto(base + "/demandes/traitement/")
    _check(page, "file du service", found, width)
    page.get_by_role("link", name=f"N° {existing.pk}").click()
    _check(page, "traiter", found, width)
    page.get_by_label("Nouvel état").select_option(label="Planifiée")
    page.get_by_label("Note publique").fill("Un technicien passera.")
    page.get_by_label("Date d’intervention prévue (pour « Planifiée »)").fill(day.isoformat())
    page.get_by_role("button", name="Enregistrer et prévenir les personnes qui suivent").click()
    page.get_by_label("Nouvel état").select_option(label="Planifiée")  # the page is back, saved
    worker.run_pending()
    told = [m for m in mail.outbox if CITIZEN in m.to and "planifiée" in m.subject]
    assert told and str(day.day) in told[-1].body
    page.context.clear_cookies()
    page.goto(base + f"/demandes/{existing.pk}/")
    assert "intervention prévue le" in main_text(page)
    _login(page, base, world["agent"])
    page.goto(base + f"/demandes/traitement/{existing.pk}/")
    page.get_by_label("Nouvel état").select_option(label="Faite")
    page.get_by_label("Note publique").fill("Poste remplacé.")
    page.get_by_role("button", name="Enregistrer et prévenir les personnes qui suivent").click()
    page.context.clear_cookies()
    page.goto(base + _mail_link("contester", CITIZEN))
    _check(page, "contester", found, width)
    page.get_by_label("Qu’est-ce qui n’est pas réglé ?").fill("L’écran reste noir.")
    page.get_by_role("button", name="Rouvrir la demande").click()
    main = main_text(page)
    assert "Reçue" in main and "L’écran reste noir." in main
    existing.refresh_from_db()
    assert existing.status == Request.Status.RECEIVED


def other_pages(page, base, world, found, width):
    for name, path in (("statistiques", "/demandes/statistiques/"), ("commissions", "/demandes/commissions/"),
                       ("commission", "/demandes/commissions/massy/")):  # fmt: skip
        page.goto(base + path)
        _check(page, name, found, width)
    _login(page, base, world["member"])
    page.goto(base + "/demandes/commissions/massy/classement/")
    _check(page, "classement", found, width)
    page.goto(base + "/demandes/commissions/massy/compte-rendu/")
    page.get_by_role("button", name="Publier").click()
    _check(page, "compte rendu avec erreurs", found, width)


@pytest.mark.parametrize("width", [1280, 320])
def test_report_support_plan_done_contest_reopen(page, live_server, world, width):
    page.set_viewport_size({"width": width, "height": 800})
    found = {}
    report_and_support(page, live_server.url, world["existing"], found, width)
    plan_done_and_contest(page, live_server.url, world, found, width)
    other_pages(page, live_server.url, world, found, width)
    assert {name: v for name, v in found.items() if v} == {}


def test_the_same_journey_works_without_javascript(browser, live_server, world):
    context = browser.new_context(locale="fr-FR", java_script_enabled=False)
    page = context.new_page()
    try:
        report_and_support(page, live_server.url, world["existing"])
        plan_done_and_contest(page, live_server.url, world)
    finally:
        context.close()


def test_moi_aussi_by_keyboard(page, live_server, world):
    existing = world["existing"]
    page.goto(live_server.url + f"/demandes/{existing.pk}/")
    page.get_by_label("Votre adresse e-mail").focus()
    page.keyboard.type("voisin@exemple.fr")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the honeypot is skipped (tabindex -1): the button
    page.wait_for_url(live_server.url + "/demandes/soutien-envoye/")
    assert existing.supports.filter(email="voisin@exemple.fr").exists()


FACTS_LAYOUT = """() => {
  const dl = document.querySelector("dl.request-facts");
  const terms = [...dl.querySelectorAll("dt")].map(e => e.getBoundingClientRect());
  const values = [...dl.querySelectorAll("dd")].map(e => e.getBoundingClientRect());
  return {
    // each pair starts below the previous one: one term and its value per row (or stacked)
    rows: terms.every((t, i) => i === 0 || t.top >= values[i - 1].bottom - 1),
    // each value sits beside its term (wide) or just below it (narrow), never before it
    beside: terms.every((t, i) => values[i].top >= t.top - 1 && values[i].left >= t.left - 1),
    inside: values.every(v => v.right <= document.documentElement.clientWidth + 1),
  };
}"""


@pytest.mark.parametrize("width", [1280, 320])
def test_the_facts_of_a_request_read_one_term_and_its_value_per_line(page, live_server, world, width):
    page.set_viewport_size({"width": width, "height": 800})
    existing = world["existing"]
    page.goto(live_server.url + f"/demandes/{existing.pk}/")
    assert page.evaluate(FACTS_LAYOUT) == {"rows": True, "beside": True, "inside": True}
    _login(page, live_server.url, world["agent"])
    page.goto(live_server.url + f"/demandes/traitement/{existing.pk}/")
    assert page.evaluate(FACTS_LAYOUT) == {"rows": True, "beside": True, "inside": True}


def test_the_queue_fits_a_320_px_screen(page, live_server, world):
    existing = world["existing"]
    existing.status = Request.Status.QUALIFIED
    existing.save()
    page.set_viewport_size({"width": 320, "height": 800})
    _login(page, live_server.url, world["agent"])
    page.goto(live_server.url + "/demandes/traitement/")
    region = page.locator(".table-scroll")
    assert region.evaluate("e => e.scrollWidth <= e.clientWidth")  # nothing hidden to the right
    row = page.locator("tbody tr").first
    state = row.locator('td[data-label="État"]')
    assert "État" in state.evaluate("e => getComputedStyle(e, '::before').content")  # each value says what it is
    assert row.get_by_text("Qualifiée").evaluate("e => e.getBoundingClientRect().right <= 320")
