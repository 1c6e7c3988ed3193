import pytest
from django.urls import reverse

from directory.models import ErrorReport, Place
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
    assert coordinator.get(url).status_code == 200
    data = {
        "nom": "Nouveau nom", "adresse": "2 rue de Paris", "code_postal": "91300", "commune": "Massy",
        "code_insee": "91377", "latitude": "48.73", "longitude": "2.27", "telephone": "+33169000000",
        "courriels": "a@exemple.fr\nb@exemple.fr", "horaires": "Mo-Fr 09:00-12:00",
        "frais_a_charge": ["Gratuit"], "modalites_acces": ["Se présenter"], "est_publie": "on", "source": "test",
        "services-TOTAL_FORMS": "0", "services-INITIAL_FORMS": "0",
        "error_reports-TOTAL_FORMS": "0", "error_reports-INITIAL_FORMS": "0",
        "source_records-TOTAL_FORMS": "0", "source_records-INITIAL_FORMS": "0",
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
