"""Merging the same place told by several sources, and never merging two distinct ones."""

import pytest

from datahub.merging.actions import MergeError, confirm_candidate, refuse_candidate, undo_merge
from datahub.merging.decide import Level, decide
from datahub.merging.similarity import PlaceSummary, name_similarity
from datahub.models import Merge, MergeCandidate, SourceRecord
from directory.models import Place
from tests.datahub.conftest import IDF, NATIONAL

pytestmark = pytest.mark.django_db


def _summary(pk, nom, adresse="", pivot="", lat=None, lon=None, insee="35238", approximate=False):
    return PlaceSummary(pk, nom, pivot, adresse, insee, lat, lon, approximate)


def test_name_similarity_on_real_names():
    assert name_similarity("CESARIA EVORA", "cesaria evora") == 1
    assert name_similarity("Avenir 84", "Avenir84") >= 0.6
    assert name_similarity("LE PETIT LIEN", "Espace services jeunesse - Le Petit Lien") >= 0.5
    assert name_similarity("Maison de quartier 1", "Maison de quartier 2") == 0
    assert name_similarity("CENTRE COMMUNAL D'ACTION SOCIALE", "COMMUNE DE JOINVILLE LE PONT") < 0.5


def test_shared_siret_libraries_never_merge():
    """The six Rennes libraries share the SIRET of the Ville de Rennes (real national rows)."""
    siret = "21350238800019"
    thabor = _summary(1, "Bibliothèque Thabor-Lucien Rose", "11 square Lucien Rose", siret, 48.113427, -1.666336)
    triangle = _summary(2, "Bibliothèque Le Triangle", "3 Bd de Yougoslavie", siret, 48.088565, -1.659374)
    bourg = _summary(3, "Bibliothèque Bourg-L'Evesque", "2 Boulevard de Verdun", siret, 48.11306, -1.693128)
    for a, b in [(thabor, triangle), (thabor, bourg), (triangle, bourg)]:
        assert decide(a, b).level == Level.NONE


def test_same_siret_same_spot_different_names_goes_to_review_not_merge():
    a = _summary(1, "CCAS de Challes-les-eaux", "", "26730125700015", 45.5519, 5.9782, "73064")
    b = _summary(2, "Centre Communal d'Action Sociale", "", "26730125700015", 45.5520, 5.9784, "73064")
    assert decide(a, b).level == Level.REVIEW


def test_approximate_positions_are_not_a_same_spot():
    a = _summary(1, "Médiathèque", "", lat=48.79, lon=2.24, approximate=True)
    b = _summary(2, "Médiathèque", "", lat=48.79, lon=2.24, approximate=True)
    assert decide(a, b).level == Level.NONE


def test_national_then_idf_merges_shared_places(imported):
    imported(NATIONAL)
    libraries = Place.objects.filter(pivot="21350238800019")
    assert libraries.count() == 6  # the shared-SIRET trap, on real rows: six places
    run = imported(IDF)
    # 20 rows are the same records (same source and id): updated or unchanged, never duplicated.
    assert run.updated + run.unchanged == 20
    evora = Place.objects.get(nom__iexact="cesaria evora")
    assert evora.source_records.filter(kind="lieu").count() == 2
    merge = Merge.objects.get(place=evora)
    assert merge.automatic and merge.reasons == "noms semblables à 100 %, à 0 m l’un de l’autre"
    assert run.merged == 1
    # Close names at the same address: a coordinator decides.
    pending = MergeCandidate.objects.filter(status=MergeCandidate.Status.PENDING)
    assert set(pending.values_list("place__nom", "other_name")) == {
        ("Espace services jeunesse - Le Petit Lien", "Le Petit Lien"),
        ("Espace des Solidarités de Gentilly", "Espace Départemental des Solidarités De Gentilly"),
    }
    # Joinville: the CCAS housed in the town hall (another SIRET, another name) stays a place of its own.
    assert Place.objects.filter(code_insee="94042").count() == 2
    assert Place.objects.filter(pivot="21350238800019").count() == 6


def test_undo_merge_gives_the_absorbed_record_its_place_back(imported):
    imported(NATIONAL)
    imported(IDF)
    evora = Place.objects.get(nom__iexact="cesaria evora")
    services_before = evora.services.count()
    merge = Merge.objects.get(place=evora)
    restored = undo_merge(merge)
    assert restored.pk != evora.pk
    assert restored.source_records.filter(kind="lieu").count() == 1
    assert evora.source_records.filter(kind="lieu").count() == 1
    assert restored.services.count() >= 1
    assert evora.services.count() >= 1
    assert evora.services.count() + restored.services.count() >= services_before
    merge.refresh_from_db()
    assert merge.undone_at is not None and merge.restored_place == restored
    # Refused from now on: a re-import does not merge them again.
    assert MergeCandidate.objects.get(place=evora, other=restored).status == MergeCandidate.Status.REFUSED
    with pytest.raises(MergeError):
        undo_merge(merge)
    imported(IDF)
    assert Place.objects.filter(nom__iexact="cesaria evora").count() == 2


