"""Issue 7, item 11: no value aborts a run, on SQLite as on PostgreSQL (which checks column lengths)."""

import csv

import pytest
from django.core.management import CommandError, call_command

from datahub.models import RowIssue
from directory.models import Place
from tests.datahub.conftest import LIEUX_V1_CSV

pytestmark = pytest.mark.django_db


def _with(tmp_path, **values):
    """The real lieux extract with `values` written into its second row (Régie de quartier du Blanc-Mesnil)."""
    with open(LIEUX_V1_CSV, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
    rows[1].update(values)
    path = tmp_path / "lieux.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=reader.fieldnames)
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_over_long_values_are_cut_or_dropped_with_a_warning_not_a_crash(imported, tmp_path):
    # A real address with the whole presentation pasted into it, as spreadsheets often have.
    address = "11 ALL PIERRE DE MONTEREAU " + "Régie de quartier : accompagnement au numérique, ateliers. " * 6
    link = "https://regiedequartierblancmesnil.com/rendez-vous?" + "creneau=lundi-matin&" * 30
    run = imported(_with(tmp_path, adresse=address, commune="LE BLANC-MESNIL " * 12, prise_rdv=link))
    assert (run.rows, run.rejected) == (8, 0)
    regie = Place.objects.get(source_records__source_id="62711760da550c06ed3690fb")
    assert len(regie.adresse) == 250 and regie.adresse.endswith("…")
    assert regie.commune == "Le Blanc-Mesnil"  # resolved in the referential, not the long text
    assert regie.prise_rdv == ""  # a cut web address would lead nowhere
    reasons = run.issues.filter(level=RowIssue.Level.WARNING).values_list("reason", flat=True)
    assert any("« adresse » trop long" in r and "coupé à 250" in r for r in reasons)
    assert any("« prise de rendez-vous en ligne » trop long" in r and "ignoré" in r for r in reasons)


def test_an_over_long_identifier_rejects_its_row_only(imported, tmp_path):
    run = imported(_with(tmp_path, id="x" * 250))
    assert (run.rows, run.rejected, run.created) == (8, 1, 7)
    assert run.issues.get(level=RowIssue.Level.REJECTED).reason.startswith("Identifiant trop long (250 caractères")


def test_a_broken_csv_is_a_french_message(tmp_path):
    broken = tmp_path / "lieux.csv"
    broken.write_bytes(LIEUX_V1_CSV.read_bytes() + b'"id-9","x' + b"y" * 200_000 + b"\n")
    with pytest.raises(CommandError, match="CSV illisible à la ligne"):
        call_command("import_data", str(broken), "--format", "lieux", "--quiet")


def test_the_command_explains_a_folder_given_for_a_file(tmp_path):
    with pytest.raises(CommandError, match="est un dossier"):
        call_command("import_data", str(tmp_path), "--format", "tableur", "--quiet")
