"""The « lieux de médiation numérique » export: valid against the standard, complete, faithful."""

import csv
import io
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from directory.models import Place
from opendata.exports.lieux import mediation_from_thematiques, row
from opendata.validation import lieux_errors, validate_lieux_csv
from standards import dataincl as di
from standards import lieux
from tests.factories import PlaceFactory, ServiceFactory

pytestmark = pytest.mark.django_db

CSV_URL = reverse("opendata:download", args=["lieux-de-mediation-numerique.csv"])
JSON_URL = reverse("opendata:download", args=["lieux-de-mediation-numerique.json"])


def _body(response) -> str:
    return b"".join(response.streaming_content).decode("utf-8")


def _csv_records(client) -> list[dict]:
    return list(csv.DictReader(io.StringIO(_body(client.get(CSV_URL)), newline="")))


def test_csv_has_the_32_columns_in_order_and_is_valid(client, full_place):
    PlaceFactory(nom="Point numérique, CCAS", telephone="01 69 53 00 00", pivot="", date_maj=None)
    response = client.get(CSV_URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    content = _body(response)
    assert content.splitlines()[0] == ",".join(lieux.COLUMNS)
    assert validate_lieux_csv(content) == {}
    assert len(list(csv.DictReader(io.StringIO(content, newline="")))) == 2


def test_csv_values_of_a_full_place(client, full_place):
    (record,) = _csv_records(client)
    assert record["id"] == str(full_place.pk)
    assert record["pivot"] == "21910377200018"
    assert record["nom"] == "Médiathèque Jules Verne, espace numérique"
    assert record["typologie"] == "BIB|MUNI"
    assert record["courriels"] == "contact@mediatheque.example.fr|numerique@mediatheque.example.fr"
    assert record["services"] == "Aide aux démarches administratives|Maîtrise des outils numériques du quotidien"
    assert record["publics_specifiquement_adresses"] == "Seniors|Familles et/ou enfants"
    assert record["formations_labels"] == "Étapes numériques (La Poste)"
    assert record["presentation_detail"] == full_place.presentation_detail
    assert record["date_maj"] == "2024-05-02"
    assert record["source"] == "ville-de-massy"
    assert float(record["latitude"]) == pytest.approx(full_place.latitude)


def test_csv_quotes_values_with_commas_quotes_and_newlines(client, full_place):
    content = _body(client.get(CSV_URL))
    assert '"Médiathèque Jules Verne, espace numérique"' in content
    assert "« pour tous »" in content


def test_json_has_the_same_records_as_csv(client, full_place):
    PlaceFactory()
    records = json.loads(_body(client.get(JSON_URL)))
    assert [list(r) for r in records] == [lieux.COLUMNS] * 2
    for record in records:
        assert lieux_errors(record) == []
    by_csv = {r["id"]: r for r in _csv_records(client)}
    for record in records:
        expected = by_csv[record["id"]]
        for column in lieux.COLUMNS:
            value = "" if record[column] is None else str(record[column])
            assert value == expected[column], column


def test_values_are_made_valid_or_left_out():
    place = Place.objects.create(
        nom="Espace numérique",
        adresse="2 rue de la Gare",
        code_postal="91300",
        commune="Massy",
        code_insee="9137",
        telephone="01 69 00 00 00 poste 12",
        pivot="123",
        typologie=["EPN"],
        frais_a_charge=["Gratuit", "Sur adhésion"],
        modalites_acces=["Se présenter", "Venir"],
        latitude=48.73,
        longitude=2.27,
        position_approximative=True,
    )
    record = row(Place.objects.prefetch_related("services").get(pk=place.pk))
    assert lieux_errors(record) == []
    assert record["telephone"] == ""
    assert record["pivot"] == "00000000000000"
    assert record["code_insee"] == ""
    assert record["frais_a_charge"] == "Gratuit"
    assert record["modalites_acces"] == "Se présenter"
    assert record["latitude"] is None and record["longitude"] is None  # only the commune's centre
    assert record["date_maj"] == timezone.localdate().isoformat()  # no source date: last change here


@pytest.mark.parametrize(
    ("stored", "written"),
    [
        ("01 69 53 00 00", "+33169530000"),
        ("+330164435470", "+33164435470"),
        ("+590590123456", "+590590123456"),
        ("+3316", ""),
    ],
)
def test_phones_are_written_as_the_standard_wants(stored, written):
    place = PlaceFactory(telephone=stored)
    assert row(Place.objects.prefetch_related("services").get(pk=place.pk))["telephone"] == written


def test_places_without_full_address_or_unpublished_are_left_out(client):
    kept = PlaceFactory()
    PlaceFactory(adresse="")
    PlaceFactory(code_postal="")
    PlaceFactory(est_publie=False)
    assert [r["id"] for r in _csv_records(client)] == [str(kept.pk)]


def test_services_union_and_derivation_from_thematiques(client):
    place = PlaceFactory()
    ServiceFactory(place=place)
    ServiceFactory(place=place)  # same value twice: listed once
    ServiceFactory(place=place, mediation=[], thematiques=[di.CX, di.EQ])
    ServiceFactory(place=place, mediation=[], thematiques=["sante--acces-aux-soins"])
    (record,) = _csv_records(client)
    assert record["services"] == "Aide aux démarches administratives|Accès internet et matériel informatique"


@pytest.mark.parametrize(
    ("thematiques", "expected"),
    [
        ([di.CX], ["Accès internet et matériel informatique"]),
        ([di.EQ], ["Acquisition de matériel informatique à prix solidaire"]),
        ([di.CX, di.EQ], ["Accès internet et matériel informatique"]),
        ([di.DEMARCHES, di.SL], ["Aide aux démarches administratives"]),
        ([di.SL], ["Aide aux démarches administratives", "Maîtrise des outils numériques du quotidien"]),
        ([di.MF, di.SL], ["Maîtrise des outils numériques du quotidien"]),
        ([di.EMPLOI, di.MF], ["Insertion professionnelle via le numérique"]),
        ([di.PARENTALITE, di.MF], ["Parentalité et éducation avec le numérique"]),
        ([di.MF], ["Utilisation sécurisée du numérique", "Compréhension du monde numérique"]),
        ([di.EMPLOI], []),  # no numérique thématique: not digital mediation
        ([], []),
    ],
)
def test_mediation_from_thematiques(thematiques, expected):
    assert mediation_from_thematiques(thematiques) == expected


@pytest.mark.parametrize("value", sorted(lieux.SERVICES.values))
def test_each_lieux_service_comes_back_from_its_thematiques(value):
    from standards.mappings import SERVICE_THEMATIQUES

    assert value in mediation_from_thematiques(SERVICE_THEMATIQUES[value])


def test_validator_reports_each_broken_constraint():
    record = dict.fromkeys(lieux.COLUMNS, "")
    record.update(
        id="1",
        pivot="12",
        nom="Lieu",
        commune="Massy",
        code_postal="913",
        code_insee="20123",
        adresse="1 rue",
        telephone="0169000000",
        date_maj="2024-13-01",
        services="Aide aux démarches administratives|Inconnu",
        frais_a_charge="Gratuit | Payant",
        presentation_resume="x" * 281,
        latitude="nord",
    )
    errors = " ; ".join(lieux_errors(record))
    for column in ("pivot", "code_postal", "code_insee", "telephone", "date_maj", "services", "frais_a_charge"):
        assert column in errors
    assert "presentation_resume" in errors and "latitude" in errors
    assert "« Inconnu »" in errors and "« Aide aux" not in errors


def test_validator_accepts_both_spellings_of_etapes_numeriques():
    record = dict.fromkeys(lieux.COLUMNS, "")
    record.update(id="1", pivot="00000000000000", nom="L", commune="C", code_postal="91300", adresse="A")
    record.update(date_maj="2024-01-01", formations_labels="Étapes numériques(La Poste)")
    assert lieux_errors(record) == []


def test_validator_reports_header_and_duplicate_ids():
    header = ",".join(lieux.COLUMNS)
    line = "1,00000000000000,Lieu,Massy,91300,,1 rue" + "," * 14 + "2024-01-01" + "," * 11
    problems = validate_lieux_csv(f"{header}\r\n{line}\r\n{line}\r\n")
    assert list(problems) == [3] and "double" in problems[3][0]
    assert 1 in validate_lieux_csv("id;nom\r\n")
