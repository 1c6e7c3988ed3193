"""The agenda in Chromium: an organiser publishes a recurring workshop with 8 seats from their space, an
inhabitant finds it near Palaiseau and registers without an account, the ninth person waits, a cancellation by
the e-mailed link promotes them and both get an e-mail. Then axe-core on every agenda page at 1280 and 320 px."""

import datetime
import re

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from accounts.models import Membership, User
from agenda.domain import registrations, schedule
from agenda.models import Event, Registration
from core import worker
from tests.browser.conftest import axe_violations
from tests.factories import PlaceFactory
from tests.factories_agenda import EventFactory, ProgrammeFactory, StructureFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _log_in(page, live_server, user) -> None:
    page.context.clear_cookies()
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def _next_tuesday() -> datetime.date:
    today = timezone.localdate() + datetime.timedelta(days=7)
    return today + datetime.timedelta(days=(1 - today.weekday()) % 7)


@pytest.fixture
def organiser():
    structure = StructureFactory(name="Association Lien Numérique")
    user = User.objects.create_user("camille@exemple.fr", "motdepasse", full_name="Camille")
    Membership.objects.create(user=user, structure=structure, role=Membership.Role.ADMIN)
    place = PlaceFactory(
        structure=structure,
        nom="Médiathèque George Sand",
        commune="Palaiseau",
        code_postal="91120",
        code_insee="91477",
        latitude=48.7145,
        longitude=2.2457,
    )
    return user, place


def _register(page, name, email):
    page.get_by_label("Votre nom ou votre prénom").fill(name)
    page.get_by_label("Votre adresse e-mail").fill(email)
    page.get_by_role("button", name=re.compile("M’inscrire")).click()


def test_publish_find_register_wait_and_be_promoted(page, live_server, organiser):
    user, place = organiser
    start = _next_tuesday()
    _log_in(page, live_server, user)
    page.goto(f"{live_server.url}/espace/")
    page.get_by_role("link", name="Gérer mes événements et publier un atelier").click()
    page.get_by_role("link", name="Publier un événement").click()
    page.get_by_label("Titre").fill("Atelier smartphone")
    page.get_by_label("Lieu de l’annuaire", exact=True).select_option(value=str(place.pk))
    page.get_by_label("Nombre de places par date").fill("8")
    page.get_by_label("Date", exact=True).fill(start.isoformat())
    page.get_by_label("Heure de début").fill("14:00")
    page.get_by_label("Heure de fin").fill("16:00")
    page.get_by_label("Chaque semaine, les jours choisis").check()
    page.get_by_role("checkbox", name="Mardi").check()
    page.get_by_label("Ou : nombre de dates").fill("6")
    page.get_by_role("button", name="Enregistrer").click()
    assert "C’est publié" in page.locator("main").inner_text()
    event = Event.objects.get(title="Atelier smartphone")
    assert event.occurrences.count() >= 5  # six Tuesdays, a public holiday perhaps among them
    occurrence = event.occurrences.order_by("starts_at").first()
    for n in range(7):
        registrations.register(occurrence.pk, name=f"Voisin {n}", phone="0600000000")

    # An inhabitant, without an account, finds it near Palaiseau.
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/agenda/")
    page.get_by_label("Près de").fill("Palaiseau")
    page.get_by_role("button", name="Chercher").click()
    page.get_by_role("link", name="Atelier smartphone").first.click()
    page.get_by_role("link", name=re.compile("^S’inscrire")).first.click()
    _register(page, "Lou", "lou@exemple.fr")
    assert "Vous êtes inscrit(e)" in page.locator("h1").inner_text()
    # The ninth person lands on the waiting list.
    page.goto(f"{live_server.url}/agenda/dates/{occurrence.pk}/inscription/")
    assert "complète" in page.locator("main").inner_text()
    _register(page, "Max", "max@exemple.fr")
    assert "liste d’attente" in page.locator("h1").inner_text()
    assert "position 1" in page.locator("main").inner_text()

    # Lou cancels through the e-mailed link; Max is promoted; both are told.
    worker.run_pending()
    to_lou = next(m for m in mail.outbox if m.to == ["lou@exemple.fr"])
    link = re.search(r"/agenda/annuler/\S+/", to_lou.body)[0]
    mail.outbox.clear()
    page.goto(f"{live_server.url}{link}")
    page.get_by_role("button", name="Annuler mon inscription").click()
    assert "votre inscription est annulée" in page.locator("main").inner_text()
    assert Registration.objects.get(email="max@exemple.fr").status == Registration.Status.REGISTERED
    worker.run_pending()
    assert sorted(m.to[0] for m in mail.outbox) == ["lou@exemple.fr", "max@exemple.fr"]
    assert "place s’est libérée" in next(m for m in mail.outbox if m.to == ["max@exemple.fr"]).subject


