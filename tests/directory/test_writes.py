"""Every write to a place or a service keeps what derives from it fresh (issue 7, item 1)."""

import pytest
from django.forms.models import model_to_dict
from django.urls import reverse

from directory.domain import writes
from directory.domain.search import Criteria, search
from directory.models import ErrorReport, Place, Service
from tests.factories import MASSY, ErrorReportFactory, PlaceFactory, ServiceFactory

pytestmark = pytest.mark.django_db


def _free_search() -> list[str]:
    page = search(Criteria(latitude=MASSY[0], longitude=MASSY[1], radius_km=10, free_only=True))
    return [result.place.nom for result in page.results]


def _all_search() -> list[str]:
    return [r.place.nom for r in search(Criteria(latitude=MASSY[0], longitude=MASSY[1], radius_km=10)).results]


def _service_form(service: Service, **changes) -> dict:
    data = {k: v for k, v in model_to_dict(service).items() if v is not None}
    data.update({"place": service.place_id, **changes})
    return data


def test_a_service_made_paying_in_the_service_admin_leaves_free_searches(admin_client):
    service = ServiceFactory(place__nom="Médiathèque")
    assert _free_search() == ["Médiathèque"]
    url = reverse("admin:directory_service_change", args=[service.pk])
    response = admin_client.post(url, _service_form(service, frais="payant"))
    assert response.status_code == 302, response.content.decode()[:3000]
    assert _free_search() == []
    assert _all_search() == ["Médiathèque"]


def test_a_place_whose_last_service_is_deleted_in_the_admin_leaves_the_search(admin_client):
    service = ServiceFactory(place__nom="Médiathèque")
    assert _all_search() == ["Médiathèque"]
    admin_client.post(reverse("admin:directory_service_delete", args=[service.pk]), {"post": "yes"})
    assert not Service.objects.exists()
    assert _all_search() == []


def test_services_deleted_in_bulk_from_the_service_list_refresh_their_places(admin_client):
    one, two = ServiceFactory(place__nom="Un"), ServiceFactory(place__nom="Deux")
    admin_client.post(
        reverse("admin:directory_service_changelist"),
        {"action": "delete_selected", "_selected_action": [one.pk, two.pk], "post": "yes"},
    )
    assert _all_search() == []
    assert Place.objects.get(nom="Un").search_keys == []


def test_a_service_moved_to_another_place_refreshes_both_places():
    service = ServiceFactory(place__nom="Ancien")
    other = PlaceFactory(nom="Nouveau")
    service.place = other
    writes.save_service(service)
    assert _all_search() == ["Nouveau"]


def test_status_change_in_the_admin_form_sets_the_treatment_date(admin_client):
    report = ErrorReportFactory()
    url = reverse("admin:directory_errorreport_change", args=[report.pk])
    admin_client.post(url, {"status": ErrorReport.Status.REJECTED, "notes": "Doublon"})
    report.refresh_from_db()
    assert report.status == ErrorReport.Status.REJECTED and report.traite_le is not None
    admin_client.post(url, {"status": ErrorReport.Status.NEW, "notes": "Rouvert"})
    report.refresh_from_db()
    assert report.traite_le is None


def test_status_change_in_the_list_sets_the_treatment_date(admin_client):
    report = ErrorReportFactory()
    admin_client.post(
        reverse("admin:directory_errorreport_changelist"),
        {"form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "1", "form-0-id": report.pk,
         "form-0-status": ErrorReport.Status.DONE, "_save": "Enregistrer"},
    )  # fmt: skip
    report.refresh_from_db()
    assert report.status == ErrorReport.Status.DONE and report.traite_le is not None


def test_a_service_edit_in_the_admin_is_recorded_with_its_author(admin_client, admin_user):
    from datahub.models import FieldChange

    service = ServiceFactory(place__nom="Médiathèque")
    other = PlaceFactory(nom="Annexe")
    url = reverse("admin:directory_service_change", args=[service.pk])
    admin_client.post(url, _service_form(service, frais="payant", place=other.pk))
    changes = {c.field: c for c in FieldChange.objects.all()}
    assert set(changes) == {"frais", "place_id"}
    assert (changes["frais"].by, changes["frais"].old_value, changes["frais"].new_value) == (
        admin_user, "gratuit", "payant",
    )  # fmt: skip
    assert changes["frais"].record.service_id == service.pk
    assert _all_search() == ["Annexe"]


def test_a_new_place_created_by_a_person_tells_its_values_not_nothing():
    """Before: `_changes` returned nothing for an unsaved instance, so a created place had no recorded source."""
    heard = []

    def listen(sender, instance, changes, **kwargs):
        heard.append((sender, instance.pk, changes))

    writes.edited.connect(listen)
    try:
        place = Place(nom="Atelier Clic", code_insee="91377", commune="Massy", adresse="")
        writes.save_place(place, fields=["nom", "code_insee", "commune", "adresse"], source="proposition")
    finally:
        writes.edited.disconnect(listen)
    assert heard == [(Place, place.pk, {"nom": (None, "Atelier Clic"), "code_insee": (None, "91377"),
                                        "commune": (None, "Massy")})]  # fmt: skip
