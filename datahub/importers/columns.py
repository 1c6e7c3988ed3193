"""Is this file of the format chosen? Its columns are checked before any row is written.

A format says which columns it needs (`check_columns`); a file that is of another kind (a list of
people, a lieux file imported as data·inclusion structures) is refused with a French message saying
what was expected. A description row under the header (the lieux standard's template has one) is
skipped.
"""

import re
from collections.abc import Callable, Iterator

from django.utils.translation import gettext, ngettext

from datahub.importers.files import UnreadableFile
from territory.text import fold

# Columns that only a list of people has: such a file must never be published as places.
PEOPLE = {"prenom", "prenoms", "civilite", "date naissance", "date de naissance", "sexe", "nir", "nom de famille"}
LIEUX_ONLY = {
    "services", "pivot", "frais a charge", "conditions access", "labels nationaux", "publics accueillis",
    "dispositif programmes nationaux", "modalites accompagnement", "presentation resume", "itinerance",
}  # fmt: skip
DI_STRUCTURE_ONLY = {
    "siret", "description", "reseaux porteurs", "horaires accueil", "lien source", "accessibilite lieu",
}  # fmt: skip
LOCATION = {"adresse", "commune", "code postal", "code insee", "latitude", "longitude", "localisation"}

# What the first data row's cells look like when they are real values, not descriptions.
_VALUE_PATTERNS = {
    "code_postal": re.compile(r"^\d{4,5}$"),
    "code_insee": re.compile(r"^[\dAB]{5}$", re.IGNORECASE),
    "latitude": re.compile(r"^-?\d+([.,]\d+)?$"),
    "longitude": re.compile(r"^-?\d+([.,]\d+)?$"),
    "date_maj": re.compile(r"^\d{4}-\d{2}-\d{2}|^\d{2}/\d{2}/\d{4}$"),
    "pivot": re.compile(r"^[A-Za-z0-9 ]{9,17}$"),
}


def names(columns) -> set[str]:
    """Column names as compared: folded ("Prénom" → "prenom", "code_postal" → "code postal")."""
    return {fold(str(column)) for column in columns}


def refuse(message: str) -> None:
    raise UnreadableFile(
        gettext("Ce fichier n’est pas du format choisi : %(reason)s. Rien n’a été importé.") % {"reason": message}
    )


def refuse_people(found: set[str]) -> None:
    people = sorted(found & PEOPLE)
    if people:
        refuse(
            gettext(
                "il ressemble à une liste de personnes (colonnes %(columns)s) ; seuls des lieux et des "
                "services s’importent, jamais des données personnelles"
            )
            % {"columns": ", ".join(people)}
        )


def require(found: set[str], required: list[str], expected: str) -> None:
    missing = [column for column in required if fold(column) not in found]
    if missing:
        refuse(
            ngettext(
                "colonne %(columns)s absente (attendu : %(expected)s)",
                "colonnes %(columns)s absentes (attendu : %(expected)s)",
                len(missing),
            )
            % {"columns": ", ".join(missing), "expected": expected}
        )


def is_description_row(row: dict) -> bool:
    """The row under the header that describes each column ("Code postal à 5 chiffres…"), not a place."""
    checked = [(name, str(row.get(name) or "").strip()) for name in _VALUE_PATTERNS]
    checked = [(name, value) for name, value in checked if value]
    if len(checked) < 2 or any(_VALUE_PATTERNS[name].match(value) for name, value in checked):
        return False
    wordy = [v for v in row.values() if isinstance(v, str) and len(v.split()) >= 3]
    return len(wordy) >= 3


def checked_rows(rows: Iterator[tuple[int, dict]], check: Callable | None) -> Iterator[tuple[int, dict]]:
    """The rows of a file once its first row's columns passed `check` (which raises UnreadableFile)."""
    for line, row in rows:
        if check is not None and "__invalid__" not in row:
            check(list(row))
        if not is_description_row(row):
            yield line, row
        yield from rows
        return
