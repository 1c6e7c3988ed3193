"""The national France Services list (ANCT, 2024-08-01) through the spreadsheet importer's profile."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from core import worker
from datahub.models import ImportRun, Merge, MergeCandidate, RowIssue
from directory.domain import hours
from directory.models import Place
from tests.datahub.conftest import CNFS_FRANCE_SERVICES, FRANCE_SERVICES_CSV

pytestmark = pytest.mark.django_db


@pytest.fixture
def france_services(imported):
    return imported(FRANCE_SERVICES_CSV, "tableur", profile="france-services")


def _place(nom: str) -> Place:
    return Place.objects.get(nom=nom)


def test_every_row_imported_with_hours_label_and_services(france_services):
    run = france_services
    assert (run.rows, run.created, run.merged, run.rejected) == (18, 18, 0, 0)
    chilly = _place("France services de Chilly-Mazarin")
    assert chilly.horaires == "Mo,Th,Fr 08:30-12:00,13:30-17:30; Tu 15:00-19:00; We,Sa 08:30-12:00"
    assert hours.is_valid(chilly.horaires)
    assert (chilly.code_insee, chilly.telephone) == ("91161", "+33169103709")
    assert chilly.dispositif_programmes_nationaux == ["France Services"]
    assert chilly.reseaux_porteurs == ["france-service"] and chilly.typologie == ["RFS"]
    assert chilly.frais_a_charge == ["Gratuit"] and chilly.itinerance == ["Fixe"]
    assert chilly.date_maj.isoformat() == "2024-08-01"  # the list's date, from its file name
    assert chilly.source == "france-services"
    assert set(chilly.services.values_list("nom", flat=True)) == {
        "Aide aux démarches administratives",
        "Accès internet et matériel informatique",
    }
    demarches = chilly.services.get(nom="Aide aux démarches administratives")
    assert "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives" in (
        demarches.thematiques
    )
    assert (demarches.frais, demarches.type, demarches.publics) == ("gratuit", "accompagnement", ["tous-publics"])
    # Online booking « Oui »: searchable as « rendez-vous en ligne ».
    longjumeau = _place("France services de Longjumeau - Maison de la fraternité")
    assert "Prendre un RDV en ligne" in longjumeau.modalites_acces
    assert "Prendre un RDV en ligne" not in chilly.modalites_acces


def test_buses_and_itinerant_counters_are_itinerant_places(france_services):
    bus = _place("Bus France services Prox e-Bus de Morangis, Wissous et Savigny-sur-Orge")
    assert bus.itinerance == ["Itinérant"]
    assert "Bus France services" in bus.presentation_detail and "point d’attache" in bus.presentation_detail
    assert _place("France services itinérante Pays Ségali - Naucelle").itinerance == ["Itinérant"]
    antenne = _place("France services d'Houdan - Antenne de Septeuil")
    assert antenne.itinerance == ["Fixe"] and antenne.presentation_detail.startswith("Antenne d’une France services")
    assert _place("France services multisites Pimms Médiation Melun").itinerance == ["Fixe"]
    assert Place.objects.filter(itinerance__has="Itinérant").count() == 4


def test_placeholder_and_overlapping_spans(france_services):
    # Wednesday « 00:00 - 00:00 / 09:00 - 12:00 »: open 9 h – 12 h, the empty span dropped with a warning.
    agreve = _place("France services Saint-Agrève")
    assert agreve.horaires == "Mo,Fr 08:30-12:00,13:30-16:30; Tu,Th 08:30-12:30,13:30-16:30; We 09:00-12:00"
    warning = RowIssue.objects.get(run=france_services, record_id="29")
    assert warning.level == RowIssue.Level.WARNING
    assert "00:00 - 00:00" in warning.reason and "mercredi" in warning.reason
    # Friday « 00:00 - 00:00 » only: closed on Friday, not open all day.
    assert "Fr" not in _place("France services de Salles-sur-l'Hers").horaires
    # « 00:00 - 00:00 / 08:00 - 15:00 / 08:00 - 16:00 / 08:00 - 16:00 »: one span 8 h – 16 h.
    assert _place("France services Saint-Pierre").horaires == "Mo-Th 08:00-16:00; Fr 08:00-15:00"
    # No hours at all: unknown, not closed.
    assert _place("France services Association Ségala Limargue").horaires == ""


def test_every_imperfect_row_is_explained_and_nothing_lost(france_services):
    reasons = list(RowIssue.objects.filter(run=france_services).values_list("line", "record_id", "reason"))
    assert all(reason for _, _, reason in reasons)
    # « france-service@carct.fr - maisondelagglo@carct.fr »: both addresses kept.
    assert not any(rid == "700" for _, rid, _ in reasons)
    assert _place("France services Agglomération de la région de Château-Thierry - Etampes sur Marne").courriels == [
        "france-service@carct.fr",
        "maisondelagglo@carct.fr",
    ]
    # A comment written over two lines of the file is kept whole.
    lude = _place("France services CC Sud Sarthe")
    assert "Sur rendez-vous les mardis, mercredis et jeudis matins au Lude" in lude.presentation_detail


def test_reimporting_the_list_changes_nothing(france_services, imported):
    again = imported(FRANCE_SERVICES_CSV, "tableur", profile="france-services")
    assert (again.created, again.updated, again.merged, again.rejected) == (0, 0, 0, 0)
    assert again.unchanged == 18
    assert Place.objects.count() == 18


def test_two_records_of_the_list_never_merge_automatically(france_services):
    """The list gives one id per place: a counter and its bus at one address stay two, a coordinator decides."""
    fixe = _place("France services Pimms Médiation Sevran")
    bus = _place("Bus France services Pimms Médiation Sevran")
    candidate = MergeCandidate.objects.get(place=fixe, other=bus)
    assert candidate.status == MergeCandidate.Status.PENDING
    assert "deux fiches distinctes de la liste « france-services »" in candidate.reasons
    # The same name twice at one address (ids 2287 and 3240, different hours): reviewed too.
    case_pilote = Place.objects.filter(nom="France services de Case-Pilote")
    assert case_pilote.count() == 2
    assert MergeCandidate.objects.filter(place__in=case_pilote, other__in=case_pilote).exists()


def test_merged_with_an_older_source_only_when_surely_the_same(imported):
    imported(CNFS_FRANCE_SERVICES)
    run = imported(FRANCE_SERVICES_CSV, "tableur", profile="france-services")
    # « France Services de Coulommiers » (conseillers numériques, 2022) at the same address: one place,
    # with the 2024 hours.
    coulommiers = Place.objects.get(code_insee="77131")
    assert Merge.objects.filter(place=coulommiers, run=run, automatic=True).exists()
    assert set(coulommiers.source_records.filter(kind="lieu").values_list("source", flat=True)) == {
        "conseiller-numerique",
        "france-services",
    }
    # The town hall of La Courneuve and the bus that leaves from it: two bodies, the review queue decides.
    courneuve = Place.objects.filter(code_insee="93027")
    assert courneuve.count() == 2
    assert MergeCandidate.objects.filter(
        place__nom__iexact="commune de la courneuve", other_name__startswith="Bus France services La Courneuve"
    ).exists()


def test_command_recognises_the_list_from_its_header():
    out = io.StringIO()
    call_command("import_data", str(FRANCE_SERVICES_CSV), source_format="tableur", quiet=True, stdout=out)
    assert "Profil de tableur : France services" in out.getvalue()
    assert _place("France services de Chilly-Mazarin").horaires
    with pytest.raises(CommandError, match="Profil de tableur inconnu : « maisons »"):
        call_command("import_data", str(FRANCE_SERVICES_CSV), source_format="tableur", profile="maisons")


@pytest.mark.django_db(databases=["default", "progress"])
def test_admin_upload_with_the_profile_needs_no_column_mapping(admin_client):
    page = admin_client.get(reverse("admin:datahub_importrun_add")).content.decode()
    assert "Profil du tableur" in page and "France services (liste nationale de l’ANCT)" in page
    upload = SimpleUploadedFile(FRANCE_SERVICES_CSV.name, FRANCE_SERVICES_CSV.read_bytes())
    # No profile chosen: recognised from the header, queued at once (no mapping step), imported by the worker.
    response = admin_client.post(reverse("admin:datahub_importrun_add"), {"source_format": "tableur", "file": upload})
    run = ImportRun.objects.get()
    assert response.url == reverse("admin:datahub_importrun_change", args=[run.pk])
    assert run.status == ImportRun.Status.QUEUED and run.options == {"profile": "france-services"}
    worker.run_pending()
    run.refresh_from_db()
    assert (run.source_format, run.created, run.rejected) == ("tableur", 18, 0)
    assert _place("France services de Chilly-Mazarin").date_maj.isoformat() == "2024-08-01"


def test_a_synced_feed_of_the_list_needs_no_profile(imported):
    """`sync_sources` calls the import with the format only: the list is recognised from its header."""
    run = imported(FRANCE_SERVICES_CSV, "tableur", file_name="https://example.org/data/liste-fs-20240801.csv")
    assert (run.created, run.rejected) == (18, 0)
    assert _place("France services de Chilly-Mazarin").date_maj.isoformat() == "2024-08-01"
