"""The coordinators' back-office: zero axe-core violations at 1280 and 320 px, and the duplicate review page."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from accounts.models import Membership, Structure
from datahub.models import FieldChange, ImportRun, Merge, MergeCandidate, SourceRecord
from datahub.runs import run_import
from directory.models import Place
from tests.browser.conftest import axe_violations
from tests.datahub.conftest import IDF, NATIONAL
from tests.factories import ErrorReportFactory, PlaceFactory, ServiceFactory

pytestmark = pytest.mark.django_db(transaction=True)


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
    kept, absorbed = PlaceFactory(nom="Espace Pégomas"), PlaceFactory(nom="Espace Pegomas")
    from datahub.merging.actions import merge_places

    merge_places(kept, absorbed, reasons="noms semblables à 100 %")
    record = SourceRecord.objects.filter(kind="lieu").select_related("place").first()
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
    }


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
