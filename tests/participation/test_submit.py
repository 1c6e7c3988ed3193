"""A citizen's request from the form to its publication; « Moi aussi » instead of a duplicate."""

import pytest

from participation.models import Request, Support
from tests.factories_participation import CategoryFactory, RequestFactory
from tests.participation.conftest import FORM, link, sent_to

pytestmark = pytest.mark.django_db


@pytest.fixture
def category():
    return CategoryFactory()


def post(client, category, **extra):
    return client.post("/demandes/nouvelle/", {**FORM, "category": category.pk, **extra})


def test_a_request_is_published_once_its_author_confirms_the_email(client, category):
    response = post(client, category)
    assert response.status_code == 302 and response["Location"] == "/demandes/envoyee/"
    row = Request.objects.get()
    assert row.status == Request.Status.UNCONFIRMED and row.email == "camille@exemple.fr"
    assert client.get(f"/demandes/{row.pk}/").status_code == 404  # not public yet
    url = link("confirmer", "camille@exemple.fr")
    assert b"Confirmer" in client.get(url).content
    row.refresh_from_db()
    assert row.status == Request.Status.UNCONFIRMED  # a GET (a mail scanner) confirms nothing
    assert client.post(url).status_code == 302
    row.refresh_from_db()
    assert row.status == Request.Status.RECEIVED and row.received_at
    page = client.get(f"/demandes/{row.pk}/").content.decode()
    assert "Demande reçue" in page and "camille" not in page.lower()
    assert client.post(url).status_code == 400  # single use


def test_the_service_members_are_told_of_a_new_request(client, category, django_user_model):
    member = django_user_model.objects.create_user("agent@ville.fr", "mot-de-passe-2026")
    category.service.members.add(member)
    post(client, category)
    client.post(link("confirmer"))
    assert any("Nouvelle demande" in m.subject for m in sent_to("agent@ville.fr"))


def test_the_form_says_what_is_wrong_in_french_and_keeps_what_was_typed(client, category):
    response = post(client, category, commune="Nullepart-sur-Mer", email="pas-une-adresse", anonymous="", latitude="")
    page = response.content.decode()
    assert response.status_code == 200 and Request.objects.count() == 0
    assert "Commune introuvable" in page and "adresse e-mail n’est pas valide" in page
    assert "Indiquez la latitude et la longitude" in page and "Indiquez le prénom à afficher" in page
    assert "Le deuxième ordinateur ne s’allume plus." in page


def test_a_point_far_from_the_commune_is_refused(client, category):
    page = post(client, category, latitude="43.3", longitude="5.4").content.decode()
    assert "Ce point est loin de Massy" in page


def test_a_robot_filling_the_honeypot_posts_nothing(client, category):
    post(client, category, site_web_2="http://spam.example")
    assert Request.objects.count() == 0


def test_a_similar_open_request_is_proposed_and_supported_instead(client, category):
    existing = RequestFactory(category=category)
    response = post(client, category)
    assert response["Location"] == "/demandes/nouvelle/similaires/"
    page = client.get("/demandes/nouvelle/similaires/").content.decode()
    assert f"N° {existing.pk}" in page and "Moi aussi" in page
    response = client.post("/demandes/nouvelle/similaires/", {"action": f"soutenir-{existing.pk}"})
    assert response["Location"] == "/demandes/soutien-envoye/"
    assert Request.objects.count() == 1  # no duplicate: the draft is gone
    support = Support.objects.get(request=existing)
    assert support.confirmed_at is None
    client.post(link("soutien", "camille@exemple.fr"))
    support.refresh_from_db()
    assert support.confirmed_at is not None
    assert "1 personne a dit “moi aussi”" in client.get(f"/demandes/{existing.pk}/").content.decode()


def test_the_author_may_still_send_a_different_request(client, category):
    RequestFactory(category=category)
    post(client, category)
    response = client.post("/demandes/nouvelle/similaires/", {"action": "envoyer"})
    assert response["Location"] == "/demandes/envoyee/"
    assert Request.objects.filter(status=Request.Status.UNCONFIRMED).count() == 1


def test_only_nearby_requests_of_the_same_category_are_proposed(client, category):
    other = CategoryFactory(code="wifi-public", name="WiFi coupé", service=category.service)
    RequestFactory(category=other)
    RequestFactory(category=category, latitude=48.75, longitude=2.30)  # about 3 km away
    RequestFactory(category=category, status=Request.Status.DONE)
    assert post(client, category)["Location"] == "/demandes/envoyee/"


def test_without_a_point_requests_of_the_same_commune_are_proposed(client, category):
    RequestFactory(category=category, latitude=None, longitude=None)
    assert post(client, category, latitude="", longitude="")["Location"] == "/demandes/nouvelle/similaires/"


def test_moi_aussi_on_a_request_page(client):
    row = RequestFactory()
    response = client.post(f"/demandes/{row.pk}/moi-aussi/", {"email": "voisin@exemple.fr", "site_web_2": ""})
    assert response.status_code == 302
    assert client.post(f"/demandes/{row.pk}/moi-aussi/", {"email": "x", "site_web_2": ""}).status_code == 400
    client.post(link("soutien", "voisin@exemple.fr"))
    assert row.supports.filter(confirmed_at__isnull=False).count() == 1


def test_a_first_name_is_shown_only_when_the_author_chose_it(client, category):
    post(client, category, anonymous="", display_name="Camille")
    client.post(link("confirmer"))
    row = Request.objects.get()
    assert "Signalée par" in client.get(f"/demandes/{row.pk}/").content.decode()


def test_an_author_writing_in_english_is_answered_in_english_and_the_service_in_french(
    client, category, django_user_model
):
    member = django_user_model.objects.create_user("agent@ville.fr", "mot-de-passe-2026")
    category.service.members.add(member)
    client.post("/en/demandes/nouvelle/", {**FORM, "category": category.pk})
    assert Request.objects.get().language == "en"
    (confirmation,) = sent_to("camille@exemple.fr")
    assert "/en/demandes/confirmer/" in confirmation.body
    client.post(link("confirmer"))
    assert any("Nouvelle demande" in m.subject for m in sent_to("agent@ville.fr"))  # the services work in French
