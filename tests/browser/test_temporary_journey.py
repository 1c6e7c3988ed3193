"""A closure from the 1st to the 15th of next month, entered today by a coordinator, shows ahead, applies, and
clears itself (clock frozen with time-machine: it moves every thread's clock, the live server's included)."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.test import Client

from core.worker import run_pending
from directory.models import TemporaryInfo
from tests.browser.conftest import axe_violations
from tests.factories import ServiceFactory

pytestmark = pytest.mark.django_db(transaction=True)

PARIS = ZoneInfo("Europe/Paris")
TODAY = datetime(2027, 3, 18, 10, 0, tzinfo=PARIS)  # a Thursday; next month: April 2027 (no public holiday 1–15)


def _log_in(page, live_server):
    user = get_user_model().objects.create_superuser("coordination@exemple.fr", "motdepasse")
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def _open_now(page, live_server) -> str:
    page.goto(live_server.url + "/recherche/?ou=91300&ouvert=maintenant")
    return page.locator("main").inner_text()


def test_closure_entered_today_shows_ahead_applies_and_clears_itself(page, live_server):
    hours = "Mo-Fr 09:00-12:00"
    place = ServiceFactory(place__nom="Médiathèque des Prés", place__horaires=hours).place
    ServiceFactory(place__nom="Maison de quartier", place__horaires=hours, place__latitude=48.7310)
    with time_machine.travel(TODAY, tick=True) as clock:
        _log_in(page, live_server)
        page.goto(f"{live_server.url}/admin/directory/place/{place.pk}/change/")
        page.locator('[name="temporary_infos-0-kind"]').select_option("fermeture")
        page.locator('[name="temporary_infos-0-debut"]').fill("01/04/2027")
        page.locator('[name="temporary_infos-0-fin"]').fill("15/04/2027")
        page.locator('[name="temporary_infos-0-texte"]').fill("Travaux : l’accueil se fait à la mairie.")
        page.get_by_role("button", name="Enregistrer", exact=True).click()
        assert "a été modifié avec succès" in page.locator(".messagelist").inner_text()
        assert TemporaryInfo.objects.filter(place=place).count() == 1

        # Today (18 March): announced, the place is open as usual.
        page.goto(live_server.url + place.get_absolute_url())
        notices = page.get_by_role("region", name="À savoir avant de venir")
        assert "Fermeture exceptionnelle du 1er au 15 avril" in notices.inner_text()
        assert "Travaux : l’accueil se fait à la mairie." in notices.inner_text()
        assert page.locator("p.status").first.inner_text().startswith("Ouvert")
        assert axe_violations(page) == []
        assert "Médiathèque des Prés" in _open_now(page, live_server)

        # During the period (Monday 5 April, 10:00): closed, left out of « ouvert maintenant ».
        clock.move_to(datetime(2027, 4, 5, 10, 0, tzinfo=PARIS))
        page.goto(live_server.url + place.get_absolute_url())
        assert page.locator("p.status").first.inner_text().startswith("Fermé")
        assert "Fermé exceptionnellement jusqu’au 15 avril inclus" in page.locator("main").inner_text()
        assert page.get_by_role("row", name="Lundi (aujourd’hui) Fermeture exceptionnelle").is_visible()
        assert axe_violations(page) == []
        page.set_viewport_size({"width": 320, "height": 800})
        assert axe_violations(page) == []
        page.set_viewport_size({"width": 1280, "height": 900})
        results = _open_now(page, live_server)
        assert "Maison de quartier" in results and "Médiathèque des Prés" not in results

        # The day after its end (Friday 16 April): nothing said, open again.
        clock.move_to(datetime(2027, 4, 16, 10, 0, tzinfo=PARIS))
        page.goto(live_server.url + place.get_absolute_url())
        assert "exceptionnel" not in page.locator("main").inner_text()
        assert page.locator("p.status").first.inner_text().startswith("Ouvert")
        assert "Médiathèque des Prés" in _open_now(page, live_server)

        # A month and more later, the nightly job deletes it.
        clock.move_to(datetime(2027, 5, 17, 4, 31, tzinfo=PARIS))
        run_pending()
        assert TemporaryInfo.objects.filter(place=place).exists()  # the job was only scheduled the first time
        clock.move_to(datetime(2027, 5, 18, 4, 31, tzinfo=PARIS))
        run_pending()
        assert not TemporaryInfo.objects.filter(place=place).exists()