def test_agenda_pages_have_no_axe_violations_at_1280_and_320_px(page, live_server, organiser):
    user, place = organiser
    moderator = User.objects.create_user("modo@exemple.fr", "x", role=User.Role.MODERATOR)
    programme = ProgrammeFactory(slug="sun-2026")
    event = EventFactory(
        title="Atelier tablette",
        structure=user.memberships.first().structure,
        place=place,
        programme=programme,
        start_date=_next_tuesday(),
        repeat="hebdo",
        weekdays=[1],
        count=3,
    )
    pending = EventFactory(title="Premier café", status=Event.Status.PENDING, place=place)
    occurrence = schedule.materialise(event).created[0]
    registration = registrations.register(occurrence.pk, name="Lou", email="lou@exemple.fr")
    cancel_link = registrations.cancel_url(registration).split("8000", 1)[-1]
    public = [
        "/agenda/",
        "/agenda/?ou=Palaiseau&rayon=10",
        "/agenda/?ou=Zzzville",
        "/agenda/?ou=Brest&du=2026-01-01",
        event.get_absolute_url(),
        programme.get_absolute_url(),
        f"/agenda/dates/{occurrence.pk}/inscription/",
        cancel_link,
        place.get_absolute_url(),
    ]
    space = [
        "/espace/agenda/",
        "/espace/agenda/publier/",
        f"/espace/agenda/{event.pk}/",
        f"/espace/agenda/{event.pk}/modifier/",
        f"/espace/agenda/dates/{occurrence.pk}/presences/",
        f"/espace/agenda/dates/{occurrence.pk}/annuler/",
    ]
    problems = []
    for who, urls in ((None, public), (user, space), (moderator, [f"/moderation/evenements/{pending.pk}/"])):
        if who:
            _log_in(page, live_server, who)
        for width in (1280, 320):
            page.set_viewport_size({"width": width, "height": 900})
            for url in urls:
                page.goto(f"{live_server.url}{url}")
                problems += [f"{url} @{width}: {v}" for v in axe_violations(page)]
    # The form's errors, too.
    _log_in(page, live_server, user)
    page.goto(f"{live_server.url}/espace/agenda/publier/")
    page.get_by_role("button", name="Enregistrer").click()
    problems += [f"errors: {v}" for v in axe_violations(page)]
    assert problems == []


def test_narrow_and_long_pages_fit_and_the_sheet_prints_a_signature_column(page, live_server, organiser):
    user, place = organiser
    event = EventFactory(
        title="Atelier " + "numériquedécouverte" * 8,
        structure=user.memberships.first().structure,
        place=place,
        start_date=_next_tuesday(),
    )
    occurrence = schedule.materialise(event).created[0]
    registrations.register(occurrence.pk, name="Dominique Delacroix-Martin", email="dominique.delacroix@exemple.fr")
    widths = {}
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}{event.get_absolute_url()}")
    widths["event@1280"] = page.evaluate("document.documentElement.scrollWidth")
    _log_in(page, live_server, user)
    page.set_viewport_size({"width": 320, "height": 900})
    page.goto(f"{live_server.url}/espace/agenda/dates/{occurrence.pk}/presences/")
    widths["sheet@320"] = page.evaluate("document.documentElement.scrollWidth")
    assert widths == {"event@1280": 1280, "sheet@320": 320}
    assert "Contact" in page.locator(".attendance td").first.evaluate("e => getComputedStyle(e, '::before').content")
    page.emulate_media(media="print")
    assert page.get_by_role("columnheader", name="Signature").is_visible()
    page.emulate_media(media="screen")
    page.goto(f"{live_server.url}/espace/agenda/publier/")
    box = page.get_by_label("Date", exact=True).bounding_box()
    assert box["height"] >= 40 and box["width"] > 200
