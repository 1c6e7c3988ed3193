"""The duplicate comparison page and its decisions, a place's value history, the « absent de la source » filter."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from datahub.models import FieldChange, ImportRun, Merge, MergeCandidate, SourceRecord
from directory.models import Place
from tests.datahub.conftest import IDF, NATIONAL
from tests.factories import PlaceFactory, ServiceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def candidate(imported):
    imported(NATIONAL)
    imported(IDF)
    return MergeCandidate.objects.select_related("place", "other").get(other_name="Le Petit Lien")


def test_review_list_links_each_pair_to_its_comparison(admin_client, candidate):
    html = admin_client.get(reverse("admin:datahub_mergecandidate_changelist")).content.decode()
    url = reverse("admin:datahub_mergecandidate_change", args=[candidate.pk])
    assert f'<a href="{url}">Comparer et décider</a>' in html


def test_compare_page_shows_both_places_field_by_field_with_sources_and_distance(admin_client, candidate):
    html = admin_client.get(reverse("admin:datahub_mergecandidate_change", args=[candidate.pk])).content.decode()
    assert "Comparaison des deux lieux" in html
    assert candidate.place.nom in html and "Le Petit Lien" in html
    for label in ("Adresse", "Code postal", "Téléphone", "Horaires (format OpenStreetMap)", "SIRET, SIREN ou RNA"):
        assert f'<th scope="row">{label}' in html, label
    assert candidate.reasons in html and "Distance entre les deux" in html
    for record in SourceRecord.objects.filter(place__in=[candidate.place, candidate.other]):
        assert record.source_id in html
    assert ">Fusionner</button>" in html and ">Refuser</button>" in html
    assert "différent" in html


def test_merge_button_merges_and_page_then_shows_the_decision(admin_client, admin_user, candidate):
    url = reverse("admin:datahub_mergecandidate_merge", args=[candidate.pk])
    assert admin_client.get(url).status_code == 405  # a decision is a POST
    response = admin_client.post(url, follow=True)
    candidate.refresh_from_db()
    assert candidate.status == MergeCandidate.Status.CONFIRMED and candidate.decided_by == admin_user
    assert Merge.objects.filter(place=candidate.place, absorbed_name="Le Petit Lien").exists()
    assert "sont fusionnés" in response.content.decode()
    again = admin_client.post(url, follow=True).content.decode()
    assert "Ce doublon a déjà été traité." in again  # the domain's refusal, in French


def test_refuse_button_keeps_both_places(admin_client, candidate):
    response = admin_client.post(reverse("admin:datahub_mergecandidate_refuse", args=[candidate.pk]), follow=True)
    candidate.refresh_from_db()
    assert candidate.status == MergeCandidate.Status.REFUSED
    assert Place.objects.filter(pk=candidate.other_id).exists()
    html = response.content.decode()
    assert "Doublon refusé" in html and "Fusion refusée" in html and ">Fusionner</button>" not in html


def test_decisions_need_the_csrf_token(admin_user, candidate):
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)
    assert client.post(reverse("admin:datahub_mergecandidate_merge", args=[candidate.pk])).status_code == 403
    candidate.refresh_from_db()
    assert candidate.status == MergeCandidate.Status.PENDING


def _record(place, source="dora", absent=None, service=None):
    return SourceRecord.objects.create(
        source=source, kind="service" if service else "lieu", source_id=f"{source}-{place.pk}-{service and service.pk}",
        place=place, service=service, feed=source, fingerprint="x", absent_since=absent,
    )  # fmt: skip


def test_place_history_lists_every_change_most_recent_first_with_its_import(admin_client, admin_user):
    service = ServiceFactory(place__nom="Médiathèque Jules Verne")
    place = service.place
    run = ImportRun.objects.create(source_format="lieux", feed="dora", started_by=admin_user)
    now = timezone.now()
    place_record, service_record = _record(place), _record(place, service=service)
    FieldChange.objects.create(
        record=place_record, run=run, field="telephone", old_value="0169000000", new_value="0169000001",
        changed_at=now - datetime.timedelta(days=2),
    )  # fmt: skip
    FieldChange.objects.create(
        record=service_record, run=run, field="frais", old_value="gratuit", new_value="payant", changed_at=now
    )
    other = _record(PlaceFactory())
    FieldChange.objects.create(
        record=other, run=run, field="nom", old_value="Ailleurs", new_value="Autre", changed_at=now
    )
    html = admin_client.get(reverse("admin:datahub_fieldchange_place", args=[place.pk]), follow=True).content.decode()
    assert "2 modifications de valeur" in html and "Ailleurs" not in html
    assert html.index("payant") < html.index("0169000001")  # most recent first
    assert f"service « {service.nom} »" in html and str(run) in html and f"lancé par {admin_user}" in html
    assert '<th scope="row">Téléphone</th>' in html and '<th scope="row">Frais</th>' in html  # French names
    listing = admin_client.get(reverse("admin:datahub_fieldchange_changelist")).content.decode()
    assert reverse("datahub:history", args=[place.pk]) in listing  # each change leads to its place
    form = admin_client.get(reverse("admin:directory_place_change", args=[place.pk])).content.decode()
    assert "Historique des valeurs" in form and "0169000001" in form and "payant" in form
    assert reverse("admin:datahub_fieldchange_place", args=[place.pk]) in form


def test_absent_from_source_filter(admin_client):
    gone, present, mixed, _manual = (PlaceFactory(nom=n) for n in ("Fermé", "Ouvert", "Mêlé", "Saisi"))
    _record(gone, "dora", absent=datetime.date(2026, 11, 1))
    _record(gone, "cnfs", absent=datetime.date(2026, 10, 1))
    _record(present, "dora")
    _record(mixed, "dora", absent=datetime.date(2026, 11, 1))
    _record(mixed, "cnfs")
    url = reverse("admin:directory_place_changelist")

    def names(value):
        return {p.nom for p in admin_client.get(url, {"absent": value}).context["cl"].result_list}

    assert names("oui") == {"Fermé"}
    assert names("non") == {"Ouvert", "Mêlé"}
    assert names("sans") == {"Saisi"}
    assert "absent de la source" in admin_client.get(url).content.decode()


def test_source_record_columns_are_in_french(admin_client):
    run = ImportRun.objects.create(source_format="lieux", feed="dora")
    record = _record(PlaceFactory())
    record.last_run = run
    record.save()
    html = admin_client.get(reverse("admin:datahub_sourcerecord_changelist")).content.decode()
    assert "Dernier import" in html and ">Lieu<" in html
    assert "Last run" not in html and ">Place<" not in html
    detail = admin_client.get(reverse("admin:datahub_sourcerecord_change", args=[record.pk])).content.decode()
    assert "Premier import" in detail and "First run" not in detail
