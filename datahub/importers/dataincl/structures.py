"""data·inclusion structures (v1, and v0 columns still found) → places."""

import re

from data_inclusion.schema import v1
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from datahub import normalize
from datahub.importers import columns as columns_
from datahub.importers.common import locate, opening_hours, pivot, short_summary, text
from datahub.importers.dataincl.common import as_list, clean_contacts, clean_url, text_value, values
from datahub.importers.dataincl.validation import checked_date, validate
from datahub.importers.lieux import typologie
from datahub.records import Parsed, PlaceRecord, Rejected
from standards.parsing import di_reseaux

FORMAT = "di-structures"
REQUIRED = {"source", "id", "nom"}


def check_columns(columns: list[str]) -> None:
    """data·inclusion structures: an id and a name; a lieux file or a services file is refused."""
    found = columns_.names(columns)
    columns_.refuse_people(found)
    expected = gettext("des structures data·inclusion (colonnes id, nom, siret, adresse, description…)")
    if "structure id" in found:
        columns_.refuse(
            gettext("c’est un fichier de services data·inclusion (colonne structure_id) ; attendu : %(expected)s")
            % {"expected": expected}
        )
    if found & columns_.LIEUX_ONLY and not found & columns_.DI_STRUCTURE_ONLY:
        lieux = ", ".join(sorted(found & columns_.LIEUX_ONLY)).replace(" ", "_")
        columns_.refuse(
            gettext(
                "c’est un fichier « Lieux de médiation numérique » (colonnes %(columns)s) : "
                "importez-le avec ce format-là"
            )
            % {"columns": lieux}
        )
    columns_.require(found, ["id", "nom"], expected)


def parse_row(row: dict, default_source: str) -> Parsed:
    parsed = Parsed()
    warnings = parsed.warnings
    source_id = text(row, "id")
    if not source_id:
        raise Rejected(gettext("Identifiant (« id ») manquant"))
    date_maj = checked_date(row.get("date_maj"), warnings)
    data = {
        "source": text(row, "source") or default_source,
        "id": source_id,
        "nom": text(row, "nom"),
        "date_maj": date_maj or timezone.localdate(),
        "description": text(row, "description", "presentation_detail", "presentation_resume"),
        "lien_source": clean_url(row.get("lien_source"), gettext_lazy("Lien source"), warnings),
        "siret": re.sub(r"\s", "", text(row, "siret")),
        "site_web": clean_url(row.get("site_web"), gettext_lazy("Site web"), warnings),
        "accessibilite_lieu": clean_url(text(row, "accessibilite_lieu", "accessibilite"), "Lien Acceslibre", warnings),
        "reseaux_porteurs": di_reseaux(as_list(row.get("reseaux_porteurs")) + as_list(row.get("labels_nationaux"))),
    }
    clean_contacts(row, data, warnings)
    structure = validate(v1.Structure, data, REQUIRED, warnings)
    description = text_value(structure.description)
    address = locate(
        text(row, "adresse"), text(row, "code_postal"), text(row, "commune"), text(row, "code_insee"),
        row.get("latitude"), row.get("longitude"), warnings,
    )  # fmt: skip
    if address["latitude"] is None and not address["code_insee"]:
        warnings.append(gettext("Structure impossible à situer : ni coordonnées valides, ni commune reconnue"))
    display = normalize.display_name(structure.nom)
    fields = {
        "nom": display[:250],
        "nom_source": structure.nom[:250] if display != structure.nom else "",
        "pivot": pivot(structure.siret or text(row, "rna")),
        "typologie": typologie(row.get("typologie"), warnings),
        "reseaux_porteurs": values(structure.reseaux_porteurs),
        **address,
        "complement_adresse": text(row, "complement_adresse")[:250],
        "telephone": structure.telephone or "",
        "courriels": [structure.courriel] if structure.courriel else [],
        "site_web": [str(structure.site_web)] if structure.site_web else [],
        **opening_hours(text(row, "horaires_accueil", "horaires_ouverture"), warnings),
        "presentation_resume": short_summary(description),
        "presentation_detail": description if len(description) > 280 else "",
        "fiche_acces_libre": str(structure.accessibilite_lieu or "")[:500],
        "source": structure.source[:100],
        "date_maj": date_maj,
    }
    parsed.places.append(PlaceRecord(structure.source, source_id, fields, date_maj))
    return parsed
