"""core.bulk.insert stores what bulk_create would have stored, and gives each row its id."""

from datetime import date

import pytest

from core import bulk
from datahub.models import ImportRun, SourceRecord
from directory.models import Place, Service

pytestmark = pytest.mark.django_db(transaction=True)


def test_rows_are_stored_with_defaults_and_ids_in_order():
    ids = bulk.insert(Place, [{"nom": "Médiathèque", "typologie": ["BIB"]}, {"nom": "CCAS", "latitude": 48.7}])
    first, second = (Place.objects.get(pk=pk) for pk in ids)
    assert (first.nom, first.typologie, first.est_publie, first.latitude) == ("Médiathèque", ["BIB"], True, None)
    assert (second.nom, second.typologie, second.latitude) == ("CCAS", [], 48.7)
    assert first.cree_le is not None and first.modifie_le is not None


def test_json_dates_and_foreign_keys():
    place = Place.objects.create(nom="Lieu")
    run = ImportRun.objects.create(source_format="di-services", feed="f")
    [service_id] = bulk.insert(Service, [{"place_id": place.pk, "nom": "Atelier", "date_maj": "2024-05-02"}])
    [pk] = bulk.insert(SourceRecord, [{
        "source": "s", "kind": "service", "source_id": "1", "feed": "f", "fingerprint": "x",
        "service_id": service_id, "first_run_id": run.pk, "data": {"nom": "Atelier", "publics": ["jeunes"]},
    }])  # fmt: skip
    record = SourceRecord.objects.get(pk=pk)
    assert record.data == {"nom": "Atelier", "publics": ["jeunes"]}
    assert record.service.date_maj == date(2024, 5, 2) and record.service.place == place


def test_an_id_is_never_given_twice_even_after_the_highest_row_was_deleted():
    highest = Place.objects.create(nom="Dernier").pk
    Place.objects.filter(pk=highest).delete()
    [pk] = bulk.insert(Place, [{"nom": "Nouveau"}])
    assert pk > highest
    assert Place.objects.create(nom="Après").pk > pk  # the sequence went on after the reserved ids


def test_an_unknown_field_is_refused():
    with pytest.raises(TypeError, match="unknown fields"):
        bulk.insert(Place, [{"nom": "Lieu", "place": 3}])
