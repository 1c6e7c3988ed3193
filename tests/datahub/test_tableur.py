import csv

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from datahub.importers import tableur
from datahub.models import ImportRun
from directory.models import Place
from tests.datahub.conftest import TABLEUR_CSV

pytestmark = pytest.mark.django_db

HEADER = TABLEUR_CSV.read_text(encoding="utf-8").splitlines()[0].split(";")


def test_guess_mapping_from_french_headers():
    assert tableur.guess_mapping(HEADER) == {
        "Nom de la structure": "nom",
        "Adresse": "adresse",
        "CP": "code_postal",
        "Ville": "commune",
        "Tél.": "telephone",
        "E-mail": "courriels",
        "Site internet": "site_web",
        "Accompagnements proposés": "services",
        "Public": "publics_specifiquement_adresses",
        "Gratuit ?": "frais_a_charge",
        "Date de mise à jour": "date_maj",
        "Commentaire": "",
    }


def test_mapping_errors_are_explained():
    with pytest.raises(tableur.MappingError, match="Aucune colonne n’est associée au nom"):
        tableur.parse_mapping("CP=code_postal")
    with pytest.raises(tableur.MappingError, match="Champ\\(s\\) Ancrage inconnu\\(s\\) : horaire"):
        tableur.parse_mapping("Nom de la structure=nom,Horaires=horaire")


def test_csv_spreadsheet_with_guessed_mapping(imported):
    run = imported(TABLEUR_CSV, "tableur", mapping=tableur.guess_mapping(HEADER))
    assert (run.rows, run.created, run.rejected) == (10, 10, 0)
    adoma = Place.objects.get(nom="ADOMA RS Résidence De Launay")
    assert adoma.telephone == "+33169096292"
    assert adoma.code_insee == "91161"  # "CHILLY MAZARIN" + 91380
    assert adoma.date_maj.isoformat() == "2022-07-26"  # written 26/07/2022
    assert "Seniors" in adoma.publics_specifiquement_adresses
    assert adoma.frais_a_charge == ["Gratuit"]
    assert adoma.services.count() == 3
    # Without an id column, the id is made from the name and postal code: a re-import matches.
    again = imported(TABLEUR_CSV, "tableur", mapping=tableur.guess_mapping(HEADER))
    assert (again.created, again.unchanged) == (0, 10)


def test_xlsx_spreadsheet_through_the_command(tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    with open(TABLEUR_CSV, encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle, delimiter=";"):
            sheet.append(row)
    path = tmp_path / "lieux-essonne.xlsx"
    workbook.save(path)
    call_command(
        "import_data", str(path), source_format="tableur", quiet=True,
        mapping="Nom de la structure=nom,Adresse=adresse,CP=code_postal,Ville=commune,Tél.=telephone",
    )  # fmt: skip
    run = ImportRun.objects.get()
    assert (run.rows, run.created, run.rejected) == (10, 10, 0)
    assert run.feed == "lieux-essonne"
    assert Place.objects.filter(telephone="+33169096292").exists()
    with pytest.raises(CommandError, match="colonne=champ"):
        call_command("import_data", str(path), source_format="tableur", mapping="nimportequoi")
