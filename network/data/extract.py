"""Rebuild this folder's extracts of the national data (run by hand, not by the application):

    python network/data/extract.py /path/to/datasets/territory

Only Île-de-France rows (the demo data's region), only counts and the structure's public identifiers (name,
SIRET, INSEE code): no person is named in these files. Sources: README.md beside this script.
"""

import csv
import sys
from pathlib import Path

REGION = ("75", "77", "78", "91", "92", "93", "94", "95")
HERE = Path(__file__).resolve().parent


def _int(value: str) -> int:
    return int(float(value)) if value.strip() else 0


def aidants_connect(source: Path) -> None:
    with open(source / "aidants-connect-structures-2024.csv", encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["City Insee Code"][:2] in REGION]
    with open(HERE / "aidants-connect-idf-2024.csv", "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["nom", "code_insee", "siret", "active", "france_services", "aidants", "demarches"])
        for r in sorted(rows, key=lambda r: (r["City Insee Code"], r["Name"])):
            siret = str(_int(r["Siret"])).zfill(14) if r["Siret"].strip() else ""
            siret = "" if set(siret) == {"0"} else siret  # a placeholder, not a structure
            writer.writerow([
                " ".join(r["Name"].split()), r["City Insee Code"], siret, r["Is Active"] == "true",
                r["France Services Label"] == "true", _int(r["Nombre d'aidants"]),
                _int(r["Question 109 → Nombre De Demarche Par Structure"]),
            ])  # fmt: skip


def conseillers_numeriques(source: Path) -> None:
    name = "conseillers-numeriques-activite-2023-par-code-postal.csv"
    ages = ["Somme de Moins12ans", "Somme de De12a18ans", "Somme de De18a35ans", "Somme de De35a60ans",
            "Somme de Plus60ans"]  # fmt: skip
    with open(source / name, encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["CodePostal"].strip().zfill(5)[:2] in REGION]
    with open(HERE / "conseillers-numeriques-idf-2023.csv", "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["code_postal", "accompagnements"])
        for r in sorted(rows, key=lambda r: r["CodePostal"].strip().zfill(5)):
            writer.writerow([r["CodePostal"].strip().zfill(5), sum(_int(r[a]) for a in ages)])


if __name__ == "__main__":
    folder = Path(sys.argv[1])
    aidants_connect(folder)
    conseillers_numeriques(folder)
