"""The public steps: kept between steps, « Précédent », French errors, throttled, confirmed by a signed link."""

from datetime import timedelta

import pytest
import time_machine
from django.test import override_settings
from django.utils import timezone

from proposals.models import Proposal
from tests.proposals.conftest import PLACE, RECEPTION, SERVICE, WHO, confirm_url, go, propose

pytestmark = pytest.mark.django_db


def test_a_whole_proposal_waits_for_the_email_then_for_moderation(client):
    response = propose(client)
    assert response.status_code == 302 and response["Location"] == "/proposer/envoyee/"
    proposal = Proposal.objects.get()
    assert proposal.status == Proposal.Status.UNCONFIRMED and proposal.email == "benevole@exemple.fr"
    url = confirm_url()
    page = client.get(url)  # a mail scanner following the link confirms nothing
    assert "Confirmer" in page.content.decode()
    assert Proposal.objects.get().status == Proposal.Status.UNCONFIRMED
    assert client.post(url).status_code == 200
    assert Proposal.objects.get().status == Proposal.Status.PENDING
    again = client.post(url)
    assert again.status_code == 400 and "déjà servi" in again.content.decode()


def test_each_step_shows_its_number(client):
    assert "Étape 1 sur 5" in go(client, "qui").content.decode()
    go(client, "qui", WHO)
    assert "Étape 2 sur 5" in go(client, "lieu").content.decode()


def test_previous_keeps_what_was_typed_even_when_wrong(client):
    go(client, "qui", WHO)
    go(client, "lieu", PLACE)
    response = go(client, "accueil", {"jour_lundi": "le matin"}, action="precedent")
    assert response["Location"] == "/proposer/etape/lieu/"
    assert 'value="Atelier numérique Clic"' in go(client, "lieu").content.decode()
    page = go(client, "accueil").content.decode()
    assert 'value="le matin"' in page
    assert Proposal.objects.get().status == Proposal.Status.DRAFT


def test_a_step_says_in_french_what_is_wrong(client):
    page = go(client, "qui", {**WHO, "siret": "123", "email": "pas-une-adresse"}).content.decode()
    assert "Ce numéro SIRET n’est pas valide" in page and "Cette adresse ne se lit pas" in page
    go(client, "qui", WHO)
    page = go(client, "lieu", {**PLACE, "commune": "Marseille"}).content.decode()
    assert "Nous ne trouvons pas la commune « Marseille »" in page
    assert 'role="alert"' in page


def test_a_later_step_cannot_be_reached_before_the_earlier_ones(client):
    go(client, "qui", WHO)
    assert go(client, "services")["Location"] == "/proposer/etape/lieu/"


def test_another_service_keeps_the_ones_already_typed(client):
    go(client, "qui", WHO)
    go(client, "lieu", PLACE)
    go(client, "accueil", RECEPTION)
    go(client, "services", SERVICE, action="ajouter")
    page = go(client, "services").content.decode()
    assert 'value="Aide aux démarches en ligne"' in page and "Service 2" in page
    go(client, "services", {**SERVICE, "s1-nom": "Atelier smartphone"})
    assert [s["s1-nom"] for s in Proposal.objects.get().services[1:]] == [["Atelier smartphone"]]


def test_the_honeypot_stops_robots(client):
    go(client, "qui", WHO)
    go(client, "lieu", PLACE)
    go(client, "accueil", RECEPTION)
    go(client, "services", SERVICE)
    page = go(client, "relecture", {"site_web_2": "http://spam"}, action="envoyer")
    assert page.status_code == 200 and Proposal.objects.get().status == Proposal.Status.DRAFT


@override_settings(ANCRAGE_FORM_RATE_LIMIT=3)
def test_the_steps_are_throttled(client):
    codes = [go(client, "qui", WHO).status_code for _ in range(4)]
    assert codes == [302, 302, 302, 429]


def test_an_expired_link_is_refused(client, settings):
    propose(client)
    url = confirm_url()
    later = timezone.now() + timedelta(days=settings.ANCRAGE_PROPOSAL_LINK_DAYS + 1)
    with time_machine.travel(later, tick=False):
        response = client.post(url)
    assert response.status_code == 400 and "expiré" in response.content.decode()
    assert Proposal.objects.get().status == Proposal.Status.UNCONFIRMED


def test_a_service_for_an_existing_place_has_three_steps(client):
    from tests.factories import PlaceFactory

    place = PlaceFactory(nom="Médiathèque Jules Verne")
    assert "Proposer un service pour ce lieu" in client.get(place.get_absolute_url()).content.decode()
    assert client.get(f"/proposer/lieu/{place.pk}/")["Location"] == "/proposer/etape/qui/"
    assert "Étape 1 sur 3" in go(client, "qui").content.decode()
    assert go(client, "qui", WHO)["Location"] == "/proposer/etape/services/"
    go(client, "services", SERVICE)
    assert go(client, "relecture", {}, action="envoyer")["Location"] == "/proposer/envoyee/"
    assert Proposal.objects.get().place == place
