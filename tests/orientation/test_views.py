"""The /orienter/ pages: who may use them, the sheet as a draft or complete, its risks and services, the fiche."""

import datetime

import pytest
from django.urls import reverse

from accounts.models import User
from core.models import AuditEntry
from orientation import links
from orientation.models import Situation, UncoveredNeed
from territory.models import Commune
from tests.factories import PlaceFactory, ServiceFactory
from tests.factories_orientation import ProfessionalFactory, SituationFactory
from tests.public_pages import main_menu

pytestmark = pytest.mark.django_db


@pytest.fixture
def pro(client):
    user = ProfessionalFactory()
    client.force_login(user)
    return user


def form_data(**extra) -> dict:
    data = {"procedure": "", "commune_text": "", "action": "brouillon"}
    data.update(extra)
    return data


def test_only_professionals_and_coordinators_may_orient(client):
    assert client.get("/orienter/").status_code == 302  # to the login page
    client.force_login(User.objects.create_user("visiteur@exemple.fr"))
    assert client.get("/orienter/").status_code == 403
    client.force_login(User.objects.create_user("coord@exemple.fr", role=User.Role.COORDINATOR))
    assert client.get("/orienter/").status_code == 200


def test_the_menu_offers_orientation_to_professionals_only(client, pro):
    assert 'href="/orienter/"' in main_menu(client.get("/").content.decode())
    client.force_login(User.objects.create_user("membre@exemple.fr"))
    assert "Orienter une personne" not in client.get("/").content.decode()


def test_a_draft_keeps_what_was_typed_without_requiring_anything(client, pro):
    response = client.post("/orienter/nouvelle/", form_data(equipment=["smartphone"], reading="difficile"))
    situation = Situation.objects.get()
    assert response.url == reverse("orientation:edit", args=[situation.pk])
    assert (situation.status, situation.equipment, situation.reading, situation.author) == (
        "brouillon", ["smartphone"], "difficile", pro,
    )  # fmt: skip
    page = client.get(response.url).content.decode()
    assert "Brouillon enregistré." in page and 'value="difficile" id="id_reading_1" checked' in page
    assert [e.verb for e in AuditEntry.objects.all()] == ["créée"]
    assert AuditEntry.objects.get().changes == {}  # the audit keeps who and when, not the situation


def test_seeing_the_results_requires_the_procedure_and_a_known_commune(client, pro):
    response = client.post("/orienter/nouvelle/", form_data(action="resultats", commune_text="Atlantide"))
    page = response.content.decode()
    assert response.status_code == 400 and not Situation.objects.exists()
    assert "Choisissez la démarche" in page and "Cette commune est introuvable" in page
    assert 'value="Atlantide"' in page  # kept


@pytest.mark.parametrize("typed", ["Les Ulis", "91940", "ulis"])
def test_the_commune_is_found_from_a_name_or_a_postal_code(client, pro, typed):
    response = client.post("/orienter/nouvelle/", form_data(action="resultats", procedure="caf", commune_text=typed))
    situation = Situation.objects.get()
    assert response.url == reverse("orientation:results", args=[situation.pk])
    assert situation.commune_id == "91692" and situation.status == "complete"
    assert "Les Ulis (91940)" in client.get(reverse("orientation:edit", args=[situation.pk])).content.decode()


def test_no_equipment_cannot_go_with_a_device(client, pro):
    response = client.post("/orienter/nouvelle/", form_data(equipment=["aucun", "smartphone"]))
    assert response.status_code == 400 and "ne va pas avec un autre choix" in response.content.decode()


def test_completing_a_sheet_counts_its_uncovered_needs_once(client, pro):
    data = form_data(action="resultats", procedure="caf", commune_text="Les Ulis", disabilities=["audition"])
    client.post("/orienter/nouvelle/", data)
    situation = Situation.objects.get()
    client.post(reverse("orientation:edit", args=[situation.pk]), data)
    assert {(n.need, n.reason, n.count) for n in UncoveredNeed.objects.all()} == {
        ("demarches", "DEMARCHE", 1), ("demarches", "COMPTE-EN-LIGNE", 1), ("Surdité", "HANDICAP-AUDITION", 1),
    }  # fmt: skip


