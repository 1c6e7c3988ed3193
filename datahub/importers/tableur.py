"""A territory's own spreadsheet (CSV or XLSX): its columns are mapped to Ancrage fields, then each
row is read like a « lieux de médiation numérique » row (same cleaning, same vocabularies).

Hours may come one column per weekday (`week_hours`); a known file (the France Services list) is read with
its named profile (`profiles`), which gives the mapping and what each row implies.
"""

import re

from django.utils import translation
from django.utils.functional import lazy
from django.utils.text import slugify
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _

from datahub import normalize
from datahub.importers import lieux, profiles, week_hours
from datahub.importers.files import UnreadableFile, read_header
from datahub.importers.profiles import PROFILES, Profile, file_date
from datahub.records import Parsed
from territory.text import fold

FORMAT = "tableur"


def _day_column(day: str) -> str:
    return gettext("Horaires du %(day)s (ex. 09:00 - 12:00 / 14:00 - 17:00)") % {"day": pgettext("weekday", day)}


_day_label = lazy(_day_column, str)

# Ancrage field → label shown in the mapping form (names of the lieux standard).
FIELDS = {
    "id": _("Identifiant de la ligne"),
    "nom": _("Nom du lieu (obligatoire)"),
    "pivot": _("SIRET ou RNA"),
    "adresse": _("Adresse (numéro et voie)"),
    "complement_adresse": _("Complément d’adresse"),
    "code_postal": _("Code postal"),
    "commune": _("Commune"),
    "code_insee": _("Code INSEE"),
    "latitude": _("Latitude"),
    "longitude": _("Longitude"),
    "telephone": _("Téléphone"),
    "courriels": _("Courriel"),
    "site_web": _("Site web"),
    "horaires": _("Horaires (format OpenStreetMap)"),
    **{f"horaires_{day}": _day_label(day) for day in week_hours.DAYS},
    "presentation_resume": _("Présentation courte"),
    "presentation_detail": _("Présentation détaillée"),
    "services": _("Services proposés"),
    "publics_specifiquement_adresses": _("Publics accueillis"),
    "prise_en_charge_specifique": _("Prise en charge spécifique"),
    "frais_a_charge": _("Frais (gratuit, payant…)"),
    "modalites_acces": _("Modalités d’accès"),
    "modalites_accompagnement": _("Modalités d’accompagnement"),
    "prise_rdv": _("Lien de prise de rendez-vous"),
    "typologie": _("Typologie"),
    "structure_parente": _("Structure parente"),
    "date_maj": _("Date de mise à jour"),
}
IGNORE = ""

