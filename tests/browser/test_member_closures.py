"""A structure's member announces a closure from their space, by keyboard and without JavaScript, and the public
page announces it; the new pages have no axe-core violation at 1280 and 320 px (clock frozen with time-machine,
which moves the live server's clock too)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from accounts.models import Membership, Structure, User
from directory.domain import temporary
from directory.models import TemporaryInfo
from tests.browser.conftest import axe_violations
from tests.factories import PlaceFactory, ServiceFactory

pytestmark = pytest.mark.django_db(transaction=True)

PARIS = ZoneInfo("Europe/Paris")
TODAY = datetime(2027, 3, 18, 10, 0, tzinfo=PARIS)  # a Thursday


def _log_in(context, live_server, user) -> None:
    """The session cookie of a test client (the login pages are tested elsewhere)."""
    client = Client()
    client.force_login(user)
    cookie = {"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}
    context.add_cookies([cookie])


@pytest.fixture
def world():
    structure = Structure.objects.create(name="Association Lien Numérique", validated=True)
    member = User.objects.create_user("camille@exemple.fr", "motdepasse", full_name="Camille Membre")
    Membership.objects.create(user=member, structure=structure)
    place = PlaceFactory(structure=structure, nom="Médiathèque Jules Verne", horaires="Mo-Fr 09:00-12:00")
    ServiceFactory(place=place, nom="Atelier tablette")
    return {"member": member, "place": place}


def _type(page, label: str, text: str, **options) -> None:
    page.get_by_label(label, **options).focus()
    page.keyboard.type(text)


def _type_date(page, label: str, day: date) -> None:
    """Type a day into the browser's date field, segment after segment, in the order it shows them (day first in
    French; this Chromium may show the month first whatever the page's locale: tried once, then typed)."""
    field = page.get_by_label(label)
    field.focus()
    page.keyboard.type("01022027")
    day_first = field.input_value() == "2027-02-01"
    page.locator("p.back a").focus()  # away and back: the field starts again at its first segment
    field.focus()
    page.keyboard.type(f"{day:%d%m%Y}" if day_first else f"{day:%m%d%Y}")
    assert field.input_value() == day.isoformat()


def _follow(page, target) -> None:
    """Focus a link or a button and press Enter, as a keyboard user does; wait for the next page."""
    target.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_a_member_announces_a_closure_by_keyboard_without_javascript(browser, live_server, world):
    place = world["place"]
    context = browser.new_context(locale="fr-FR", java_script_enabled=False, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    with time_machine.travel(TODAY, tick=True):
        _log_in(context, live_server, world["member"])
        page.goto(f"{live_server.url}/espace/")
        _follow(page, page.get_by_role("link", name="Médiathèque Jules Verne"))
        _follow(page, page.get_by_role("link", name="Ajouter une fermeture, des horaires exceptionnels ou un message"))
        assert page.get_by_label("Fermeture exceptionnelle").is_checked()  # the usual case is chosen already
        _type_date(page, "Premier jour", date(2027, 4, 1))
        _type_date(page, "Dernier jour (inclus)", date(2027, 4, 15))
        _type(page, "Texte pour le public", "Travaux : l’accueil se fait à la mairie.")
        _follow(page, page.get_by_role("button", name="Enregistrer"))
        main = page.locator("main").inner_text()
        assert main.count("C’est publié") == 1  # said once (the layout shows the messages)
        assert "C’est publié : la page publique du lieu l’annonce dès maintenant." in main
        assert "Du 1er avril 2027 au 15 avril 2027" in main
        info = TemporaryInfo.objects.get()
        assert (info.debut, info.fin, info.cree_par) == (date(2027, 4, 1), date(2027, 4, 15), world["member"])

        # The public page (a visitor's: no session) announces it.
        visitor = browser.new_context(locale="fr-FR", java_script_enabled=False)
        public = visitor.new_page()
        public.goto(live_server.url + place.get_absolute_url())
        notices = public.get_by_role("region", name="À savoir avant de venir").inner_text()
        assert "Fermeture exceptionnelle du 1er au 15 avril" in notices
        assert "Travaux : l’accueil se fait à la mairie." in notices
        visitor.close()

        # Changed, then removed after the confirmation page.
        _follow(
            page, page.get_by_role("link", name="Modifier fermeture exceptionnelle du 1er avril 2027 au 15 avril 2027")
        )
        _type_date(page, "Dernier jour (inclus)", date(2027, 4, 20))
        _follow(page, page.get_by_role("button", name="Enregistrer"))
        assert "Du 1er avril 2027 au 20 avril 2027" in page.locator("main").inner_text()
        _follow(
            page, page.get_by_role("link", name="Supprimer fermeture exceptionnelle du 1er avril 2027 au 20 avril 2027")
        )
        _follow(page, page.get_by_role("button", name="Supprimer cette information"))
        assert "C’est supprimé" in page.locator("main").inner_text()
        assert not TemporaryInfo.objects.exists()
    context.close()


@pytest.mark.parametrize("width", [1280, 320])
def test_the_new_pages_have_no_axe_violation(page, live_server, world, width):
    place = world["place"]
    page.set_viewport_size({"width": width, "height": 900})
    with time_machine.travel(TODAY, tick=True):
        info = temporary.add(
            place, user=world["member"], kind="horaires", debut=date(2027, 3, 18), fin=date(2027, 3, 31),
            texte="Horaires d’été avant l’heure.", horaires="Mo-Fr 10:00-12:00", service=place.services.get(),
        )  # fmt: skip
        _log_in(page.context, live_server, world["member"])
        found = {}
        pages = {
            "lieu": reverse("contributions:place", args=[place.pk]),
            "ajout": reverse("contributions:add-temporary", args=[place.pk]),
            "modification": reverse("contributions:edit-temporary", args=[info.pk]),
            "suppression": reverse("contributions:delete-temporary", args=[info.pk]),
        }
        for name, url in pages.items():
            page.goto(live_server.url + url)
            assert page.locator("h1").count() == 1, name
            found[name] = axe_violations(page)
            if page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1"):
                found[name].append("horizontal scroll")
        page.goto(live_server.url + pages["ajout"])
        page.get_by_label("Horaires exceptionnels", exact=False).first.check()
        page.get_by_label("Premier jour").fill("2027-04-10")
        page.get_by_label("Dernier jour (inclus)").fill("2027-04-01")
        page.get_by_label("Mardi").fill("le matin")
        page.get_by_role("button", name="Enregistrer").click()
        assert page.locator("#erreurs").count() == 1
        assert "Le formulaire contient 2 erreurs" in page.locator("#erreurs").inner_text()
        found["ajout (erreurs)"] = axe_violations(page)
        if page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1"):
            found["ajout (erreurs)"].append("horizontal scroll")
    assert {name: v for name, v in found.items() if v} == {}