def test_another_s_sheet_is_not_found_even_by_a_coordinator(client, pro):
    other = SituationFactory()
    for name in ("edit", "results"):
        assert client.get(reverse(f"orientation:{name}", args=[other.pk])).status_code == 404
    assert client.post(reverse("orientation:delete", args=[other.pk])).status_code == 404
    client.force_login(User.objects.create_user("coord@exemple.fr", role=User.Role.COORDINATOR, is_staff=True))
    assert client.get(reverse("orientation:results", args=[other.pk])).status_code == 404
    assert client.get("/admin/orientation/situation/").status_code == 404  # not in the back office


def test_the_list_shows_only_one_s_own_sheets(client, pro):
    mine = SituationFactory(author=pro, procedure="caf")
    SituationFactory(procedure="impots")
    page = client.get("/orienter/").content.decode()
    assert f"Situation n°&nbsp;{mine.pk}" in page and "Impôts" not in page and "Nouvelle situation" in page


def test_a_sheet_is_deleted_by_its_author(client, pro):
    mine = SituationFactory(author=pro)
    response = client.post(reverse("orientation:delete", args=[mine.pk]))
    assert response.url == "/orienter/" and not Situation.objects.exists()


def test_the_results_show_risks_services_why_and_the_register_link(client, pro):
    ulis = Commune.objects.get(code_insee="91692")
    place = PlaceFactory(nom="Maison des services", latitude=ulis.latitude, longitude=ulis.longitude,
                         commune="Les Ulis", code_insee="91692", prise_en_charge_specifique=["Surdité"])  # fmt: skip
    service = ServiceFactory(place=place)
    situation = SituationFactory(author=pro, commune=ulis, procedure="caf", equipment=["aucun"],
                                 deadline=datetime.date.today() + datetime.timedelta(days=6),
                                 disabilities=["audition"])  # fmt: skip
    page = client.get(reverse("orientation:results", args=[situation.pk])).content.decode()
    assert "Risque de perdre un droit" in page and "Pas d’équipement et une démarche CAF en ligne" in page
    assert "Maison des services" in page and "Pourquoi ce service" in page
    assert "Accompagnement adapté : Surdité." in page
    assert 'href="/algorithmes/orientation-correspondance/">Comment ces propositions sont faites' in page
    assert 'href="/algorithmes/risques-exclusion/">comment les risques sont repérés' in page
    assert reverse("orientation:fiche", args=[situation.pk, service.pk]) in page
    assert "Adresser la personne" not in page  # the service does not take referrals: no link to a dead end


def test_the_referral_link_is_offered_for_services_that_take_referrals(client, pro):
    place = PlaceFactory(nom="Maison des services", courriels=["accueil@exemple.fr"])
    taking = ServiceFactory(place=place, nom="Aide CAF", mobilisable_par=["professionnels"])
    ServiceFactory(place=place, nom="Atelier libre", mobilisable_par=[])
    situation = SituationFactory(author=pro)
    expected = reverse("referrals:new", args=[taking.pk]) + f"?situation={situation.pk}"
    assert links.referral_url(taking, situation) == expected
    assert links.referral_url(place.services.get(nom="Atelier libre"), situation) is None


def test_the_printable_fiche_has_the_service_address_hours_phone_and_what_to_bring(client, pro):
    service = ServiceFactory(place=PlaceFactory(nom="Maison des services", adresse="2 rue de la Poste"))
    situation = SituationFactory(author=pro, procedure="caf")
    page = client.get(reverse("orientation:fiche", args=[situation.pk, service.pk])).content.decode()
    assert "Fiche d’orientation" in page and "Maison des services" in page and "2 rue de la Poste" in page
    assert "01 69 00 00 00" in page and '<th scope="row">Lundi' in page and "9 h – 12 h" in page.replace("\xa0", " ")
    assert "Votre numéro d’allocataire CAF" in page
    assert 'id="pour"' in page and "name=" not in page.split('id="pour"')[0][-80:]  # typed, never sent
    hidden = ServiceFactory(place=PlaceFactory(est_publie=False))
    assert client.get(reverse("orientation:fiche", args=[situation.pk, hidden.pk])).status_code == 404


def test_the_results_offer_to_check_the_person_s_rights_with_the_commune_prefilled(client, pro):
    situation = SituationFactory(author=pro, commune=Commune.objects.get(code_insee="91692"), procedure="caf")
    page = client.get(reverse("orientation:results", args=[situation.pk])).content.decode()
    assert 'href="/droits/?commune=91692">Vérifier les droits de la personne</a>' in page
    questionnaire = client.get("/droits/?commune=91692").content.decode()
    assert 'name="commune" value="Les Ulis (91940)"' in questionnaire