def test_confirm_and_refuse_candidates(imported):
    imported(NATIONAL)
    imported(IDF)
    gentilly = MergeCandidate.objects.get(place__nom="Espace des Solidarités de Gentilly")
    other_pk = gentilly.other_id
    merge = confirm_candidate(gentilly)
    assert not Place.objects.filter(pk=other_pk).exists()
    assert SourceRecord.objects.filter(pk__in=merge.record_ids, place=gentilly.place).count() == 1
    gentilly.refresh_from_db()
    assert gentilly.status == MergeCandidate.Status.CONFIRMED and gentilly.other is None
    # The same service from both sources is now one service with two source records.
    service = gentilly.place.services.get(nom="Maîtrise des outils numériques du quotidien")
    assert service.source_records.count() == 2
    petit_lien = MergeCandidate.objects.get(other_name="Le Petit Lien")
    refuse_candidate(petit_lien)
    assert Place.objects.filter(pk=petit_lien.other_id).exists()
    with pytest.raises(MergeError):
        confirm_candidate(gentilly)


def test_provenance_of_each_value_of_a_merged_place(imported):
    from datahub.provenance import field_origins, place_sources

    national = imported(NATIONAL)
    idf = imported(IDF)
    evora = Place.objects.get(nom__iexact="cesaria evora")
    records = [r for r in place_sources(evora) if r.kind == "lieu"]
    assert {r.first_run for r in records} == {national, idf}
    freshest = max(records, key=lambda r: r.date_maj)
    origins = field_origins(evora)
    assert origins["nom"].record == freshest
    assert origins["nom"].run == freshest.first_run
    assert evora.nom == freshest.data["nom"]
    assert set(origins) >= {"nom", "adresse", "code_insee", "latitude", "longitude", "source"}


# --- Merges that keep the data right (issue 7, item 3) and links that last (issue 6, item 10) --------

_COLUMNS = ["id", "nom", "commune", "code_postal", "code_insee", "adresse", "latitude", "longitude", "source",
            "date_maj", "services", "frais_a_charge", "modalites_acces"]  # fmt: skip
_MASSY = {"commune": "Massy", "code_postal": "91300", "code_insee": "91377", "adresse": "1 avenue du Général de Gaulle"}


def _lieux_file(tmp_path, name: str, rows: list[dict]):
    import csv

    path = tmp_path / f"{name}.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=_COLUMNS)
        writer.writeheader()
        for row in rows:
            base = {"services": "Aide aux démarches administratives", "frais_a_charge": "Gratuit",
                    "modalites_acces": "Se présenter", **_MASSY}  # fmt: skip
            writer.writerow({**base, **row})
    return path


def _row(source, source_id, nom, date_maj, lat="", lon="", **extra) -> dict:
    return {"id": source_id, "source": source, "nom": nom, "date_maj": date_maj, "latitude": lat, "longitude": lon,
            **extra}  # fmt: skip


def test_a_fresher_row_without_coordinates_does_not_move_a_precise_place(imported, tmp_path):
    imported(_lieux_file(tmp_path, "a", [_row("a", "1", "Médiathèque Hélène Oudoux", "2024-01-10", 48.7301, 2.2702)]))
    run = imported(_lieux_file(tmp_path, "b", [_row("b", "9", "Médiathèque Hélène Oudoux", "2025-06-01")]))
    assert run.merged == 1
    place = Place.objects.get()
    assert (place.latitude, place.longitude, place.position_approximative) == (48.7301, 2.2702, False)


def test_a_fresher_precise_position_is_not_flagged_approximate(imported, tmp_path):
    imported(_lieux_file(tmp_path, "a", [_row("a", "1", "Médiathèque Hélène Oudoux", "2024-01-10")]))
    assert Place.objects.get().position_approximative  # the commune centre stands in
    imported(_lieux_file(tmp_path, "b", [_row("b", "9", "Médiathèque Hélène Oudoux", "2025-06-01", 48.7301, 2.2702)]))
    place = Place.objects.get()
    assert (place.latitude, place.longitude, place.position_approximative) == (48.7301, 2.2702, False)


def test_a_row_without_coordinates_from_the_same_source_keeps_the_known_position(imported, tmp_path):
    imported(_lieux_file(tmp_path, "a", [_row("a", "1", "Médiathèque", "2024-01-10", 48.7301, 2.2702)]))
    imported(_lieux_file(tmp_path, "a", [_row("a", "1", "Médiathèque", "2025-01-10")]))
    place = Place.objects.get()
    assert (place.latitude, place.position_approximative, place.date_maj.year) == (48.7301, False, 2025)


