"""Issue 7, item 10: the right file for the format, checked before anything is written."""

import csv
import io
import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from datahub.runs import run_import
from directory.models import Place
from tests.datahub.conftest import DI_STRUCTURES_JSON, LIEUX_V1_CSV

pytestmark = pytest.mark.django_db

PNG = Path(__file__).resolve().parents[2] / "web/static/vendor/leaflet/images/marker-icon.png"


def _refused(path, source_format="lieux"):
    run = run_import(path, source_format)
    assert run.status == run.Status.FAILED
    assert not Place.objects.exists()
    return run.error


def test_a_list_of_people_is_never_imported_as_places(tmp_path):
    people = tmp_path / "contacts-benevoles.csv"
    people.write_text(
        "id;nom;prenom;telephone;courriel;adresse;code_postal;commune\n"
        "1;Martin;Claire;06 12 34 56 78;claire.martin@example.org;3 rue des Lilas;91300;Massy\n",
        encoding="utf-8",
    )
    error = _refused(people)
    assert "liste de personnes" in error and "prenom" in error


def test_a_lieux_file_is_refused_as_data_inclusion_structures():
    error = _refused(LIEUX_V1_CSV, "di-structures")
    assert "Lieux de médiation numérique" in error and "services" in error


def test_structures_are_refused_as_services():
    error = _refused(DI_STRUCTURES_JSON, "di-services")
    assert "structure_id" in error and "services data·inclusion" in error


def test_a_binary_file_renamed_csv_is_refused_in_french(tmp_path):
    fake = tmp_path / "lieux.csv"
    shutil.copy(PNG, fake)
    error = _refused(fake)
    assert "n’est pas un fichier texte" in error and "CSV" in error


def test_the_description_row_under_the_header_is_skipped(imported, tmp_path):
    lines = LIEUX_V1_CSV.read_text(encoding="utf-8").splitlines(keepends=True)
    header = next(csv.reader([lines[0]]))
    descriptions = {name: f"Description de la colonne {name}, voir le schéma" for name in header}
    descriptions.update(
        code_postal="Code postal de la commune, sur 5 chiffres",
        latitude="Latitude en degrés décimaux (WGS84)",
        longitude="Longitude en degrés décimaux (WGS84)",
        date_maj="Date de la dernière mise à jour, au format AAAA-MM-JJ",
    )
    out = io.StringIO()
    csv.DictWriter(out, fieldnames=header, lineterminator="\n").writerow(descriptions)
    path = tmp_path / "lieux-avec-description.csv"
    path.write_text(lines[0] + out.getvalue() + "".join(lines[1:]), encoding="utf-8")
    run = imported(path)
    assert (run.rows, run.rejected, run.created) == (8, 0, 8)


def test_the_command_says_in_french_what_was_expected(tmp_path):
    with pytest.raises(CommandError, match="liste de personnes"):
        people = tmp_path / "personnes.csv"
        people.write_text("id,nom,prenom,adresse\n1,Martin,Claire,3 rue des Lilas\n", encoding="utf-8")
        call_command("import_data", str(people), "--format", "lieux", "--quiet")
