"""The freshness e-mail's link, as the place's contact uses it: one click confirms, the link cannot be reused."""

import datetime

import pytest
from django.core import mail as django_mail
from django.utils import formats, timezone

from core import worker
from directory.models import Place
from freshness.models import Confirmation
from freshness.tasks import send_update_requests
from tests.browser.conftest import axe_violations
from tests.factories import PlaceFactory
from tests.freshness.conftest import confirm_path

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_emailed_link_confirms_in_one_click_and_only_once(page, live_server):
    place = PlaceFactory(
        nom="Médiathèque Jules Verne", courriels=["contact@mediatheque.example"], date_maj=datetime.date(2024, 1, 5)
    )
    send_update_requests.enqueue()
    worker.run_pending()
    [message] = django_mail.outbox
    link = live_server.url + confirm_path(message)

    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 800})
        page.goto(link)  # opening the page (as a mail scanner would) changes nothing
        heading = page.locator("h1").inner_text().replace("\xa0", " ")
        assert heading == "Les informations de « Médiathèque Jules Verne » sont-elles à jour ?"
        assert axe_violations(page) == []
    assert Place.objects.get(pk=place.pk).date_maj == datetime.date(2024, 1, 5)

    button = page.get_by_role("button", name="Mes informations sont à jour")
    button.focus()
    with page.expect_navigation():  # wait_for_load_state() alone may return before the POST's page is there
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text() == "Merci, vos informations sont confirmées"
    assert axe_violations(page) == []
    today = formats.date_format(timezone.localdate(), "j F Y")
    page.get_by_role("link", name="Voir la fiche du lieu").click()
    assert f"Informations vérifiées le {today}" in page.locator("main").inner_text()
    assert Confirmation.objects.count() == 1

    page.goto(link)
    assert page.locator("h1").inner_text() == "Ce lien ne peut pas servir"
    assert "déjà servi" in page.locator("main").inner_text()
    assert axe_violations(page) == []
    assert not page.get_by_role("button", name="Mes informations sont à jour").count()
    assert Confirmation.objects.count() == 1
