"""A territory's own spreadsheet (CSV or XLSX): its columns are mapped to Ancrage fields, then each
row is read like a « lieux de médiation numérique » row (same cleaning, same vocabularies).
"""

from django.utils.text import slugify

from datahub.importers import lieux
from datahub.records import Parsed
from territory.text import fold

FORMAT = "tableur"

# Ancrage field → label shown in the mapping form (names of the lieux standard).
FIELDS = {
    "id": "Identifiant de la ligne",
    "nom": "Nom du lieu (obligatoire)",
    "pivot": "SIRET ou RNA",
    "adresse": "Adresse (numéro et voie)",
    "complement_adresse": "Complément d’adresse",
    "code_postal": "Code postal",
    "commune": "Commune",
    "code_insee": "Code INSEE",
    "latitude": "Latitude",
    "longitude": "Longitude",
    "telephone": "Téléphone",
    "courriels": "Courriel",
    "site_web": "Site web",
    "horaires": "Horaires (format OpenStreetMap)",
    "presentation_resume": "Présentation courte",
    "presentation_detail": "Présentation détaillée",
    "services": "Services proposés",
    "publics_specifiquement_adresses": "Publics accueillis",
    "prise_en_charge_specifique": "Prise en charge spécifique",
    "frais_a_charge": "Frais (gratuit, payant…)",
    "modalites_acces": "Modalités d’accès",
    "modalites_accompagnement": "Modalités d’accompagnement",
    "prise_rdv": "Lien de prise de rendez-vous",
    "typologie": "Typologie",
    "structure_parente": "Structure parente",
    "date_maj": "Date de mise à jour",
}
IGNORE = ""

# Header words (folded) → field, for the automatic guesses of the mapping form.
_GUESSES = [
    (("identifiant", "id"), "id"),
    (("siret", "siren", "rna", "pivot"), "pivot"),
    (("complement",), "complement_adresse"),
    (("code postal", "cp", "code_postal"), "code_postal"),
    (("insee",), "code_insee"),
    (("latitude", "lat"), "latitude"),
    (("longitude", "lon", "lng", "long"), "longitude"),
    (("adresse", "rue", "voie"), "adresse"),
    (("commune", "ville", "localite"), "commune"),
    (("telephone", "tel", "portable", "numero"), "telephone"),
    (("courriel", "mail", "email", "e mail", "mel"), "courriels"),
    (("site", "web", "internet", "url"), "site_web"),
    (("horaire", "horaires", "ouverture"), "horaires"),
    (("rendez vous", "rdv"), "prise_rdv"),
    (("presentation", "description", "resume"), "presentation_resume"),
    (("service", "services", "accompagnement", "accompagnements", "activites"), "services"),
    (("public", "publics"), "publics_specifiquement_adresses"),
    (("frais", "tarif", "tarifs", "cout", "gratuit"), "frais_a_charge"),
    (("acces", "modalites"), "modalites_acces"),
    (("typologie", "type"), "typologie"),
    (("mise a jour", "maj", "date"), "date_maj"),
    (("nom", "structure", "lieu", "etablissement", "organisme", "intitule"), "nom"),
]


class MappingError(ValueError):
    """The column mapping cannot be used; the message says why, in French."""


def guess_field(column: str) -> str:
    folded = fold(column)
    if folded in FIELDS:
        return folded.replace(" ", "_")
    words = f" {folded} "
    for keys, field in _GUESSES:
        if any(f" {key} " in words for key in keys):
            return field
    return IGNORE


def guess_mapping(columns: list[str]) -> dict[str, str]:
    """Column → field guessed from header names; a field is guessed for one column only."""
    mapping, used = {}, set()
    for column in columns:
        field = guess_field(column)
        if field and field in used and field not in ("services", "publics_specifiquement_adresses"):
            field = IGNORE
        mapping[column] = field
        used.add(field)
    return mapping


def parse_mapping(text: str) -> dict[str, str]:
    """`--mapping "Nom de la structure=nom,CP=code_postal"` → {column: field}."""
    mapping = {}
    for part in (text or "").split(","):
        if not part.strip():
            continue
        column, sep, field = part.rpartition("=")
        if not sep or not column.strip():
            raise MappingError(f"Correspondance illisible : « {part} » (attendu : colonne=champ)")
        mapping[column.strip()] = field.strip()
    return check_mapping(mapping)


def check_mapping(mapping: dict[str, str]) -> dict[str, str]:
    unknown = sorted({f for f in mapping.values() if f and f not in FIELDS})
    if unknown:
        raise MappingError(
            f"Champ(s) Ancrage inconnu(s) : {', '.join(unknown)}. Champs possibles : {', '.join(FIELDS)}"
        )
    if "nom" not in mapping.values():
        raise MappingError("Aucune colonne n’est associée au nom du lieu (« nom »)")
    return {column: field for column, field in mapping.items() if field}


def parser(mapping: dict[str, str]):
    mapping = check_mapping(mapping)

    def parse_row(row: dict, default_source: str) -> Parsed:
        renamed: dict[str, str] = {}
        for column, field in mapping.items():
            value = str(row.get(column) or "").strip()
            if value:
                renamed[field] = f"{renamed[field]}|{value}" if field in renamed else value
        if not renamed.get("id"):
            place = renamed.get("code_postal") or renamed.get("commune") or ""
            renamed["id"] = slugify(f"{renamed.get('nom', '')} {place}")[:200]
        return lieux.parse_row(renamed, default_source)

    return parse_row