# Header words (folded) → field, for the automatic guesses of the mapping form (first match wins).
_GUESSES = [
    (("identifiant", "id"), "id"),
    (("siret", "siren", "rna", "pivot"), "pivot"),
    (("complement",), "complement_adresse"),
    (("code postal", "cp", "code_postal"), "code_postal"),
    (("insee",), "code_insee"),
    (("latitude", "lat"), "latitude"),
    (("longitude", "lon", "lng", "long"), "longitude"),
    (("courriel", "mail", "email", "e mail", "mel"), "courriels"),
    (("adresse", "rue", "voie"), "adresse"),
    (("commune", "ville", "localite"), "commune"),
    (("telephone", "tel", "portable", "numero"), "telephone"),
    (("site", "web", "internet", "url"), "site_web"),
    *(((day,), f"horaires_{day}") for day in week_hours.DAYS),
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
# Fields several columns may feed (their values are joined).
_MULTI = {"services", "publics_specifiquement_adresses"}
# Exact names: the standard's column name (« code_postal »), the form's label, with or without its
# parenthesis (« Nom du lieu (obligatoire) », « Nom du lieu »). Folded.
with translation.override(None):  # headers are matched against the French labels themselves
    _EXACT = {
        **{fold(re.sub(r"\s*\(.*\)", "", str(label))): name for name, label in FIELDS.items()},
        **{fold(str(label)): name for name, label in FIELDS.items()},
        **{fold(name): name for name in FIELDS},
    }


class MappingError(ValueError):
    """The column mapping cannot be used; the message says why, in French."""


def _fuzzy(column: str) -> str:
    words = f" {fold(column)} "
    for keys, field in _GUESSES:
        if any(f" {key} " in words for key in keys):
            return field
    return IGNORE


def guess_field(column: str) -> str:
    """The field a header names: exactly (standard name or form label) first, else from its words."""
    return _EXACT.get(fold(column)) or _fuzzy(column)


def guess_mapping(columns: list[str]) -> dict[str, str]:
    """Column → field guessed from header names; a field is guessed for one column only.

    Exact names are placed first, so a column named « nom » gets the name even after « Structure porteuse ».
    """
    mapping, used = {}, set()
    for column in columns:
        field = _EXACT.get(fold(column), IGNORE)
        if field in used and field not in _MULTI:
            field = IGNORE
        mapping[column] = field
        used.add(field)
    for column in columns:
        if mapping[column]:
            continue
        field = _fuzzy(column)
        if field in used and field not in _MULTI:
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
            raise MappingError(
                gettext("Correspondance illisible : « %(part)s » (attendu : colonne=champ)") % {"part": part}
            )
        mapping[column.strip()] = field.strip()
    return check_mapping(mapping)


def check_mapping(mapping: dict[str, str]) -> dict[str, str]:
    unknown = sorted({f for f in mapping.values() if f and f not in FIELDS})
    if unknown:
        raise MappingError(
            gettext("Champ(s) Ancrage inconnu(s) : %(unknown)s. Champs possibles : %(fields)s")
            % {"unknown": ", ".join(unknown), "fields": ", ".join(FIELDS)}
        )
    if "nom" not in mapping.values():
        raise MappingError(gettext("Aucune colonne n’est associée au nom du lieu (« nom »)"))
    return {column: field for column, field in mapping.items() if field}


def profile_named(name: str) -> Profile:
    try:
        return PROFILES[name]
    except KeyError:
        raise MappingError(
            gettext("Profil de tableur inconnu : « %(name)s ». Profils possibles : %(profiles)s")
            % {"name": name, "profiles": ", ".join(PROFILES)}
        ) from None


def parser(mapping: dict[str, str], profile: Profile | str | None = None, file_name: str = ""):
    """`parse_row` for a spreadsheet read with `mapping` (or the profile's own mapping when it is empty)."""
    if isinstance(profile, str):
        profile = profile_named(profile) if profile else None
    mapping = check_mapping(mapping or (profile.mapping if profile else {}))
    default_date = file_date(file_name) if profile and profile.date_from_file_name else None
    derived_ids: set[str] = set()

    def parse_row(row: dict, default_source: str) -> Parsed:
        renamed: dict[str, str] = {}
        for column, field in mapping.items():
            value = str(row.get(column) or "").strip()
            if value:
                renamed[field] = f"{renamed[field]}|{value}" if field in renamed else value
        warnings: list[str] = []
        days = {day: renamed.pop(f"horaires_{day}", "") for day in week_hours.DAYS}
        if any(days.values()) and not renamed.get("horaires"):
            renamed["horaires"] = week_hours.to_osm(days, warnings)
        if profile:
            profile.complete(row, renamed)
        if default_date and not normalize.iso_date(renamed.get("date_maj")):
            renamed["date_maj"] = default_date.isoformat()
        if not renamed.get("id"):
            renamed["id"] = derived_id(renamed, derived_ids)
        parsed = lieux.parse_row(renamed, default_source)
        parsed.warnings[:0] = warnings
        return parsed

    return parse_row


def derived_id(fields: dict, taken: set[str]) -> str:
    """The id of a row that has none, from what stays when a place is renamed: its address and commune.

    A re-import then updates the renamed place instead of adding a second one. Two rows of one file at the
    same address (two bodies in one building) are told apart by their names; a row without an address
    falls back on its name and commune (renaming it then makes a new place, which duplicate detection
    proposes to merge). The first row at a shared address takes the address alone: keep the file order.
    """
    where = fields.get("code_postal") or fields.get("code_insee") or fields.get("commune") or ""
    basis = f"{fields['adresse']} {where}" if fields.get("adresse") else f"{fields.get('nom', '')} {where}"
    value = slugify(basis)[:200]
    if value in taken:
        value = slugify(f"{basis} {fields.get('nom', '')}")[:200]
    taken.add(value)
    return value


def choose_mapping(columns: list[str], mapping_text: str = "", profile: str = "") -> tuple[dict[str, str], str]:
    """The (mapping, profile name) to read a spreadsheet with: the given mapping, else the named profile,
    else the profile recognised from the header, else a mapping guessed from the header. A named profile
    with a mapping completes the rows of the mapped columns."""
    if profile:
        profile_named(profile)
    if mapping_text:
        return parse_mapping(mapping_text), profile
    if not profile:
        detected = profiles.detect(columns)
        profile = detected.name if detected else ""
    if profile:
        return check_mapping(profile_named(profile).mapping), profile
    return check_mapping(guess_mapping(columns)), ""


def detect_profile(path, content: bytes | None = None) -> str:
    """The name of the profile recognised from a file's header, or "" (also for an unreadable file: its
    import then says why)."""
    try:
        detected = profiles.detect(read_header(path, content))
    except UnreadableFile:
        return ""
    return detected.name if detected else ""
