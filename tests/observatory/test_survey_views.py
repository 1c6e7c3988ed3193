"""The three ways in: the public survey, the mediators' entry form, the file import."""

import re

import pytest
from django.urls import reverse

from accounts.models import User
from core.models import AuditEntry
from observatory.models import Response

VALID = {
    "internet_domicile": "oui",
    "derniere_utilisation": "moins_3_mois",
    "activites_information": ["actualites", "sante"],
    "annee_naissance": "1958",
    "sexe": "femme",
    "commune": "Massy",
    "qpv": "non",
}


@pytest.mark.django_db
def test_a_visitor_answers_the_survey_anonymously(client):
    page = client.get(reverse("observatory:survey"))
    assert "anonyme" in page.content.decode() and "<script" not in page.content.decode().split("<main")[1]
    response = client.post(reverse("observatory:survey"), VALID, REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 302 and response.url == reverse("observatory:survey-thanks")
    saved = Response.objects.get()
    assert saved.channel == "en_ligne" and saved.version == "v1" and saved.commune_id == "91377"
    assert saved.answers["activites_information"] == ["actualites", "sante"]
    assert "203.0.113.9" not in str(saved.answers) and not saved.demo


@pytest.mark.django_db
def test_errors_are_in_french_and_what_was_typed_is_kept(client):
    data = {
        **VALID,
        "annee_naissance": "58",
        "commune": "Nullepart-sur-Mer",
        "activites_information": ["aucune", "sante"],
    }
    response = client.post(reverse("observatory:survey"), data)
    html = response.content.decode()
    assert response.status_code == 400 and not Response.objects.exists()
    assert "quatre chiffres" in html and "introuvable" in html and "ne peut pas être cochée avec une autre" in html
    assert 'value="Nullepart-sur-Mer"' in html


@pytest.mark.django_db
def test_a_robot_filling_the_honeypot_is_refused(client):
    response = client.post(reverse("observatory:survey"), {**VALID, "site_web_2": "http://spam"})
    assert response.status_code == 400 and not Response.objects.exists()


@pytest.mark.django_db
def test_a_mediator_types_paper_questionnaires_one_after_another(client):
    assert client.get(reverse("observatory:entry")).status_code == 302  # login first
    mediator = User.objects.create_user("med@exemple.fr", "x", profession=User.Profession.MEDIATOR)
    client.force_login(mediator)
    page = client.get(reverse("observatory:entry")).content.decode()
    assert 'accesskey="s"' in page and "Enregistrer et saisir le suivant" in page
    response = client.post(reverse("observatory:entry"), VALID, follow=True)
    assert "enregistré" in response.content.decode()
    saved = Response.objects.get()
    assert saved.channel == "papier"
    entry = AuditEntry.objects.get()
    assert entry.user == mediator and "1958" not in str(entry.changes)


@pytest.mark.django_db
def test_someone_without_a_profession_or_structure_may_not_enter_questionnaires(client):
    client.force_login(User.objects.create_user("x@exemple.fr", "x"))
    assert client.get(reverse("observatory:entry")).status_code == 403


CSV = (
    "internet_domicile;derniere_utilisation;annee_naissance;sexe;commune;activites_communication\n"
    "oui;moins_3_mois;1970;homme;91300;courriels|messagerie\n"
    "non;jamais;1938;femme;Palaiseau;\n"
)


@pytest.mark.django_db
def test_the_import_checks_every_row_then_saves_them_all(client):
    client.force_login(User.objects.create_user("c@exemple.fr", "x", role=User.Role.COORDINATOR))
    url = reverse("observatory:import")
    from django.core.files.uploadedfile import SimpleUploadedFile

    dry = client.post(url, {"file": SimpleUploadedFile("r.csv", CSV.encode()), "dry_run": "on"})
    assert "2 acceptées" in dry.content.decode() and not Response.objects.exists()
    client.post(url, {"file": SimpleUploadedFile("r.csv", CSV.encode())})
    assert Response.objects.filter(channel="import").count() == 2


@pytest.mark.django_db
def test_one_rejected_row_saves_nothing_and_says_why(client):
    client.force_login(User.objects.create_user("c@exemple.fr", "x", role=User.Role.COORDINATOR))
    from django.core.files.uploadedfile import SimpleUploadedFile

    bad = CSV + "peut-être;moins_3_mois;1970;homme;91300;\n"
    html = client.post(
        reverse("observatory:import"), {"file": SimpleUploadedFile("r.csv", bad.encode())}
    ).content.decode()
    assert "réponse « peut-être » inconnue" in html and "Rien n’a été enregistré" in html
    assert not Response.objects.exists()


@pytest.mark.django_db
def test_the_survey_says_facultatif_exactly_on_the_questions_one_may_skip(client):
    html = client.get(reverse("observatory:survey")).content.decode()
    for label in ("Avez-vous un accès à internet chez vous", "Votre année de naissance", "Vous êtes", "Votre commune"):
        after = html.split(label, 1)[1][:200]
        assert "(facultatif)" not in after.split("<", 1)[0], label
    assert "Votre diplôme le plus élevé (facultatif)" in html
    empty = client.post(reverse("observatory:survey"), {"diplome": ""}).content.decode()
    assert empty.count("Réponse obligatoire.") == 2 * 5  # the summary at the top and each question


@pytest.mark.django_db
def test_a_paper_questionnaire_with_blanks_is_recorded_as_non_renseigne(client):
    client.force_login(User.objects.create_user("med@exemple.fr", "x", profession=User.Profession.MEDIATOR))
    page = client.get(reverse("observatory:entry")).content.decode()
    # every single-choice question starts at « Non renseigné »
    assert len(re.findall(r'type="radio"[^>]*value=""[^>]*checked', page)) == 9
    response = client.post(reverse("observatory:entry"), {"internet_domicile": "", "aisance": "peu"})
    assert response.status_code == 302
    saved = Response.objects.get()
    assert saved.answers["internet_domicile"] == "" and saved.birth_year is None and saved.commune_id is None


PRINTED = (
    "internet_domicile;derniere_utilisation;annee_naissance;sexe;commune;activites_communication;aisance\n"
    "OUI;Au cours des trois derniers mois;1970;Un homme;91300;Envoyer ou recevoir des courriels | messagerie;"
    "Très à l’aise\n"
    "Non;jamais;;non renseigné;;;\n"
)


@pytest.mark.django_db
def test_the_import_reads_the_labels_printed_on_the_questionnaire_and_blanks(client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(User.objects.create_user("m@exemple.fr", "x", profession=User.Profession.MEDIATOR))
    page = client.get(reverse("observatory:import")).content.decode()
    assert "Au cours des trois derniers mois" in page and "modele.csv" in page and "ceux du modèle" not in page
    client.post(reverse("observatory:import"), {"file": SimpleUploadedFile("r.csv", PRINTED.encode())})
    first, second = Response.objects.order_by("pk")
    assert first.answers["derniere_utilisation"] == "moins_3_mois" and first.answers["aisance"] == "tres"
    assert first.answers["activites_communication"] == ["courriels", "messagerie"] and first.sex == "homme"
    assert second.answers["derniere_utilisation"] == "jamais" and second.birth_year is None


@pytest.mark.django_db
def test_the_import_template_is_a_file_the_import_accepts(client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(User.objects.create_user("c@exemple.fr", "x", role=User.Role.COORDINATOR))
    template = client.get(reverse("observatory:import-template"))
    assert template["Content-Type"].startswith("text/csv")
    content = template.content.decode("utf-8-sig")
    assert content.startswith("internet_domicile;equipement;") and "Au cours des trois derniers mois" in content
    report = client.post(
        reverse("observatory:import"), {"file": SimpleUploadedFile("m.csv", content.encode()), "dry_run": "on"}
    ).content.decode()
    assert "1 acceptée, 0 refusée" in report


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("who", "allowed"),
    [("professional", True), ("member", True), ("coordinator", True), ("nobody", False)],
)
def test_who_may_enter_and_import_questionnaires(client, who, allowed):
    from accounts.models import Membership, Structure

    user = User.objects.create_user(f"{who}@exemple.fr", "x")
    if who == "professional":
        user.profession = User.Profession.MEDIATOR
    elif who == "coordinator":
        user.role = User.Role.COORDINATOR
    elif who == "member":
        structure = Structure.objects.create(name="Centre social", validated=True)
        Membership.objects.create(user=user, structure=structure, role=Membership.Role.MEMBER)
    user.save()
    client.force_login(user)
    for name in ("observatory:entry", "observatory:import", "observatory:import-template"):
        response = client.get(reverse(name))
        assert (response.status_code == 200) is allowed, name
        if not allowed:
            assert response.status_code == 403 and "profession" in response.content.decode()
