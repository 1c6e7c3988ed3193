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
