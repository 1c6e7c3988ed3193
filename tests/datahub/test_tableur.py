import csv

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from datahub.importers import tableur
from datahub.importers.files import read_header, read_rows
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
    # Without an id column, the id is made from the address and postal code: a re-import matches.
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


def test_guessing_prefers_exact_names_and_the_forms_labels():
    columns = [
        "Structure porteuse", "nom", "Adresse mail", "adresse", "code_postal", "Présentation détaillée",
        "Lien de prise de rendez-vous", "Complément d’adresse", "Lundi", "Horaires du mardi",
    ]  # fmt: skip
    assert tableur.guess_mapping(columns) == {
        "Structure porteuse": "",  # « structure » would guess the name, but a column is named « nom »
        "nom": "nom",
        "Adresse mail": "courriels",
        "adresse": "adresse",
        "code_postal": "code_postal",
        "Présentation détaillée": "presentation_detail",
        "Lien de prise de rendez-vous": "prise_rdv",
        "Complément d’adresse": "complement_adresse",
        "Lundi": "horaires_lundi",
        "Horaires du mardi": "horaires_mardi",
    }
    assert tableur.guess_mapping(["Nom du lieu (obligatoire)", "Nom du lieu"])["Nom du lieu (obligatoire)"] == "nom"


def test_a_renamed_row_without_id_updates_its_place(imported, tmp_path):
    mapping = tableur.guess_mapping(HEADER)
    imported(TABLEUR_CSV, "tableur", mapping=mapping)
    renamed = tmp_path / "tableur-essonne.csv"
    renamed.write_text(
        TABLEUR_CSV.read_text(encoding="utf-8").replace("ADOMA RS Résidence De Launay", "Résidence Adoma de Launay"),
        encoding="utf-8",
    )
    run = imported(renamed, "tableur", mapping=mapping)
    assert (run.created, run.updated, run.unchanged) == (0, 1, 9)
    assert Place.objects.count() == 10
    assert Place.objects.filter(code_insee="91161", nom="Résidence Adoma de Launay").count() == 1


def test_two_rows_at_one_address_without_id_stay_two_places(imported, tmp_path):
    lines = TABLEUR_CSV.read_text(encoding="utf-8").splitlines()
    second = lines[1].replace("ADOMA RS Résidence De Launay", "Épicerie solidaire de Launay")
    path = tmp_path / "deux.csv"
    path.write_text("\n".join([lines[0], lines[1], second]) + "\n", encoding="utf-8")
    run = imported(path, "tableur", mapping=tableur.guess_mapping(HEADER))
    assert (run.rows, run.created, run.merged) == (2, 2, 0)
    assert Place.objects.filter(code_insee="91161").count() == 2
    assert imported(path, "tableur", mapping=tableur.guess_mapping(HEADER)).unchanged == 2


def test_empty_leading_rows_are_skipped_in_csv_and_xlsx(imported, tmp_path):
    text = TABLEUR_CSV.read_text(encoding="utf-8")
    csv_path = tmp_path / "avec-lignes-vides.csv"
    csv_path.write_text("\n;;;;\n" + text, encoding="utf-8")
    run = imported(csv_path, "tableur", mapping=tableur.guess_mapping(HEADER))
    assert (run.rows, run.created, run.rejected) == (10, 10, 0)
    workbook = Workbook()
    sheet = workbook.active
    for index, row in enumerate(csv.reader(text.splitlines(), delimiter=";"), start=3):
        for column, value in enumerate(row, start=2):  # from B3: two empty rows, an empty column
            sheet.cell(row=index, column=column, value=value)
    xlsx_path = tmp_path / "avec-lignes-vides.xlsx"
    workbook.save(xlsx_path)
    assert read_header(xlsx_path) == HEADER
    lines = [line for line, _ in read_rows(xlsx_path)]
    assert lines[0] == 4  # the line a coordinator sees in the spreadsheet
    assert next(line for line, _ in read_rows(csv_path)) == 4


def test_hours_one_column_per_day(imported, tmp_path):
    path = tmp_path / "horaires.csv"
    path.write_text(
        "Nom;Adresse;CP;Ville;Lundi;Mardi;Mercredi;Jeudi;Vendredi;Samedi\n"
        "ADOMA RS Résidence De Launay;33 Rue De Launay;91380;CHILLY MAZARIN;9h-12h / 14h-17h;9h-12h / 14h-17h;"
        "fermé;9h-12h / 14h-17h;9h-12h;\n"
        "Evryware;38 CRS BLAISE PASCAL;91000;Évry-Courcouronnes;le matin;;;;;\n",
        encoding="utf-8",
    )
    run = imported(path, "tableur", mapping=tableur.guess_mapping(read_header(path)))
    assert run.created == 2
    adoma = Place.objects.get(nom="ADOMA RS Résidence De Launay")
    assert adoma.horaires == "Mo,Tu,Th 09:00-12:00,14:00-17:00; Fr 09:00-12:00"
    evryware = Place.objects.get(nom="Evryware")
    assert evryware.horaires == "" and evryware.horaires_precisions == "lundi : le matin"
    assert run.issues.filter(reason__startswith="Horaires du lundi illisibles : « le matin »").exists()
