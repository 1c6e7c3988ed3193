"""The structure space and the review of edits, in Chromium: the member's journey, the moderator's, axe-core."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.models import Membership, Structure, User
from contributions.domain import submit
from contributions.models import Contribution
from core import worker
from tests.browser.conftest import axe_violations
from tests.factories import PlaceFactory, ServiceFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _log_in(page, live_server, user) -> None:
    """The session cookie of a test client (the login pages are built elsewhere)."""
    page.context.clear_cookies()
    client = Client()
    client.force_login(user)
    cookie = {"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}
    page.context.add_cookies([cookie])


@pytest.fixture
def world():
    structure = Structure.objects.create(name="Association Lien Numérique", validated=True)
    new = Structure.objects.create(name="Jeune association")
    member = User.objects.create_user("camille@exemple.fr", "motdepasse", full_name="Camille Membre")
    newcomer = User.objects.create_user("sacha@exemple.fr", "motdepasse", full_name="Sacha Nouveau")
    moderator = User.objects.create_user("modo@exemple.fr", "motdepasse", full_name="Dominique Modo",
                                         role=User.Role.MODERATOR)  # fmt: skip
    Membership.objects.create(user=member, structure=structure, role=Membership.Role.ADMIN)
    Membership.objects.create(user=newcomer, structure=new)
    place = PlaceFactory(structure=structure, nom="Médiathèque Jules Verne")
    ServiceFactory(place=place)
    new_place = PlaceFactory(structure=new, nom="Maison des jeunes")
    return {"member": member, "newcomer": newcomer, "moderator": moderator, "place": place, "new_place": new_place}


def test_a_member_changes_the_hours_and_a_moderator_reverts_them_with_a_reason(page, live_server, world):
    place = world["place"]
    _log_in(page, live_server, world["member"])
    page.goto(f"{live_server.url}/espace/")
    page.get_by_role("link", name="Médiathèque Jules Verne").click()
    page.get_by_role("link", name="Modifier les informations du lieu").click()
    page.get_by_label("Samedi").fill("10:00 - 12:00")
    page.get_by_label("Nom", exact=True).fill("Médiathèque Jules-Verne")
    page.get_by_role("button", name="Enregistrer").click()
    assert "C’est publié" in page.locator("main").inner_text()
    # The public page shows it at once.
    page.goto(f"{live_server.url}{place.get_absolute_url()}")
    saturday = page.locator("table.hours tr", has_text="Samedi").inner_text().replace("\xa0", " ")
    assert "10 h – 12 h" in saturday
    # The moderator sees the diff and reverts the hours only.
    _log_in(page, live_server, world["moderator"])
    contribution = Contribution.objects.get()
    page.goto(f"{live_server.url}{reverse('contributions:review', args=[contribution.pk])}")
    diff = page.locator("main").inner_text().replace("\xa0", " ")
    assert "Samedi : fermé" in diff and "Samedi : 10 h – 12 h" in diff
    page.locator("fieldset", has_text="Horaires").get_by_label("Annuler").check()
    page.get_by_role("button", name="Enregistrer la décision").click()
    assert "Dites à l’auteur ou l’autrice pourquoi" in page.locator("#erreurs").inner_text()
    page.get_by_label("Message à l’auteur ou l’autrice").fill("Le samedi, la médiathèque n’ouvre qu’aux groupes.")
    page.get_by_role("button", name="Enregistrer la décision").click()
    assert "Décision enregistrée" in page.locator("main").inner_text()
    place.refresh_from_db()
    assert (place.nom, place.horaires) == ("Médiathèque Jules-Verne", "Mo-Fr 09:00-12:00,14:00-17:00")
    # The member is told why.
    worker.run_pending()
    assert [m.to for m in mail.outbox] == [["camille@exemple.fr"]]
    assert "n’ouvre qu’aux groupes" in mail.outbox[0].body and "Horaires" in mail.outbox[0].body


def test_a_new_structures_edit_is_not_public_until_accepted(page, live_server, world):
    place = world["new_place"]
    _log_in(page, live_server, world["newcomer"])
    page.goto(f"{live_server.url}{reverse('contributions:edit-place', args=[place.pk])}")
    page.get_by_label("Présentation courte").fill("Ateliers numériques le mercredi.")
    page.get_by_role("button", name="Enregistrer").click()
    assert "seront publiés une fois relus" in page.locator("main").inner_text()
    page.goto(f"{live_server.url}{place.get_absolute_url()}")
    assert "Ateliers numériques le mercredi." not in page.content()
    _log_in(page, live_server, world["moderator"])
    page.goto(f"{live_server.url}{reverse('contributions:review', args=[Contribution.objects.get().pk])}")
    page.get_by_role("button", name="Enregistrer la décision").click()  # « Garder » is the default
    page.goto(f"{live_server.url}{place.get_absolute_url()}")
    assert "Ateliers numériques le mercredi." in page.content()


@pytest.mark.parametrize("width", [1280, 320])
def test_every_new_page_has_no_axe_violation(page, live_server, world, width):
    page.set_viewport_size({"width": width, "height": 900})
    place, new_place = world["place"], world["new_place"]
    service = place.services.get()
    waiting = submit.edit(world["newcomer"], new_place, {"horaires": "Sa 10:00-12:00", "nom": "Maison des jeunes MJC"})
    published = submit.edit(world["member"], place, {"telephone": "+33169000001"})
    pages = {
        world["member"]: [
            "/espace/",
            reverse("contributions:place", args=[place.pk]),
            reverse("contributions:edit-place", args=[place.pk]),
            reverse("contributions:preview", args=[place.pk]),
            reverse("contributions:add-service", args=[place.pk]),
            reverse("contributions:edit-service", args=[service.pk]),
            reverse("contributions:delete-service", args=[service.pk]),
        ],
        world["newcomer"]: [reverse("contributions:preview", args=[new_place.pk]), "/espace/"],
        world["moderator"]: [
            reverse("contributions:review", args=[waiting.pk]),
            reverse("contributions:review", args=[published.pk]),
        ],
    }
    found = {}
    for user, urls in pages.items():
        _log_in(page, live_server, user)
        for url in urls:
            page.goto(f"{live_server.url}{url}")
            assert page.locator("h1").count() == 1, url
            found[url] = axe_violations(page)
            if url == reverse("contributions:edit-place", args=[place.pk]):  # with its error summary
                page.get_by_label("Nom", exact=True).fill("")
                page.get_by_label("Mardi").fill("le matin")
                page.get_by_role("button", name="Enregistrer").click()
                assert page.locator("#erreurs").count() == 1
                found[f"{url} (erreurs)"] = axe_violations(page)
            overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1")
            if overflow:
                found.setdefault(url, []).append("horizontal scroll")
    assert {url: v for url, v in found.items() if v} == {}
