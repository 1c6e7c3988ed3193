"""The structure space and the review page: who may open each page, and the forms as people fill them."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from contributions.domain import submit
from contributions.models import Contribution
from directory.models import Place

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "outsider", "other_member", "member", "structure_admin", "moderator", "coordinator"]
EDITORS = {"member", "structure_admin", "coordinator"}
MODERATORS = {"moderator", "coordinator"}


def _client(people, role) -> Client:
    client = Client()
    if role != "anonymous":
        client.force_login(people[role])
    return client


def _pages(people):
    place, service = people["place"], people["service"]
    contribution = submit.edit(people["member"], place, {"horaires": "Mo-Fr 10:00-18:00"})
    return {
        reverse("contributions:home"): set(ROLES) - {"anonymous"},
        reverse("contributions:place", args=[place.pk]): EDITORS,
        reverse("contributions:edit-place", args=[place.pk]): EDITORS,
        reverse("contributions:preview", args=[place.pk]): EDITORS,
        reverse("contributions:add-service", args=[place.pk]): EDITORS,
        reverse("contributions:edit-service", args=[service.pk]): EDITORS,
        reverse("contributions:delete-service", args=[service.pk]): EDITORS,
        reverse("contributions:review", args=[contribution.pk]): MODERATORS,
    }


def test_every_page_opens_for_exactly_the_right_people(people):
    wrong = []
    for url, allowed in _pages(people).items():
        for role in ROLES:
            response = _client(people, role).get(url)
            if role == "anonymous":
                expected = 302
                if response.status_code == 302 and not response["Location"].startswith(settings.LOGIN_URL):
                    wrong.append(f"{url}: anonymous sent to {response['Location']}")
            else:
                expected = 200 if role in allowed else 403
            if response.status_code != expected:
                wrong.append(f"{url}: {role} got {response.status_code}, expected {expected}")
    assert wrong == []


def test_no_one_outside_may_post_an_edit(people):
    place = people["place"]
    for role in ("anonymous", "outsider", "other_member", "moderator"):
        _client(people, role).post(reverse("contributions:edit-place", args=[place.pk]), {"nom": "Piraté"})
        _client(people, role).post(reverse("contributions:delete-service", args=[people["service"].pk]))
    assert Place.objects.get(pk=place.pk).nom == "Médiathèque de Massy" and place.services.exists()
    assert not Contribution.objects.exists()


def _form_data(client, url) -> dict:
    form = client.get(url).context["form"]
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if isinstance(value, list):
            data[name] = value
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        elif value is not None:
            data[name] = field.prepare_value(value) if hasattr(field, "prepare_value") else value
    return data


def test_hours_typed_per_weekday_are_published_in_osm_syntax(people):
    client = _client(people, "member")
    url = reverse("contributions:edit-place", args=[people["place"].pk])
    data = _form_data(client, url)
    assert data["jour_lundi"] == "09:00 - 12:00 / 14:00 - 17:00" and data["telephone"] == "01 69 00 00 00"
    data.update(jour_lundi="9h-12h", jour_mardi="9h - 12h", jour_samedi="10h à 12h", feries_fermes="on")
    response = client.post(url, data)
    assert response.status_code == 302
    place = Place.objects.get(pk=people["place"].pk)
    assert place.horaires == "Mo,Tu 09:00-12:00; We-Fr 09:00-12:00,14:00-17:00; Sa 10:00-12:00; PH off"
    assert place.telephone == "+33169000000"  # unchanged: the display format is not an edit
    assert list(Contribution.objects.get().fields.values_list("field", flat=True)) == ["horaires"]
    page = client.get(response["Location"])
    assert "C’est publié" in page.content.decode()


def test_the_form_says_in_french_what_is_wrong_and_keeps_what_was_typed(people):
    client = _client(people, "member")
    url = reverse("contributions:edit-place", args=[people["place"].pk])
    data = _form_data(client, url)
    data.update(nom="", jour_mardi="le matin", telephone="12", commune="Lyon", courriels="pas-une-adresse")
    response = client.post(url, data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Le formulaire contient 5 erreurs" in html
    assert 'href="#id_jour_mardi"' in html and "Les horaires du mardi ne se lisent pas" in html
    assert "Nous ne trouvons pas la commune « Lyon » avec le code postal « 91300 »" in html
    assert "Ce numéro ne se lit pas" in html and "L’adresse « pas-une-adresse » ne se lit pas" in html
    assert 'aria-describedby="id_telephone_helptext id_telephone_error"' in html
    assert 'value="le matin"' in html
    assert not Contribution.objects.exists()


def test_a_new_commune_brings_its_insee_code_and_centre(people):
    client = _client(people, "member")
    url = reverse("contributions:edit-place", args=[people["place"].pk])
    data = _form_data(client, url)
    data.update(commune="palaiseau", code_postal="91120", adresse="2 rue de Paris")
    assert client.post(url, data).status_code == 302
    place = Place.objects.get(pk=people["place"].pk)
    assert (place.commune, place.code_insee, place.position_approximative) == ("Palaiseau", "91477", True)


def test_a_new_structures_edit_waits_and_the_preview_shows_it(people):
    client = _client(people, "newcomer")
    place = people["new_place"]
    url = reverse("contributions:edit-place", args=[place.pk])
    data = _form_data(client, url)
    data["presentation_resume"] = "Ateliers numériques pour les jeunes."
    client.post(url, data)
    assert Place.objects.get(pk=place.pk).presentation_resume == ""
    public = client.get(place.get_absolute_url()).content.decode()
    assert "Ateliers numériques pour les jeunes." not in public
    preview = client.get(reverse("contributions:preview", args=[place.pk])).content.decode()
    assert "Ateliers numériques pour les jeunes." in preview and "en attente de modération" in preview
    home = client.get(reverse("contributions:home")).content.decode()
    assert "1 modification attend la modération" in home
    again = client.get(url).context["form"]  # the form starts from what waits
    assert again["presentation_resume"].value() == "Ateliers numériques pour les jeunes."


def test_services_are_added_edited_and_deleted_from_the_space(people):
    client = _client(people, "member")
    place = people["place"]
    url = reverse("contributions:add-service", args=[place.pk])
    response = client.post(url, {"nom": "", "frais": "gratuit"})
    assert response.status_code == 400 and "Ce champ est obligatoire" in response.content.decode()
    client.post(url, {"nom": "Atelier tablette", "mediation": ["Maîtrise des outils numériques du quotidien"],
                      "jour_mercredi": "14:00 - 16:00"})  # fmt: skip
    added = place.services.get(nom="Atelier tablette")
    assert added.horaires_accueil == "We 14:00-16:00"
    edit_url = reverse("contributions:edit-service", args=[added.pk])
    data = _form_data(client, edit_url)
    data["description"] = "Pour débuter."
    assert client.post(edit_url, data).status_code == 302
    added.refresh_from_db()
    assert added.description == "Pour débuter."
    client.post(reverse("contributions:delete-service", args=[added.pk]))
    assert not place.services.filter(nom="Atelier tablette").exists()


def test_the_review_page_shows_the_diff_and_reverts_one_field(people):
    place = people["place"]
    contribution = submit.edit(people["member"], place, {"horaires": "Mo-Fr 10:00-18:00", "nom": "Médiathèque"})
    client = _client(people, "moderator")
    url = reverse("contributions:review", args=[contribution.pk])
    html = client.get(url).content.decode().replace("\xa0", " ")
    assert "Lundi : 9 h – 12 h, 14 h – 17 h" in html and "Lundi : 10 h – 18 h" in html
    response = client.post(url, {"d_horaires": "annuler", "d_nom": "accepter", "reason": ""})
    assert response.status_code == 400 and "Dites à l’auteur ou l’autrice pourquoi" in response.content.decode()
    response = client.post(url, {"d_horaires": "annuler", "d_nom": "accepter", "reason": "Horaires inexacts."})
    assert response.status_code == 302
    place.refresh_from_db()
    assert (place.nom, place.horaires) == ("Médiathèque", "Mo-Fr 09:00-12:00,14:00-17:00")
    assert "Horaires inexacts." in client.get(url).content.decode()
