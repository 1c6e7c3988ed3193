"""Coordinators enter temporary information in the place's admin form; it goes through the domain functions."""

from datetime import date

import pytest
from django.urls import reverse

from core.audit import entries_for
from directory.models import TemporaryInfo
from tests.admin_forms import no_inline_rows
from tests.factories import ServiceFactory

pytestmark = pytest.mark.django_db


def _form(client, url, place, rows: list[dict], initial: int = 0) -> dict:
    data = {
        "nom": place.nom, "adresse": place.adresse, "code_postal": place.code_postal, "commune": place.commune,
        "code_insee": place.code_insee, "latitude": place.latitude, "longitude": place.longitude,
        "horaires": place.horaires, "courriels": "", "site_web": "", "est_publie": "on", "source": "test",
        "frais_a_charge": ["Gratuit"], "modalites_acces": ["Se présenter"],
        **no_inline_rows(client.get(url)),
        "temporary_infos-TOTAL_FORMS": str(len(rows)), "temporary_infos-INITIAL_FORMS": str(initial),
    }  # fmt: skip
    for index, row in enumerate(rows):
        data.update({f"temporary_infos-{index}-{key}": value for key, value in row.items()})
    return data


def test_a_coordinator_adds_changes_and_removes_a_closure(admin_client, admin_user):
    service = ServiceFactory()
    place = service.place
    url = reverse("admin:directory_place_change", args=[place.pk])
    html = admin_client.get(url).content.decode()
    assert "Informations temporaires (fermetures, horaires exceptionnels, messages)" in html
    row = {"kind": "fermeture", "debut": "01/01/2027", "fin": "15/01/2027", "texte": "Travaux", "horaires": "",
           "service": "", "place": place.pk}  # fmt: skip
    response = admin_client.post(url, _form(admin_client, url, place, [row]))
    assert response.status_code == 302
    info = TemporaryInfo.objects.get()
    assert (info.debut, info.fin, info.texte) == (date(2027, 1, 1), date(2027, 1, 15), "Travaux")
    assert info.cree_par == admin_user

    changed = {**row, "id": info.pk, "fin": "20/01/2027"}
    assert admin_client.post(url, _form(admin_client, url, place, [changed], initial=1)).status_code == 302
    info.refresh_from_db()
    assert info.fin == date(2027, 1, 20)

    removed = {**changed, "DELETE": "on"}
    assert admin_client.post(url, _form(admin_client, url, place, [removed], initial=1)).status_code == 302
    assert not TemporaryInfo.objects.exists()
    verbs = [e.verb for e in entries_for(place).order_by("pk") if "temporaire" in e.verb]
    assert verbs == [
        "information temporaire ajoutée", "information temporaire modifiée", "information temporaire supprimée",
    ]  # fmt: skip


def test_the_admin_says_in_french_what_is_wrong_and_saves_nothing(admin_client):
    place = ServiceFactory().place
    url = reverse("admin:directory_place_change", args=[place.pk])
    row = {"kind": "horaires", "debut": "15/01/2027", "fin": "01/01/2027", "texte": "", "horaires": "9h-12h",
           "service": "", "place": place.pk}  # fmt: skip
    response = admin_client.post(url, _form(admin_client, url, place, [row]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "La date de fin est avant la date de début." in html
    assert "Ces horaires ne sont pas au format OpenStreetMap" in html
    assert not TemporaryInfo.objects.exists()


def test_only_the_places_services_are_offered(admin_client):
    service, other = ServiceFactory(nom="Atelier du lieu"), ServiceFactory(nom="Atelier d’ailleurs")
    html = admin_client.get(reverse("admin:directory_place_change", args=[service.place.pk])).content.decode()
    assert "Atelier du lieu" in html and "Atelier d’ailleurs" not in html
    assert other.pk
