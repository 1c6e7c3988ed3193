"""Imported places join the structure whose SIRET their source gives, never on an ambiguous SIRET."""

import pytest

from accounts.models import Structure
from core.audit import entries_for
from datahub.models import SourceRecord
from directory.models import Place
from tests.datahub.conftest import IDF

pytestmark = pytest.mark.django_db

SIRET = "21920025000013"  # a town hall in the IDF extract


def place_with(siret):
    return SourceRecord.objects.get(feed=IDF.stem, kind="lieu", data__pivot=siret).place


def test_an_imported_place_joins_the_structure_with_its_siret(imported):
    structure = Structure.objects.create(name="Mairie", kind=Structure.Kind.COMMUNE, siret=SIRET)
    run = imported(IDF)
    place = place_with(SIRET)
    assert place.structure == structure
    assert Place.objects.filter(structure=structure).count() == 1
    entry = entries_for(place).get(verb="rattaché à sa structure")
    assert entry.actor == f"import n° {run.pk}"


def test_a_structure_created_after_the_first_import_gets_its_places_at_the_next(imported):
    imported(IDF)
    assert place_with(SIRET).structure is None
    structure = Structure.objects.create(name="Mairie", siret=SIRET)
    imported(IDF)  # unchanged file: the records are unchanged, the place still joins
    assert place_with(SIRET).structure == structure


def test_a_siret_claimed_by_two_structures_attaches_nothing(imported):
    Structure.objects.create(name="Mairie", siret=SIRET)
    Structure.objects.create(name="Mairie (doublon)", siret=SIRET)
    imported(IDF)
    assert place_with(SIRET).structure is None


def test_a_place_attached_by_a_person_stays_with_its_structure(imported):
    imported(IDF)
    chosen = Structure.objects.create(name="Choisie par la coordination")
    place = place_with(SIRET)
    place.structure = chosen
    place.save()
    Structure.objects.create(name="Mairie", siret=SIRET)
    imported(IDF)
    place.refresh_from_db()
    assert place.structure == chosen


def test_a_dry_run_attaches_nothing(imported):
    imported(IDF)
    Structure.objects.create(name="Mairie", siret=SIRET)
    imported(IDF, dry_run=True)
    assert place_with(SIRET).structure is None
