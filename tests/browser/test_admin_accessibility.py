"""The coordinators' back-office: zero axe-core violations at 1280 and 320 px, and the duplicate review page."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from accounts.models import Membership, Structure
from core import jobfiles, worker
from core.jobs import job
from core.models import JobProgress
from datahub.models import FieldChange, ImportRun, Merge, MergeCandidate, SourceRecord
from datahub.runs import PHASE_ROWS, run_import
from datahub.tasks import queue_import
from directory.domain import temporary
from directory.models import Place
from freshness.domain import campaigns
from freshness.domain.confirm import confirm
from freshness.models import Channel
from tests.browser.conftest import axe_violations
from tests.datahub.conftest import IDF, NATIONAL
from tests.factories import ErrorReportFactory, PlaceFactory, ServiceFactory

pytestmark = pytest.mark.django_db(transaction=True, databases=["default", "progress"])


@pytest.fixture
def coordinator_page(page, live_server):
    """The browser page, logged in as a coordinator (the session cookie of a test client)."""
    user = get_user_model().objects.create_superuser("coordination@exemple.fr", "motdepasse")
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    return page


@pytest.fixture
def backoffice():
    """Real imports (the review queue gets « Le Petit Lien »), a merge, a report, a value change."""
    run = run_import(NATIONAL, "lieux")
    run_import(IDF, "lieux")
    service = ServiceFactory(place__nom="Médiathèque Jules Verne")
    report = ErrorReportFactory(place=service.place)
    temporary.add(
        service.place,
        user=None,
        kind="horaires",
        debut=datetime.date(2027, 1, 4),
        fin=datetime.date(2027, 1, 8),
        horaires="Mo-Fr 10:00-12:00",
        texte="Horaires réduits pendant les travaux.",
        service=service,
    )  # a row in the « informations temporaires » inline (which also has its blank row)
    kept, absorbed = PlaceFactory(nom="Espace Pégomas"), PlaceFactory(nom="Espace Pegomas")
    from datahub.merging.actions import merge_places

    merge_places(kept, absorbed, reasons="noms semblables à 100 %")
    running = ImportRun.objects.create(
        source_format="lieux", feed="long", file_name="long.csv", status=ImportRun.Status.RUNNING, job_id="j-1"
    )
    JobProgress.objects.create(job_id="j-1", done=1200, total=3400, phase=PHASE_ROWS, updated_at=timezone.now())
    failing.enqueue()
    worker.run_pending()  # the failure (its retry waits an hour)
    queued = queue_import(
        ImportRun.objects.create(
            source_format="lieux",
            feed="envoi",
            file_name="envoi.csv",
            status=ImportRun.Status.QUEUED,
            upload=jobfiles.store("envoi.csv", b"id,nom\n"),
        )
    )
    record = SourceRecord.objects.filter(kind="lieu").select_related("place").first()
    confirm(service.place, channel=Channel.PHONE, note="Horaires confirmés")
    campaign = campaigns.launch("Printemps", campaigns.Criteria(departement="91"), "département : 91 Essonne")
    FieldChange.objects.create(
        record=record, run=run, field="telephone", old_value="+33169000000", new_value="+33169000001",
        changed_at=timezone.now() - datetime.timedelta(days=1),
    )  # fmt: skip
    structure = Structure.objects.create(name="Association Lien Numérique", siret="13002526500013")
    lonely = Structure.objects.create(name="CCAS de Massy", kind=Structure.Kind.CCAS)
    member = get_user_model().objects.create_user("membre@exemple.fr", "motdepasse", full_name="Camille Membre")
    membership = Membership.objects.create(user=member, structure=structure, role=Membership.Role.ADMIN)
    service.place.structure = structure
    service.place.save()
    return {
        "structure": structure,
        "lonely": lonely,
        "member": member,
        "membership": membership,
        "service": service,
        "report": report,
        "run": ImportRun.objects.filter(rejected__gt=0).first(),
        "candidate": MergeCandidate.objects.get(other_name="Le Petit Lien"),
        "record": record,
        "campaign": campaign,
        "queued": queued,
        "running": running,
        "failed_job": DBTaskResult.objects.filter(status=TaskResultStatus.FAILED).first(),
    }


@job(retries=1, retry_delay=3600, label="Envoi qui échoue")
def failing() -> None:
    raise RuntimeError("serveur de courriel injoignable")


def admin_pages(data) -> dict[str, str]:
    place = data["service"].place
    return {
        "accueil de l’administration": "/admin/",
        "liste des lieux": "/admin/directory/place/",
        "liste des lieux filtrée": "/admin/directory/place/?q=pegomas&absent=oui",
        "fiche d’un lieu": f"/admin/directory/place/{place.pk}/change/",
        "liste des services": "/admin/directory/service/",
        "fiche d’un service": f"/admin/directory/service/{data['service'].pk}/change/",
        "liste des signalements": "/admin/directory/errorreport/",
        "fiche d’un signalement": f"/admin/directory/errorreport/{data['report'].pk}/change/",
        "liste des imports": "/admin/datahub/importrun/",
        "nouvel import": "/admin/datahub/importrun/add/",
        "rapport d’import": f"/admin/datahub/importrun/{data['run'].pk}/change/",
        "doublons à examiner": "/admin/datahub/mergecandidate/",
        "comparaison de deux lieux": f"/admin/datahub/mergecandidate/{data['candidate'].pk}/change/",
        "fusions": "/admin/datahub/merge/",
        "enregistrements sources": "/admin/datahub/sourcerecord/",
        "fiche d’un enregistrement source": f"/admin/datahub/sourcerecord/{data['record'].pk}/change/",
        "historique des modifications": "/admin/datahub/fieldchange/",
        "historique des valeurs d’un lieu": f"/admin/datahub/fieldchange/lieu/{data['record'].place_id}/",
        "tableau de bord de la fraîcheur": "/coordination/fraicheur/",
        "demandes de mise à jour": "/admin/freshness/updaterequest/?etat=sans-reponse",
        "campagnes": "/admin/freshness/campaign/",
        "lancer une campagne": "/admin/freshness/campaign/add/",
        "avancement d’une campagne": f"/admin/freshness/campaign/{data['campaign'].pk}/change/",
        "import en attente": f"/admin/datahub/importrun/{data['queued'].pk}/change/",
        "import en cours": f"/admin/datahub/importrun/{data['running'].pk}/change/",
        "tâches de fond": "/admin/django_tasks_database/dbtaskresult/",
        "tâches de fond en échec": "/admin/django_tasks_database/dbtaskresult/?etat=FAILED",
        "détail d’une tâche": f"/admin/django_tasks_database/dbtaskresult/{data['failed_job'].pk}/change/",
        "liste des personnes": "/admin/accounts/user/",
        "fiche d’une personne": f"/admin/accounts/user/{data['member'].pk}/change/",
        "nouvelle personne": "/admin/accounts/user/add/",
        "liste des structures": "/admin/accounts/structure/",
        "structures sans administrateur": "/admin/accounts/structure/?admin=sans",
        "fiche d’une structure": f"/admin/accounts/structure/{data['structure'].pk}/change/",
        "nouvelle structure": "/admin/accounts/structure/add/",
        "appartenances": "/admin/accounts/membership/",
        "fiche d’une appartenance": f"/admin/accounts/membership/{data['membership'].pk}/change/",
        "demandes pour rejoindre": "/admin/accounts/joinrequest/",
    }


@pytest.mark.parametrize("width", [1280, 320])
def test_admin_pages_have_no_axe_violation(coordinator_page, live_server, backoffice, width):
    page = coordinator_page
    page.set_viewport_size({"width": width, "height": 800})
    found = {}
    for name, path in admin_pages(backoffice).items():
        response = page.goto(live_server.url + path)
        assert response.status == 200, name
        found[name] = axe_violations(page)
    assert {name: v for name, v in found.items() if v} == {}


@pytest.mark.parametrize("width", [1280, 320])
def test_admin_login_page_has_no_axe_violation(page, live_server, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(live_server.url + "/admin/login/?next=/admin/")
    assert axe_violations(page) == []


def test_compare_page_merge_button_merges(coordinator_page, live_server, backoffice):
    candidate = backoffice["candidate"]
    page = coordinator_page
    page.goto(f"{live_server.url}/admin/datahub/mergecandidate/{candidate.pk}/change/")
    table = page.get_by_role("table", name="Comparaison des deux lieux")
    assert "Le Petit Lien" in table.inner_text() and candidate.place.nom in table.inner_text()
    page.get_by_role("button", name="Fusionner").click()
    assert "fusionnés" in page.locator(".messagelist").inner_text()
    candidate.refresh_from_db()
    assert candidate.status == MergeCandidate.Status.CONFIRMED
    assert Merge.objects.filter(place=candidate.place, absorbed_name="Le Petit Lien").exists()
    assert not Place.objects.filter(nom="Le Petit Lien").exists()


def test_compare_page_refuse_button_refuses(coordinator_page, live_server, backoffice):
    candidate = backoffice["candidate"]
    page = coordinator_page
    page.goto(f"{live_server.url}/admin/datahub/mergecandidate/{candidate.pk}/change/")
    page.get_by_role("button", name="Refuser").click()
    assert "refusé" in page.locator(".messagelist").inner_text()
    candidate.refresh_from_db()
    assert candidate.status == MergeCandidate.Status.REFUSED
    assert Place.objects.filter(nom="Le Petit Lien").exists()
    assert not page.get_by_role("button", name="Fusionner").count()


def test_an_upload_is_followed_on_its_page_until_its_report(coordinator_page, live_server):
    """Without reloading by hand: the page waits, the worker imports, the page shows the report by itself."""
    page = coordinator_page
    page.goto(live_server.url + "/admin/datahub/importrun/add/")
    page.locator("#id_source_format").select_option("lieux")
    page.locator("#id_file").set_input_files(str(IDF))
    page.get_by_role("button", name="Importer").click()
    page.get_by_role("heading", name="Import en attente").wait_for()
    assert page.get_by_role("link", name="Actualiser").count() == 1
    page.get_by_role("button", name="Arrêter l’actualisation automatique").wait_for()  # added by the deferred script
    assert axe_violations(page) == []
    worker.run_pending()
    page.get_by_text("Créés").wait_for(timeout=20_000)  # the script saw the run end and showed the report
    run = ImportRun.objects.get(feed=IDF.stem)
    assert run.status == ImportRun.Status.SUCCESS and f"/importrun/{run.pk}/change/" in page.url
