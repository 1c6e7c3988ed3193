"""/droits/: the questionnaire, the result from the session, the engine down, « Effacer mes réponses »."""

import pytest
import time_machine
from django.test import override_settings

from rights.models import CheckCount
from tests.factories import ServiceFactory

pytestmark = pytest.mark.django_db

# The household: a single parent, one child at collège, 900 € net a month, renting in Massy.
ANSWERS = {
    "commune": "Massy",
    "couple": "non",
    "a1_age": "35",
    "a1_salaire": "900",
    "a1_handicap": "0",
    "a2_handicap": "0",
    "e1_age": "12",
    "e1_ecole": "college",
    "logement": "locataire",
    "loyer": "700",
    "rfr": "9000",
    "percu_af": "",
}


def test_the_questionnaire_says_what_it_is(client):
    page = client.get("/droits/").content.decode()
    assert "estimation, pas une décision" in page and "ne sont pas enregistrées" in page
    assert 'href="/algorithmes/"' in page
    assert "Version professionnelle" not in page


@time_machine.travel("2026-12-15 10:00 +01:00", tick=False)
def test_a_check_shows_likely_rights_how_to_claim_and_where_to_get_help(client, rights_engine):
    ServiceFactory()  # an « aide aux démarches administratives » place in Massy
    response = client.post("/droits/", ANSWERS)
    assert response.status_code == 302 and response["Location"] == "/droits/resultats/"
    page = client.get("/droits/resultats/").content.decode()
    assert "Une estimation, pas une décision." in page
    assert "Prime d’activité" in page and "Droits probables, non demandés" in page
    assert "À vérifier" in page and "Allocation de soutien familial" in page  # depends on the other parent
    assert "Comment demander" in page and "caf.fr" in page and "Pièces à préparer" in page
    assert "Ce que le simulateur ne vérifie pas" in page
    assert "OpenFisca-France 176.1.8" in page and "OpenFisca-Core 44.7.1" in page
    assert "décembre 2026" in page and "Loyer 700" not in page and "loyer 700" in page
    assert "Espace numérique" in page  # the nearest place helping with procedures
    assert 'href="/algorithmes/droits/">registre des algorithmes publics' in page  # the register's entry
    assert CheckCount.objects.filter(code_insee="91377", benefit="ppa", checks=1, likely=1, non_recours=1).exists()
    assert CheckCount.objects.get(code_insee="91377", benefit="rsa").likely == 0


@time_machine.travel("2026-12-15 10:00 +01:00", tick=False)
def test_a_declared_benefit_is_shown_as_already_received(client, rights_engine):
    client.post("/droits/", {**ANSWERS, "percu_aide_logement": "470"})
    page = client.get("/droits/resultats/").content.decode()
    received = page.split('id="percues"')[1]
    assert "Aide au logement" in received and "Déjà perçu" in received and "470" in received
    assert "Aide au logement" not in page.split('id="probables"')[1].split("</section>")[0]
    row = CheckCount.objects.get(benefit="aide_logement")
    assert (row.likely, row.non_recours) == (1, 0)


def test_errors_are_in_french_and_what_was_typed_is_kept(client):
    page = client.post("/droits/", {**ANSWERS, "commune": "Zzzzville", "a1_salaire": "beaucoup", "loyer": ""})
    text = page.content.decode()
    assert page.status_code == 200 and "Le formulaire contient" in text
    assert "Commune introuvable" in text and "Indiquez un montant en euros" in text
    assert "Indiquez le loyer" in text and 'value="Zzzzville"' in text and 'value="beaucoup"' in text


def test_a_couple_needs_the_second_age_and_a_school_needs_an_age(client):
    text = client.post("/droits/", {**ANSWERS, "couple": "oui", "e2_ecole": "lycee"}).content.decode()
    assert "Indiquez l’âge de votre conjoint" in text and "Indiquez l’âge de l’enfant 2" in text


@override_settings(ANCRAGE_RIGHTS_ENGINE_URL="http://127.0.0.1:9", ANCRAGE_RIGHTS_ENGINE_TIMEOUT=2)
def test_the_engine_down_gives_a_french_page_and_keeps_the_answers(client):
    response = client.post("/droits/", ANSWERS)
    assert response.status_code == 503
    assert "Simulateur momentanément indisponible" in response.content.decode()
    assert not CheckCount.objects.exists()
    page = response.content.decode()
    assert 'value="Massy"' in page and 'value="700"' in page  # what was typed, ready to send again
    assert client.get("/droits/resultats/")["Location"] == "/droits/"


@time_machine.travel("2026-12-15 10:00 +01:00", tick=False)
def test_forget_erases_the_answers(client, rights_engine):
    client.post("/droits/", ANSWERS)
    assert client.post("/droits/effacer/").status_code == 302
    assert client.get("/droits/resultats/")["Location"] == "/droits/"
    assert 'value="Massy"' not in client.get("/droits/").content.decode()


def test_a_professional_sees_the_note(client, django_user_model):
    user = django_user_model.objects.create_user(email="pro@exemple.fr", password="x", profession="mediateur-numerique")
    client.force_login(user)
    assert "Version professionnelle" in client.get("/droits/").content.decode()


def test_a_link_may_prefill_the_commune_by_its_insee_code_but_never_over_kept_answers(client, rights_engine):
    assert 'name="commune" value="Massy (91300)"' in client.get("/droits/?commune=91377").content.decode()
    assert 'name="commune" value=' not in client.get("/droits/?commune=99999").content.decode()
    with time_machine.travel("2026-12-15 10:00 +01:00", tick=False):
        client.post("/droits/", {**ANSWERS, "commune": "Les Ulis"})
    assert 'value="Les Ulis"' in client.get("/droits/?commune=91377").content.decode()
