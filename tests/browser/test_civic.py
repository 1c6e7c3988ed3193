"""Civic in a browser: every page without axe-core violation at 1280 and 320 px; a journey without JavaScript
(a citizen proposes, another supports it past the threshold, an official answers; a commitment's update reaches
a follower; a council's vote page shows each councillor's vote)."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from accounts.models import User
from civic.domain import councils
from civic.models import Commitment, Follower, Jury
from core import worker
from tests.browser.conftest import axe_violations
from tests.factories_civic import (
    CommitmentFactory,
    CouncillorFactory,
    DebateFactory,
    DeliberationFactory,
    civic_world,
)


def logged_in(browser, live_server, user, javascript=True):
    client = Client()
    client.force_login(user)
    context = browser.new_context(locale="fr-FR", java_script_enabled=javascript)
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}])
    return context


PUBLIC = ["/debats/", "/debats/quartiers/", "/debats/participer/", "/engagements/", "/engagements/feuille/",
          "/conseils/", "/conseils/conseil/", "/conseils/conseil/seances/2027-03-12/", "/conseils/conseil/elus/elu-a/",
          "/jurys/", "/jurys/jury/", "/jurys/"]  # fmt: skip


@pytest.mark.parametrize("width", [1280, 320])
def test_civic_pages_have_no_accessibility_violation(browser, live_server, width):
    coordinator, proposal, delib = civic_world()
    council = delib.sitting.council
    feuille = Commitment.objects.get(slug="feuille").pk
    context = logged_in(browser, live_server, coordinator)
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": 900})
    paths = [
        *PUBLIC,
        f"/debats/quartiers/{proposal.pk}/", f"/debats/quartiers/{proposal.pk}/repondre/",
        f"/debats/signaler/proposition/{proposal.pk}/", f"/moderation/debats/proposition/{proposal.pk}/",
        "/engagements/feuille/mettre-a-jour/", f"/conseils/{council.slug}/deliberations/{delib.pk}/",
        f"/conseils/{council.slug}/deliberations/{delib.pk}/votes/", f"/conseils/{council.slug}/saisie/",
        f"/conseils/{council.slug}/import/", "/jurys/jury/tirage/",
        "/admin/civic/debate/add/", f"/admin/civic/commitment/{feuille}/change/",
        f"/admin/civic/council/{council.pk}/change/", "/admin/civic/jury/add/",
        f"/admin/civic/jury/{Jury.objects.get(slug='jury').pk}/change/",
    ]  # fmt: skip
    for path in paths:
        page.goto(live_server.url + path)
        assert page.title(), path
        assert axe_violations(page) == [], path
    page.goto(live_server.url + f"/conseils/{council.slug}/saisie/")
    page.click("button.primary")  # empty form: the error summary must be accessible too
    assert axe_violations(page) == []
    context.close()


def test_a_proposal_supported_past_the_threshold_and_answered_a_follower_told_and_votes_shown(browser, live_server):
    debate = DebateFactory(slug="quartiers", threshold=1)
    official = User.objects.create_user("elue@exemple.fr", full_name="Nora Élue")
    debate.officials.add(official)
    # A citizen creates a participation account and proposes, by keyboard, without JavaScript.
    citizen = browser.new_context(locale="fr-FR", java_script_enabled=False).new_page()
    citizen.goto(live_server.url + "/debats/participer/?suite=/debats/quartiers/")
    citizen.fill("#id_full_name", "Camille Durand")
    citizen.fill("#id_email", "camille@exemple.fr")
    citizen.focus("#id_consent")
    citizen.keyboard.press("Space")
    citizen.keyboard.press("Enter")
    citizen.get_by_text("Regardez vos e-mails").wait_for()
    worker.run_pending()
    link = re.search(r"https?://[^/\s]+(/debats/participer/\S+)", mail.outbox[-1].body)[1]
    citizen.goto(live_server.url + link)
    citizen.get_by_role("button", name="Créer mon compte").click()
    citizen.wait_for_url("**/debats/quartiers/")
    citizen.fill("#id_title", "Un atelier tablette le samedi")
    citizen.fill("#id_body", "Beaucoup travaillent en semaine.")
    citizen.get_by_role("button", name="Publier ma proposition").click()
    citizen.get_by_text("Votre proposition est publiée.").wait_for()
    proposal_url = citizen.url
    assert "Camille D." in citizen.content() and "Durand" not in citizen.content()
    # Another citizen supports it: past the threshold, it awaits an official answer.
    other = logged_in(browser, live_server, User.objects.create_user("b@exemple.fr"), javascript=False).new_page()
    other.goto(proposal_url)
    other.get_by_role("button", name="Soutenir cette proposition").click()
    other.get_by_text("Soumise à réponse officielle").wait_for()
    # The designated official answers; the answer shows on the proposal.
    answer = logged_in(browser, live_server, official, javascript=False).new_page()
    answer.goto(proposal_url + "repondre/")
    answer.check("#id_status_0")
    answer.fill("#id_text", "Dès la rentrée, à la médiathèque.")
    answer.fill("#id_signed_as", "Nora Élue, conseillère déléguée")
    answer.get_by_role("button", name="Publier la réponse").click()
    answer.get_by_text("Dès la rentrée, à la médiathèque.").wait_for()
    # A commitment's update reaches its follower.
    commitment = CommitmentFactory(slug="tablettes")
    Follower.objects.create(commitment=commitment, email="voisin@exemple.fr", confirmed_at=timezone.now())
    coordinator = User.objects.create_user("coord@exemple.fr", role=User.Role.COORDINATOR)
    editor = logged_in(browser, live_server, coordinator, javascript=False).new_page()
    editor.goto(live_server.url + "/engagements/tablettes/mettre-a-jour/")
    editor.select_option("#id_status", "en-cours")
    editor.fill("#id_progress", "40")
    editor.fill("#id_note", "Les tablettes sont commandées.")
    editor.get_by_role("button", name="Publier la mise à jour").click()
    editor.get_by_text("Les tablettes sont commandées.").wait_for()
    worker.run_pending()
    assert any(m.to == ["voisin@exemple.fr"] and "commandées" in m.body for m in mail.outbox)
    # A council's vote page shows each councillor's vote.
    delib = DeliberationFactory(sitting__council__slug="conseil")
    members = [CouncillorFactory(council=delib.sitting.council, name=n, slug=n.lower()) for n in ("Ada", "Blaise")]
    councils.record_votes(delib, coordinator, {members[0].pk: ("pour", None), members[1].pk: ("contre", None)})
    editor.goto(live_server.url + f"/conseils/conseil/deliberations/{delib.pk}/")
    rows = editor.locator("tbody tr")
    assert rows.nth(0).inner_text().split("\t")[::2] == ["Ada", "pour"]
    assert rows.nth(1).inner_text().split("\t")[::2] == ["Blaise", "contre"]
