"""The moderation queue on the site: zero axe-core violations, and a report decided by keyboard only."""

import pytest
from django.core import mail

from core import worker
from directory.models import ErrorReport
from tests.browser.conftest import axe_violations
from tests.browser.test_admin_accessibility import backoffice, coordinator_page  # noqa: F401 — fixtures

pytestmark = pytest.mark.django_db(transaction=True, databases=["default", "progress"])  # the back office fixture


@pytest.mark.parametrize("width", [1280, 320])
def test_moderation_pages_have_no_axe_violation(coordinator_page, live_server, backoffice, width):  # noqa: F811
    page = coordinator_page
    page.set_viewport_size({"width": width, "height": 800})
    pages = {
        "file de modération": "/moderation/",
        "un type d’éléments": "/moderation/?type=signalements",
        "un signalement": f"/moderation/signalements/{backoffice['report'].pk}/",
        "historique d’un lieu": f"/moderation/historique/lieux/{backoffice['record'].place_id}/",
    }
    found = {}
    for name, path in pages.items():
        assert page.goto(live_server.url + path).status == 200, name
        found[name] = axe_violations(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= max(width, 320), name
    assert {name: v for name, v in found.items() if v} == {}


def test_a_report_is_decided_by_keyboard_and_the_visitor_is_answered(coordinator_page, live_server, backoffice):  # noqa: F811
    report = backoffice["report"]
    report.email = "habitant@exemple.fr"
    report.save()
    page = coordinator_page
    page.goto(live_server.url + "/moderation/")
    link = page.get_by_role("link", name=f"{report.get_kind_display()} : {report.place.nom}")
    link.focus()
    page.keyboard.press("Enter")
    page.get_by_label("Sans suite").focus()
    page.keyboard.press("Space")
    page.keyboard.press("Enter")  # sent without a reason: the form says what is missing
    assert "Dites à la personne pourquoi" in page.get_by_role("alert").inner_text()
    page.get_by_label("Réponse à la personne").fill("Les horaires affichés sont ceux de la mairie, vérifiés hier.")
    page.get_by_role("button", name="Enregistrer la décision").press("Enter")
    page.wait_for_url(f"{live_server.url}/moderation/#signalements")
    assert ErrorReport.objects.get(pk=report.pk).status == "rejete"
    worker.run_pending()
    [answer] = [m for m in mail.outbox if m.to == ["habitant@exemple.fr"]]  # the fixture's campaign mails too
    assert "vérifiés hier" in answer.body
