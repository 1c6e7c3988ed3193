import pytest
from django.urls import reverse

from directory.models import ErrorReport, Place
from tests.admin_forms import no_inline_rows
from tests.factories import ErrorReportFactory, PlaceFactory, ServiceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(admin_client):
    return admin_client


def test_place_list_with_search_and_filters(coordinator):
    ServiceFactory(place__nom="Médiathèque Jules Verne")
    PlaceFactory(nom="Ancien lieu", date_maj=None)
    url = reverse("admin:directory_place_changelist")
    for query in ["", "?q=jules", "?fraicheur=inconnu", "?completude=faible", "?departement=91", "?o=6"]:
        response = coordinator.get(url + query)
        assert response.status_code == 200, query
    assert "Médiathèque Jules Verne" in coordinator.get(url + "?q=jules").content.decode()
    html = coordinator.get(url + "?fraicheur=inconnu").content.decode()
    assert "Ancien lieu" in html and "Jules Verne" not in html


def test_place_change_form_edits_lists_and_recomputes(coordinator):
    place = ServiceFactory().place
    url = reverse("admin:directory_place_change", args=[place.pk])
    page = coordinator.get(url)
    assert page.status_code == 200
    data = {
        "nom": "Nouveau nom", "adresse": "2 rue de Paris", "code_postal": "91300", "commune": "Massy",
        "code_insee": "91377", "latitude": "48.73", "longitude": "2.27", "telephone": "+33169000000",
        "courriels": "a@exemple.fr\nb@exemple.fr", "horaires": "Mo-Fr 09:00-12:00",
        "frais_a_charge": ["Gratuit"], "modalites_acces": ["Se présenter"], "est_publie": "on", "source": "test",
        **no_inline_rows(page),
    }  # fmt: skip
    response = coordinator.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    place = Place.objects.get(pk=place.pk)
    assert place.nom == "Nouveau nom" and place.courriels == ["a@exemple.fr", "b@exemple.fr"]
    assert place.services.count() == 1  # services are kept (inline not submitted as deleted)


def test_error_reports_visible_and_treated(coordinator):
    report = ErrorReportFactory()
    url = reverse("admin:directory_errorreport_changelist")
    html = coordinator.get(url).content.decode()
    assert "Les horaires sont faux" in html and report.place.nom in html
    coordinator.post(url, {"action": "mark_done", "_selected_action": [report.pk]})
    report.refresh_from_db()
    assert report.status == ErrorReport.Status.DONE and report.traite_le is not None


def _names(coordinator, model: str, query: str) -> str:
    return coordinator.get(reverse(f"admin:directory_{model}_changelist"), {"q": query}).content.decode()


def test_search_ignores_accents_and_case_on_places_services_and_reports(coordinator):
    pegomas = PlaceFactory(nom="Mairie de Pégomas", commune="Pégomas", code_postal="06580")
    ecole = PlaceFactory(nom="ÉCOLE DU NUMÉRIQUE", commune="Évry-Courcouronnes")
    PlaceFactory(nom="Médiathèque Jules Verne")
    html = _names(coordinator, "place", "pegomas")
    assert "Mairie de Pégomas" in html and "Jules Verne" not in html
    html = _names(coordinator, "place", "ecole evry")  # every word, in any of the searched fields
    assert "ÉCOLE DU NUMÉRIQUE" in html and "Pégomas" not in html
    assert "Jules Verne" in _names(coordinator, "place", "MEDIATHEQUE jules")
    ServiceFactory(place=ecole, nom="Atelier « Découvrir sa tablette »")
    assert "Découvrir sa tablette" in _names(coordinator, "service", "decouvrir")
    assert "Découvrir sa tablette" in _names(coordinator, "service", "ecole")  # the place's name
    ErrorReportFactory(place=pegomas, message="Fermé le mercredi après-midi")
    assert "Fermé le mercredi" in _names(coordinator, "errorreport", "apres midi")
    assert "Fermé le mercredi" in _names(coordinator, "errorreport", "PEGOMAS")
    assert "Fermé le mercredi" not in _names(coordinator, "errorreport", "ecole")


def test_place_form_groups_vocabularies_in_labelled_compact_lists(coordinator):
    place = PlaceFactory()
    html = coordinator.get(reverse("admin:directory_place_change", args=[place.pk])).content.decode()
    assert 'role="group" aria-label="Réseaux porteurs"' in html
    assert 'class="vocabulary-choices long" role="group"' in html  # 108 networks: a scrolling box
    assert 'class="vocabulary-choices" role="group" aria-label="Frais à charge"' in html
    assert "<details><summary>" in html  # « Réseaux et labels » folds away


def test_editable_cells_of_lists_are_named_after_their_row(coordinator):
    place = PlaceFactory(nom="Médiathèque Jules Verne", commune="Massy")
    report = ErrorReportFactory(place=place)
    html = coordinator.get(reverse("admin:directory_place_changelist")).content.decode()
    assert 'aria-label="Publié — Médiathèque Jules Verne (Massy)"' in html
    html = coordinator.get(reverse("admin:directory_errorreport_changelist")).content.decode()
    assert f'aria-label="État — {report}"' in html
    html = coordinator.get(reverse("admin:directory_errorreport_change", args=[report.pk])).content.decode()
    assert 'aria-label="Traité le, date"' in html and 'aria-label="Traité le, heure"' in html
