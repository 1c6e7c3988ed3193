"""Named spreadsheet profiles: a known file's column mapping and what its rows mean, chosen by name
(`import_data --format tableur --profile france-services`, the admin upload form) or recognised from its header.

A profile maps the file's columns to spreadsheet fields (`tableur.FIELDS`) and completes each row with what the
file says implicitly (a France Services list row is a France Services: its label, its national services).
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Profile:
    name: str
    label: str
    mapping: dict[str, str]
    # Completes the spreadsheet fields of a row from its raw cells: complete(raw_row, fields).
    complete: Callable[[dict, dict], None]
    # Columns that, all present in a header, identify the file.
    signature: frozenset[str] = field(default_factory=frozenset)
    # Rows carry no update date: the date in the file name (« liste-…-2024-08-01.csv ») is used.
    date_from_file_name: bool = False

    def matches(self, columns: list[str]) -> bool:
        return bool(self.signature) and self.signature <= {c.strip() for c in columns}


# --- France Services, national list published by the ANCT (anct-carto/france_services) ------------------
FRANCE_SERVICES_SOURCE = "france-services"
_FS_SERVICES = [
    # A France Services agent helps with the procedures of the national partners (CAF, Assurance maladie,
    # retraite, France Travail, impôts, ANTS, justice, MSA, La Poste) and gives free access to a computer.
    "Réaliser des démarches administratives avec un accompagnement",
    "Accéder à du matériel",
    "Accéder à une connexion internet",
]
_FS_SUMMARY = (
    "France services : des agents vous accueillent gratuitement et vous aident dans vos démarches "
    "administratives (santé, famille, retraite, emploi, impôts, papiers d’identité, justice…), avec un poste "
    "informatique en accès libre."
)
_FS_FORMATS = {
    "Bus_équivalent": "Bus France services : il s’arrête dans plusieurs communes ; l’adresse indiquée est son "
    "point d’attache. Appelez pour connaître ses arrêts.",
    "Itinérante": "France services itinérante : l’accueil se déplace dans plusieurs communes ; l’adresse "
    "indiquée est son point d’attache. Appelez pour connaître les permanences.",
    "Multisites": "France services multisite : l’accueil se tient en plusieurs lieux du territoire.",
}
_FS_ITINERANT = {"Bus_équivalent", "Itinérante"}


def _france_services(row: dict, fields: dict) -> None:
    format_fs = (row.get("format_fs") or "").strip()
    fields["services"] = "|".join(_FS_SERVICES)
    fields["dispositif_programmes_nationaux"] = "France Services"
    fields["typologie"] = "RFS"
    fields["frais_a_charge"] = "Gratuit"
    fields["modalites_accompagnement"] = "Accompagnement individuel"
    fields["itinerance"] = "Itinérant" if format_fs in _FS_ITINERANT else "Fixe"
    if fields.get("courriels"):  # « a@x.fr - b@y.fr »: two addresses
        fields["courriels"] = re.sub(r"\s+-\s+", "|", fields["courriels"])
    fields["source"] = FRANCE_SERVICES_SOURCE  # stable across monthly lists, whatever the file name
    acces = ["Se présenter"]
    acces += ["Téléphoner"] if fields.get("telephone") else []
    acces += ["Contacter par mail"] if fields.get("courriels") else []
    acces += ["Prendre un RDV en ligne"] if (row.get("prise_rdv") or "").strip().lower() == "oui" else []
    fields["modalites_acces"] = "|".join(acces)
    antenne = (row.get("type_fs") or "").strip().lower() == "antenne"
    intro = ["Antenne d’une France services." if antenne else "", _FS_FORMATS.get(format_fs, "")]
    fields["presentation_resume"] = _FS_SUMMARY
    fields["presentation_detail"] = " ".join(part for part in (*intro, (row.get("commentaire") or "").strip()) if part)


FRANCE_SERVICES = Profile(
    name="france-services",
    label=_("France services (liste nationale de l’ANCT)"),
    mapping={
        "id_fs": "id",
        "lib_fs": "nom",
        "adresse": "adresse",
        "complement_adresse": "complement_adresse",
        "code_postal": "code_postal",
        "lib_com": "commune",
        "insee_com": "code_insee",
        "latitude": "latitude",
        "longitude": "longitude",
        "telephone": "telephone",
        "mail": "courriels",
        **{f"h_{day}": f"horaires_{day}" for day in ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi")},
    },
    complete=_france_services,
    signature=frozenset({"id_fs", "lib_fs", "h_lundi", "type_fs", "format_fs"}),
    date_from_file_name=True,
)

PROFILES = {profile.name: profile for profile in (FRANCE_SERVICES,)}
# Official lists whose every id is a place of its own: two of their records never merge automatically
# (`datahub.merging.detect`); the review queue shows them.
ONE_PLACE_PER_ID_SOURCES = frozenset({FRANCE_SERVICES_SOURCE})


def detect(columns: list[str]) -> Profile | None:
    """The profile whose signature columns the header holds, if any."""
    return next((profile for profile in PROFILES.values() if profile.matches(columns)), None)


_FILE_DATE = re.compile(r"(20\d\d)-?(\d\d)-?(\d\d)")


def file_date(file_name: str) -> date | None:
    """« liste-fs-20240801.csv », « liste-france-services-2024-08-01.csv » → 2024-08-01."""
    for match in _FILE_DATE.finditer(file_name or ""):
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            continue
    return None
