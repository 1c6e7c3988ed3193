"""Checking records against the « lieux de médiation numérique » standard v1.0.2 (schema.json).

`lieux_errors(record)` returns the broken constraints of one record (CSV row or JSON object), in
French; an empty list means the record is valid. Used by the tests on every export, and usable on
any file (`validate_lieux_csv`).
"""

import csv
import io
import re
from datetime import date

from standards import lieux

REQUIRED = ["id", "pivot", "nom", "commune", "code_postal", "adresse", "date_maj"]
PATTERNS = {
    "pivot": re.compile(r"^[a-zA-Z0-9]{9,14}$"),
    "code_postal": re.compile(r"^\d{5}$"),
    "code_insee": re.compile(r"^([013-9]\d|2[AB1-9])\d{3}$"),
    "telephone": re.compile(r"^(\+33|\+590|\+594|\+262|\+596|\+269|\+687|\+689|\+508|\+681)(\d){6,9}$"),
    "date_maj": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
}
# The schema's `formations_labels` pattern spells « Étapes numériques(La Poste) »; both are accepted.
ENUMERATIONS = {
    "services": set(lieux.SERVICES.values),
    "itinerance": set(lieux.ITINERANCE.values),
    "publics_specifiquement_adresses": set(lieux.PUBLICS_SPECIFIQUEMENT_ADRESSES.values),
    "prise_en_charge_specifique": set(lieux.PRISE_EN_CHARGE_SPECIFIQUE.values),
    "frais_a_charge": set(lieux.FRAIS_A_CHARGE.values),
    "dispositif_programmes_nationaux": set(lieux.DISPOSITIF_PROGRAMMES_NATIONAUX.values),
    "formations_labels": {*lieux.FORMATIONS_LABELS.values, "Étapes numériques(La Poste)"},
    "modalites_acces": set(lieux.MODALITES_ACCES.values),
    "modalites_accompagnement": set(lieux.MODALITES_ACCOMPAGNEMENT.values),
}
MAX_LENGTHS = {"presentation_resume": 280}
NUMBERS = {"latitude": (-90.0, 90.0), "longitude": (-180.0, 180.0)}


def _text(value) -> str:
    return "" if value is None else str(value)


def lieux_errors(record: dict) -> list[str]:
    errors = []
    missing = [c for c in lieux.COLUMNS if c not in record]
    extra = [c for c in record if c not in lieux.COLUMNS]
    if missing:
        errors.append(f"colonnes manquantes : {', '.join(missing)}")
    if extra:
        errors.append(f"colonnes inconnues : {', '.join(extra)}")
    for column in REQUIRED:
        if not _text(record.get(column)).strip():
            errors.append(f"{column} : valeur obligatoire absente")
    for column, pattern in PATTERNS.items():
        value = _text(record.get(column))
        if value and not pattern.match(value):
            errors.append(f"{column} : « {value} » ne respecte pas le motif {pattern.pattern}")
    if PATTERNS["date_maj"].match(_text(record.get("date_maj"))):
        try:
            date.fromisoformat(record["date_maj"])
        except ValueError:
            errors.append(f"date_maj : « {record['date_maj']} » n’est pas une date")
    for column, allowed in ENUMERATIONS.items():
        value = _text(record.get(column))
        if not value:
            continue
        for item in value.split(lieux.SEPARATOR):
            if item not in allowed:
                errors.append(f"{column} : « {item} » hors de la liste des valeurs du standard")
    for column, maximum in MAX_LENGTHS.items():
        if len(_text(record.get(column))) > maximum:
            errors.append(f"{column} : plus de {maximum} caractères")
    for column, (low, high) in NUMBERS.items():
        value = record.get(column)
        if value in (None, ""):
            continue
        try:
            number = float(value)
        except (TypeError, ValueError):
            errors.append(f"{column} : « {value} » n’est pas un nombre")
            continue
        if not low <= number <= high:
            errors.append(f"{column} : {number} hors de [{low}, {high}]")
    return errors


def validate_lieux_csv(content: str) -> dict[int, list[str]]:
    """Errors by line number (header = line 1) of a lieux CSV file; {} when the file is valid."""
    reader = csv.reader(io.StringIO(content, newline=""))
    header = next(reader, [])
    problems: dict[int, list[str]] = {}
    if header != lieux.COLUMNS:
        problems[1] = [f"en-tête différent du standard : {','.join(header)}"]
    ids: set[str] = set()
    for line, values in enumerate(reader, start=2):
        if len(values) != len(header):
            problems[line] = [f"{len(values)} champs au lieu de {len(header)}"]
            continue
        record = dict(zip(header, values, strict=True))
        errors = lieux_errors(record)
        if record.get("id") in ids:
            errors.append(f"id : « {record['id']} » en double")
        ids.add(record.get("id", ""))
        if errors:
            problems[line] = errors
    return problems
