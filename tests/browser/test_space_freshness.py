"""A member confirms a due place from the « À faire » panel of `/espace/`, by keyboard only; axe-core at 1280
and 320 px, before and after."""

from datetime import date

import pytest
import time_machine

from accounts.models import Membership, Structure, User
from freshness.models import Channel, Confirmation
from tests.browser.conftest import axe_violations
from tests.browser.test_contributions import _log_in
from tests.factories import PlaceFactory
from tests.freshness.conftest import at

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("width", [1280, 320])
def test_a_member_confirms_a_due_place_from_the_panel_by_keyboard(page, live_server, width):
    structure = Structure.objects.create(name="Association Lien Numérique", validated=True)
    member = User.objects.create_user("camille@exemple.fr", "motdepasse", full_name="Camille Membre")
    Membership.objects.create(user=member, structure=structure)
    due = PlaceFactory(structure=structure, nom="Médiathèque Jules Verne", date_maj=date(2026, 1, 1))
    PlaceFactory(structure=structure, nom="Point numérique de la gare", date_maj=date(2025, 1, 1))
    PlaceFactory(structure=structure, nom="Espace Jeunes", date_maj=date(2026, 6, 20))
    page.set_viewport_size({"width": width, "height": 900})
    with time_machine.travel(at(2026, 7, 10, 10, 0), tick=False):
        # The public page tells the people who work there where to go (the login first).
        page.goto(f"{live_server.url}{due.get_absolute_url()}")
        assert axe_violations(page) == []
        page.get_by_role("link", name="Vous travaillez ici ? Gérez cette fiche").click()
        assert page.url == f"{live_server.url}/connexion/?next=/compte/structures/{structure.pk}/"
        _log_in(page, live_server, member)
        page.goto(f"{live_server.url}/espace/")
        panel = page.locator("section", has_text="À faire")
        text = panel.inner_text().replace("\xa0", " ")
        assert "Médiathèque Jules Verne : informations à vérifier depuis le 1er juillet 2026." in text
        assert "Point numérique de la gare : informations à vérifier depuis le 1er juillet 2025 (en retard)." in text
        assert "Espace Jeunes" not in text
        assert axe_violations(page) == []
        assert not page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1")
        # By keyboard: Tab until the button for the Médiathèque has the focus, then Enter.
        button = page.get_by_role("button", name="Mes informations sont à jour : Médiathèque Jules Verne")
        for _ in range(60):
            page.keyboard.press("Tab")
            if button.evaluate("b => b === document.activeElement"):
                break
        else:
            pytest.fail("the button never received the focus")
        with page.expect_navigation(url=f"{live_server.url}/espace/"):  # the POST, then back to the space
            page.keyboard.press("Enter")
        main = page.locator("main").inner_text().replace("\xa0", " ")
        thanks = "Merci : les informations de « Médiathèque Jules Verne » sont confirmées à jour aujourd’hui."
        assert main.count(thanks) == 1  # said once (the layout shows the messages)
        assert "Médiathèque Jules Verne : informations à vérifier" not in main  # left the panel
        assert "Point numérique de la gare : informations à vérifier" in main
        assert axe_violations(page) == []
        assert not page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1")
    confirmation = Confirmation.objects.get()
    assert (confirmation.place, confirmation.channel, confirmation.by) == (due, Channel.MEMBER_SPACE, member)
