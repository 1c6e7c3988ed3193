import json

import pytest

from datahub.models import RowIssue, SourceRecord
from directory.models import Place, Service
from tests.datahub.conftest import (
    DI_LIEUX,
    DI_SERVICES_PAGE,
    DI_SERVICES_V0,
    DI_STRUCTURES_CSV,
    DI_STRUCTURES_JSON,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", [DI_STRUCTURES_JSON, DI_STRUCTURES_CSV])
def test_v1_structures_json_and_csv(imported, path):
    run = imported(path, "di-structures")
    assert (run.rows, run.created, run.rejected) == (12, 12, 0)
    apije = Place.objects.get(source_records__source_id="dora--010c714a-71ce-44aa-a8bf-45d63ae4d1e8")
    assert (apije.nom, apije.nom_source) == ("Apije - Lunel", "APIJE - LUNEL")
    assert apije.pivot == "34422913300196"
    assert apije.telephone == "+33467714850"
    assert apije.courriels == ["lunel@apije.org"]
    assert apije.code_insee == "34145"
    assert apije.source == "dora"


def test_v1_services_api_page_attach_to_their_structures(imported):
    imported(DI_STRUCTURES_JSON, "di-structures")
    run = imported(DI_SERVICES_PAGE, "di-services")
    assert (run.rows, run.created, run.rejected) == (20, 20, 0)
    first = json.loads(DI_SERVICES_PAGE.read_text())["items"][0]
    service = Service.objects.get(source_records__source_id=first["id"])
    assert service.type == "information"
    assert service.thematiques == sorted(first["thematiques"])
    assert service.publics == ["tous-publics"]
    record = service.source_records.get()
    assert record.parent.source_id == first["structure_id"]
    assert service.place_id == record.parent.place_id
    assert service.place.score_completude > 0


def test_invalid_rows_rejected_with_french_reason_optional_values_dropped(imported, tmp_path):
    imported(DI_STRUCTURES_JSON, "di-structures")
    page = json.loads(DI_SERVICES_PAGE.read_text())
    page["items"][0]["nom"] = "Ai"
    page["items"][1]["courriel"] = "accueil(at)apije.org"
    page["items"][2]["date_maj"] = "2099-01-01"
    page["items"][3]["publics"] = ["seniors", "chats"]
    path = tmp_path / "page.json"
    path.write_text(json.dumps(page, ensure_ascii=False))
    run = imported(path, "di-services")
    assert run.rejected == 1
    rejected = run.issues.get(level=RowIssue.Level.REJECTED)
    assert rejected.line == 1
    assert rejected.reason == (
        "Ligne non conforme au schéma data·inclusion : « nom » : trop court (au moins 3 caractères)"
    )
    warnings = list(run.issues.filter(level=RowIssue.Level.WARNING).values_list("line", "reason"))
    assert (2, "Courriel invalide ignoré : « accueil(at)apije.org »") in warnings
    assert (3, "Date de mise à jour dans le futur (2099-01-01) : fraîcheur inconnue") in warnings
    assert (4, "Valeur hors vocabulaire ignorée : « chats »") in warnings
    third = Service.objects.get(source_records__source_id=page["items"][2]["id"])
    assert third.date_maj is None


def test_real_v0_services_file_maps_vocabularies_and_needs_its_structures(imported):
    imported(DI_LIEUX)  # the DORA structures, in the lieux file published by data·inclusion
    run = imported(DI_SERVICES_V0, "di-services")
    reasons = list(run.issues.filter(level=RowIssue.Level.REJECTED).values_list("reason", flat=True))
    unknown = [r for r in reasons if r.startswith("Structure « ")]
    assert len(unknown) == 3
    assert unknown[0].endswith("inconnue pour la source « dora » : importez d’abord le fichier de ses structures")
    assert "Ligne non conforme au schéma data·inclusion : « description » : obligatoire et absent" in reasons
    assert run.created == run.rows - run.rejected
    numerique = Service.objects.filter(
        source_records__source="dora", thematiques__has="numerique--acquerir-un-equipement"
    )
    assert numerique.exists()
    assert not Service.objects.filter(thematiques__has="mobilite").exists()  # bare v0 category never kept
    types = set(Service.objects.filter(source="dora").values_list("type", flat=True))
    assert types <= {"accompagnement", "aide-financiere", "aide-materielle", "atelier", "formation", "information"}
    # Services attached to the structure's place, next to its lieux services.
    record = SourceRecord.objects.filter(kind="service", source="dora").first()
    assert record.parent.kind == "lieu" and record.service.place_id == record.parent.place_id


def test_v0_services_reimport_unchanged(imported):
    imported(DI_LIEUX)
    first = imported(DI_SERVICES_V0, "di-services")
    second = imported(DI_SERVICES_V0, "di-services")
    assert (second.created, second.updated) == (0, 0)
    assert second.unchanged == first.created


def _services_page(tmp_path, **first):
    page = json.loads(DI_SERVICES_PAGE.read_text(encoding="utf-8"))
    page["items"][0].update(first)
    path = tmp_path / "services.json"
    path.write_text(json.dumps(page), encoding="utf-8")
    return path, page["items"][0]["id"]


def test_valid_mobilisable_par_values_are_kept_one_by_one(imported, tmp_path):
    imported(DI_STRUCTURES_JSON, "di-structures")
    path, service_id = _services_page(tmp_path, mobilisable_par=["usagers", "aidants"])
    run = imported(path, "di-services")
    assert Service.objects.get(source_records__source_id=service_id).mobilisable_par == ["usagers"]
    assert run.issues.filter(reason__contains="« aidants » hors du vocabulaire").exists()


def test_a_service_own_address_is_kept_and_shown_on_its_place_page(imported, tmp_path, client):
    """The Ligue de l'Enseignement BFC (Dijon) gives this service in Chamalières (ADIS's real address)."""
    imported(DI_STRUCTURES_JSON, "di-structures")
    path, service_id = _services_page(
        tmp_path, adresse="19 BD BERTHELOT", code_postal="63400", commune="CHAMALIERES", code_insee="63075"
    )
    imported(path, "di-services")
    service = Service.objects.get(source_records__source_id=service_id)
    assert (service.adresse, service.code_postal, service.commune) == ("19 Bd Berthelot", "63400", "Chamalières")
    page = client.get(service.place.get_absolute_url()).content.decode()
    assert "19 Bd Berthelot, 63400 Chamalières" in page