def test_ccas_and_town_hall_at_one_address_go_to_review(imported, tmp_path):
    pegomas = {"commune": "Pégomas", "code_postal": "06580", "code_insee": "06090", "adresse": "Place du Logis"}
    imported(_lieux_file(tmp_path, "a", [_row("a", "1", "CCAS Pégomas", "2024-01-10", **pegomas)]))
    run = imported(_lieux_file(tmp_path, "b", [_row("b", "1", "Mairie de Pegomas", "2024-02-10", **pegomas)]))
    assert run.merged == 0
    assert sorted(Place.objects.values_list("nom", flat=True)) == ["CCAS Pégomas", "Mairie de Pegomas"]
    candidate = MergeCandidate.objects.get()
    assert candidate.status == MergeCandidate.Status.PENDING and "natures différentes" in candidate.reasons
    france_services = _summary(1, "France Services de Pégomas", "Place du Logis", insee="06090")
    mairie = _summary(2, "Mairie de Pégomas", "Place du Logis", insee="06090")
    assert decide(france_services, mairie).level == Level.REVIEW
    assert decide(_summary(1, "Mairie de Pégomas"), _summary(2, "MAIRIE DE PEGOMAS")).level == Level.NONE


def _review_pair(imported, tmp_path):
    imported(_lieux_file(tmp_path, "a", [_row("a", "1", "Médiathèque Jean Cocteau", "2024-01-10", 48.7301, 2.2702)]))
    b = _lieux_file(tmp_path, "b", [_row("b", "1", "Cyberbase Jean Cocteau", "2024-02-10", 48.7302, 2.2703)])
    imported(b)
    return MergeCandidate.objects.get(status=MergeCandidate.Status.PENDING), b


def test_a_refusal_survives_the_deletion_of_a_place(imported, tmp_path):
    candidate, b = _review_pair(imported, tmp_path)
    refuse_candidate(candidate)
    candidate.other.delete()  # a coordinator deletes the place; the next import brings it back
    imported(b)
    assert Place.objects.count() == 2
    assert not MergeCandidate.objects.filter(status=MergeCandidate.Status.PENDING).exists()


def test_a_confirmed_merge_survives_the_deletion_of_the_place(imported, tmp_path):
    candidate, b = _review_pair(imported, tmp_path)
    confirm_candidate(candidate)
    Place.objects.get().delete()
    imported(_lieux_file(tmp_path, "a", [_row("a", "1", "Médiathèque Jean Cocteau", "2024-01-10", 48.7301, 2.2702)]))
    run = imported(b)
    assert run.merged == 1 and Place.objects.count() == 1
    assert not MergeCandidate.objects.filter(status=MergeCandidate.Status.PENDING).exists()


def test_an_absorbed_place_redirects_and_gets_its_address_back_on_undo(imported, tmp_path, client):
    candidate, _ = _review_pair(imported, tmp_path)
    kept, absorbed = candidate.place, candidate.other
    old_url, old_pk = absorbed.get_absolute_url(), absorbed.pk
    merge = confirm_candidate(candidate)
    response = client.get(old_url)
    assert response.status_code == 301 and response["Location"] == kept.get_absolute_url()
    assert client.get(f"/lieux/{old_pk}/").status_code == 301
    assert client.get(f"/lieux/{old_pk}/fiche/")["Location"] == f"/lieux/{kept.pk}/fiche/"
    restored = undo_merge(merge)
    assert restored.pk == old_pk
    assert client.get(old_url).status_code == 200
    assert client.get(kept.get_absolute_url()).status_code == 200


def test_links_follow_a_chain_of_merges(imported, tmp_path, client):
    candidate, _ = _review_pair(imported, tmp_path)
    first_url, kept_pk = candidate.other.get_absolute_url(), candidate.place_id
    confirm_candidate(candidate)
    third = _lieux_file(tmp_path, "c", [_row("c", "1", "Espace numérique Jean Cocteau", "2024-03-10", 48.7303, 2.2704)])
    imported(third)
    newest = Place.objects.get(nom="Espace numérique Jean Cocteau")
    from datahub.merging.actions import merge_places

    merge = merge_places(newest, candidate.place)
    response = client.get(first_url)
    assert response.status_code == 301 and response["Location"] == newest.get_absolute_url()
    restored = undo_merge(merge)
    assert restored.pk == kept_pk
    assert client.get(first_url)["Location"] == restored.get_absolute_url()


def test_the_api_answers_an_absorbed_place_with_a_redirect(imported, tmp_path, client):
    candidate, _ = _review_pair(imported, tmp_path)
    kept_pk, old_pk = candidate.place_id, candidate.other_id
    confirm_candidate(candidate)
    response = client.get(f"/api/v1/lieux/{old_pk}")
    assert response.status_code == 301 and response["Location"] == f"/api/v1/lieux/{kept_pk}"
    assert client.get(f"/api/v1/lieux/{old_pk + 1000}").status_code == 404
