"""Closures, exceptional hours and messages entered by a structure's members in `/espace/` (clock frozen on
Thursday 18 March 2027, 10:00 in Paris): who may, what is written and recorded, what the forms say in French,
what the public page then announces."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings
from django.test import Client
from django.urls import reverse

from core.models import AuditEntry
from directory.domain import temporary
from directory.models import TemporaryInfo
from tests.factories import ServiceFactory

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")
ROLES = ["anonymous", "outsider", "other_member", "member", "structure_admin", "moderator", "coordinator"]
EDITORS = {"member", "structure_admin", "coordinator"}


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(datetime(2027, 3, 18, 10, 0, tzinfo=PARIS), tick=False):
        yield


def _client(people, role) -> Client:
    client = Client()
    if role != "anonymous":
        client.force_login(people[role])
    return client


@pytest.fixture
def closure(people):
    return temporary.add(
        people["place"], user=people["coordinator"], kind="fermeture", debut=date(2027, 4, 1), fin=date(2027, 4, 15),
        texte="Travaux : l’accueil se fait à la mairie.",
    )  # fmt: skip


def _closure_data(**extra) -> dict:
    return {"kind": "fermeture", "debut": "2027-03-25", "fin": "2027-03-27", "texte": "Inventaire.", **extra}


# Who may --------------------------------------------------------------------------------------------------------


def test_every_page_opens_for_exactly_who_may_edit_the_place(people, closure):
    urls = [
        reverse("contributions:add-temporary", args=[people["place"].pk]),
        reverse("contributions:edit-temporary", args=[closure.pk]),
        reverse("contributions:delete-temporary", args=[closure.pk]),
    ]
    wrong = []
    for url in urls:
        for role in ROLES:
            response = _client(people, role).get(url)
            if role == "anonymous":
                if response.status_code != 302 or not response["Location"].startswith(settings.LOGIN_URL):
                    wrong.append(f"{url}: anonymous got {response.status_code}")
            elif response.status_code != (200 if role in EDITORS else 403):
                wrong.append(f"{url}: {role} got {response.status_code}")
    assert wrong == []


def test_no_one_else_may_add_change_or_remove(people, closure):
    place = people["place"]
    for role in ("anonymous", "outsider", "other_member", "moderator"):
        client = _client(people, role)
        client.post(reverse("contributions:add-temporary", args=[place.pk]), _closure_data())
        client.post(reverse("contributions:edit-temporary", args=[closure.pk]), _closure_data(texte="Piraté"))
        client.post(reverse("contributions:delete-temporary", args=[closure.pk]))
    assert list(TemporaryInfo.objects.values_list("texte", flat=True)) == ["Travaux : l’accueil se fait à la mairie."]


def test_a_member_of_another_structure_cannot_reach_this_places_information_from_their_own(people, closure):
    client = _client(people, "other_member")
    assert client.get(reverse("contributions:place", args=[people["other_place"].pk])).status_code == 200
    assert client.get(reverse("contributions:edit-temporary", args=[closure.pk])).status_code == 403
    assert client.get(reverse("contributions:edit-temporary", args=[closure.pk + 1000])).status_code == 404


# Add, change, remove ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["member", "structure_admin", "coordinator"])
def test_an_editor_adds_a_closure_published_at_once_and_recorded(people, role):
    place, client = people["place"], _client(people, role)
    response = client.post(reverse("contributions:add-temporary", args=[place.pk]), _closure_data())
    assert response.status_code == 302 and response["Location"] == reverse("contributions:place", args=[place.pk])
    info = TemporaryInfo.objects.get()
    assert (info.place, info.kind, info.debut, info.fin, info.texte) == (
        place, "fermeture", date(2027, 3, 25), date(2027, 3, 27), "Inventaire."
    )  # fmt: skip
    assert info.cree_par == people[role] and info.service is None and info.horaires == ""
    entry = AuditEntry.objects.get(verb="information temporaire ajoutée")
    assert entry.object_id == str(place.pk) and entry.user == people[role]
    page = client.get(response["Location"]).content.decode()
    assert page.count("C’est publié : la page publique du lieu l’annonce dès maintenant.") == 1  # once, not twice


def test_dates_typed_by_hand_in_french_are_read(people):
    client = _client(people, "member")
    url = reverse("contributions:add-temporary", args=[people["place"].pk])
    response = client.post(url, _closure_data(debut="01/05/2027", fin="3/5/2027"))
    assert response.status_code == 302
    info = TemporaryInfo.objects.get()
    assert (info.debut, info.fin) == (date(2027, 5, 1), date(2027, 5, 3))
    page = client.get(response["Location"]).content.decode()
    assert "La page publique du lieu l’annoncera à partir du 16 avril 2027." in page  # 15 days ahead


def test_exceptional_hours_typed_per_weekday_become_osm_and_come_back_per_weekday(people):
    client = _client(people, "member")
    url = reverse("contributions:add-temporary", args=[people["place"].pk])
    wednesday = "10:00 - 12:00 / 14:00 - 16:00"
    data = _closure_data(kind="horaires", texte="", jour_lundi="10h - 12h", jour_mercredi=wednesday)
    assert client.post(url, data).status_code == 302
    info = TemporaryInfo.objects.get()
    assert info.horaires == "Mo 10:00-12:00; We 10:00-12:00,14:00-16:00"
    form = client.get(reverse("contributions:edit-temporary", args=[info.pk])).context["form"]
    assert form["jour_lundi"].value() == "10:00 - 12:00" and form["jour_mercredi"].value() == wednesday
    assert form["horaires"].value() in (None, "")


def test_exceptional_hours_in_osm_syntax_and_one_service(people):
    client = _client(people, "member")
    service = people["service"]
    url = reverse("contributions:add-temporary", args=[people["place"].pk])
    data = _closure_data(kind="horaires", horaires="Mo-Fr 10:00-12:00 ; Sa 09:00-11:00", service=service.pk)
    assert client.post(url, data).status_code == 302
    info = TemporaryInfo.objects.get()
    assert (info.horaires, info.service) == ("Mo-Fr 10:00-12:00 ; Sa 09:00-11:00", service)
    page = client.get(reverse("contributions:place", args=[people["place"].pk])).content.decode()
    assert f"seulement pour le service «&nbsp;{service.nom}&nbsp;»" in page


def test_hours_typed_for_a_closure_are_left_aside(people):
    client = _client(people, "member")
    url = reverse("contributions:add-temporary", args=[people["place"].pk])
    assert client.post(url, _closure_data(jour_lundi="10:00 - 12:00", horaires="Mo 10:00-12:00")).status_code == 302
    assert TemporaryInfo.objects.get().horaires == ""


def test_a_member_changes_it(people, closure):
    client = _client(people, "member")
    url = reverse("contributions:edit-temporary", args=[closure.pk])
    form = client.get(url).context["form"]
    assert (form["kind"].value(), form["debut"].value(), form["texte"].value()) == (
        "fermeture", date(2027, 4, 1), "Travaux : l’accueil se fait à la mairie."
    )  # fmt: skip
    response = client.post(url, _closure_data(debut="2027-04-01", fin="2027-04-20", texte="Travaux prolongés."))
    assert response.status_code == 302
    closure.refresh_from_db()
    assert (closure.fin, closure.texte) == (date(2027, 4, 20), "Travaux prolongés.")
    assert closure.cree_par == people["coordinator"]  # who entered it first
    entry = AuditEntry.objects.get(verb="information temporaire modifiée")
    assert entry.user == people["member"] and set(entry.changes) == {"fin", "texte"}


def test_removing_asks_first_then_removes(people, closure):
    client = _client(people, "member")
    url = reverse("contributions:delete-temporary", args=[closure.pk])
    page = client.get(url).content.decode()
    assert "Supprimer cette information temporaire" in page and "Du 1er avril 2027 au 15 avril 2027" in page
    assert TemporaryInfo.objects.exists()  # a GET changes nothing
    response = client.post(url)
    assert response.status_code == 302 and not TemporaryInfo.objects.exists()
    assert AuditEntry.objects.filter(verb="information temporaire supprimée", object_id=str(people["place"].pk))
    assert "C’est supprimé" in client.get(response["Location"]).content.decode()


# The list on the member's place page --------------------------------------------------------------------------


def test_the_place_page_lists_what_is_in_force_and_to_come_not_what_ended(people, closure):
    place, coordinator = people["place"], people["coordinator"]
    for last, text in ((18, "En cours"), (17, "Fini")):
        temporary.add(
            place, user=coordinator, kind="message", debut=date(2027, 3, 1), fin=date(2027, 3, last), texte=text
        )
    page = _client(people, "member").get(reverse("contributions:place", args=[place.pk])).content.decode()
    assert "Fermetures et informations temporaires" in page
    assert "Du 1er avril 2027 au 15 avril 2027" in page and "Travaux : l’accueil se fait à la mairie." in page
    assert "Message</strong> (en cours)" in page and "En cours" in page and "Fini" not in page
    assert page.index("En cours") < page.index("Travaux")
    assert reverse("contributions:edit-temporary", args=[closure.pk]) in page
    assert reverse("contributions:delete-temporary", args=[closure.pk]) in page
    assert "Ajouter une fermeture, des horaires exceptionnels ou un message" in page


def test_the_place_page_says_when_there_is_none(people):
    page = _client(people, "member").get(reverse("contributions:place", args=[people["place"].pk])).content.decode()
    assert "Aucune fermeture ni information temporaire en cours ou à venir." in page


# French errors ----------------------------------------------------------------------------------------------------


def _errors(people, **data) -> str:
    url = reverse("contributions:add-temporary", args=[people["place"].pk])
    response = _client(people, "member").post(url, data)
    assert response.status_code == 400
    assert not TemporaryInfo.objects.exists()
    return response.content.decode()


def test_an_end_before_the_start_is_refused_in_french(people):
    html = _errors(people, **_closure_data(debut="2027-04-10", fin="2027-04-01"))
    assert "Le formulaire contient 1 erreur" in html
    assert 'href="#id_fin"' in html and "La date de fin est avant la date de début." in html
    assert 'aria-describedby="id_fin_helptext id_fin_error"' in html and 'aria-invalid="true"' in html
    assert 'value="2027-04-10"' in html and "Inventaire." in html  # what was typed is kept


def test_more_than_366_days_is_refused_in_french(people):
    html = _errors(people, **_closure_data(debut="2027-04-01", fin="2028-04-01"))
    assert "Une information temporaire dure au plus 366 jours" in html


def test_hours_that_cannot_be_read_are_refused_in_french(people):
    html = _errors(people, **_closure_data(kind="horaires", jour_mardi="le matin"))
    assert 'href="#id_jour_mardi"' in html and "Les horaires du mardi ne se lisent pas" in html
    html = _errors(people, **_closure_data(kind="horaires", horaires="le matin seulement"))
    assert 'href="#id_horaires"' in html and "Ces horaires ne sont pas au format OpenStreetMap" in html
    html = _errors(people, **_closure_data(kind="horaires", horaires="2027 Apr 01 Mo 10:00-12:00"))
    assert "les dates sont celles de la période" in html
    html = _errors(people, **_closure_data(kind="horaires"))
    assert 'href="#id_jour_lundi"' in html
    assert "Indiquez les horaires exceptionnels : remplissez au moins un jour" in html


def test_other_mistakes_are_said_in_french(people):
    html = _errors(people, kind="message", debut="le 3 avril", fin="")
    assert "Cette date ne se lit pas : écrivez-la comme 24/12/2026." in html
    assert "Indiquez le dernier jour, même s’il est le même que le premier." in html
    html = _errors(people, **_closure_data(kind="message", texte=" "))
    assert "Écrivez le message à afficher." in html
    html = _errors(people, **_closure_data(debut="2027-03-01", fin="2027-03-17"))
    assert "Ce jour est déjà passé" in html
    html = _errors(people, **_closure_data(kind=""))
    assert 'href="#id_kind_0"' in html and "Choisissez une fermeture, des horaires exceptionnels ou un message." in html


def test_a_service_of_another_place_is_refused(people):
    elsewhere = ServiceFactory(place=people["other_place"])
    html = _errors(people, **_closure_data(service=elsewhere.pk))
    assert "Ce service n’est pas proposé dans ce lieu." in html


# The public page ------------------------------------------------------------------------------------------------


def test_the_public_page_announces_the_closure_ahead_at_once(people):
    place, visitor = people["place"], Client()
    assert "Fermeture exceptionnelle" not in visitor.get(place.get_absolute_url()).content.decode()  # now remembered
    url = reverse("contributions:add-temporary", args=[place.pk])
    assert _client(people, "member").post(url, _closure_data()).status_code == 302
    html = visitor.get(place.get_absolute_url()).content.decode()
    assert "Fermeture exceptionnelle du 25 au 27 mars" in html and "Inventaire." in html
