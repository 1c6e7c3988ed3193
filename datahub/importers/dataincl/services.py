"""data·inclusion services (v1, and the v0 vocabulary: `types`, `thematiques`, `frais`, `profils`).

A service belongs to a structure of the same source (`structure_id`): the structure must have been
imported before (a data·inclusion structures file, or a lieux file of the same source); otherwise
the row is rejected with that reason.
"""

from data_inclusion.schema import v1
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from datahub.importers import columns as columns_
from datahub.importers.common import locate, text
from datahub.importers.dataincl.common import as_list, clean_contacts, clean_url, first, text_value, values
from datahub.importers.dataincl.validation import checked_date, validate
from datahub.records import Parsed, Rejected, ServiceRecord
from directory.domain import hours
from standards import dataincl as di
from standards.parsing import di_frais, di_publics, di_thematiques, di_type

FORMAT = "di-services"
REQUIRED = {"source", "id", "structure_id", "nom", "description"}


def _v0_mobilisation(row: dict) -> tuple[list[str], list[str]]:
    """v0 `modes_orientation_*` → v1 `modes_mobilisation`, `mobilisable_par` (data·inclusion dbt)."""
    usagers = set(as_list(row.get("modes_orientation_beneficiaire")))
    pros = set(as_list(row.get("modes_orientation_accompagnateur")))
    modes = []
    if {"envoyer-un-mail", "envoyer-un-mail-avec-une-fiche-de-prescription", "prendre-rdv"} & pros or {
        "envoyer-un-mail",
        "prendre-rdv",
    } & usagers:
        modes.append("envoyer-un-courriel")
    if "se-presenter" in usagers:
        modes.append("se-presenter")
    if "telephoner" in usagers | pros:
        modes.append("telephoner")
    if {"completer-le-formulaire-dadhesion", "prendre-rdv"} & (usagers | pros) or text(
        row, "prise_rdv", "formulaire_en_ligne", "page_web"
    ):
        modes.append("utiliser-lien-mobilisation")
    par = (["usagers"] if usagers else []) + (["professionnels"] if pros else [])
    return modes, par


def _known(raw, vocabulary, label: str, warnings: list) -> list[str] | None:
    """The values of a list that belong to `vocabulary`; the others are dropped one by one, with a warning."""
    kept = []
    for value in as_list(raw):
        if value in vocabulary:
            kept.append(value)
        else:
            warnings.append(
                gettext("« %(label)s » : valeur « %(value)s » hors du vocabulaire data·inclusion v1 — ignorée")
                % {"label": label, "value": value}
            )
    return kept or None


def _address(row: dict, warnings: list) -> dict:
    """The service's own address (data·inclusion gives one per service), its commune resolved."""
    parts = [text(row, name) for name in ("adresse", "code_postal", "commune", "code_insee")]
    if not any(parts):
        return {}
    located = locate(*parts, row.get("latitude"), row.get("longitude"), warnings)
    return {name: located[name][:250] for name in ("adresse", "code_postal", "commune", "code_insee")}


def _vocabularies(row: dict, warnings: list) -> dict:
    thematiques, unknown = di_thematiques(as_list(row.get("thematiques")))
    publics, unknown_publics = di_publics(as_list(row.get("publics")) or as_list(row.get("profils")))
    for value in unknown + unknown_publics:
        warnings.append(gettext("Valeur hors vocabulaire ignorée : « %(value)s »") % {"value": value})
    raw_type = row.get("type") or row.get("types")
    raw_frais = row.get("frais")
    v0_modes, v0_par = _v0_mobilisation(row)
    zone = as_list(row.get("zone_eligibilite"))
    if not zone and row.get("zone_diffusion_type") == "pays":
        zone = ["france"]
    elif not zone and text(row, "zone_diffusion_code"):
        zone = [text(row, "zone_diffusion_code")]
    return {
        "type": di_type(as_list(raw_type)) or None,
        "thematiques": thematiques or None,
        "frais": di_frais(as_list(raw_frais)) or None,
        "publics": publics or None,
        "modes_accueil": _known(row.get("modes_accueil"), di.MODES_ACCUEIL, gettext_lazy("modes d’accueil"), warnings),
        "modes_mobilisation": _known(
            row.get("modes_mobilisation"), di.MODES_MOBILISATION, gettext_lazy("modes de mobilisation"), warnings
        )
        or v0_modes
        or None,
        "mobilisable_par": _known(
            row.get("mobilisable_par"), di.MOBILISABLE_PAR, gettext_lazy("mobilisable par"), warnings
        )
        or v0_par
        or None,
        "zone_eligibilite": zone or None,
    }


def check_columns(columns: list[str]) -> None:
    """data·inclusion services: an id, the id of their structure and a name."""
    found = columns_.names(columns)
    columns_.refuse_people(found)
    expected = gettext("des services data·inclusion (colonnes id, structure_id, nom, description…)")
    columns_.require(found, ["id", "structure_id", "nom"], expected)


def parse_row(row: dict, default_source: str) -> Parsed:
    parsed = Parsed()
    warnings = parsed.warnings
    source_id, structure_id = text(row, "id"), text(row, "structure_id")
    if not source_id:
        raise Rejected(gettext("Identifiant (« id ») manquant"))
    if not structure_id:
        raise Rejected(gettext("Structure de rattachement (« structure_id ») manquante"))
    date_maj = checked_date(row.get("date_maj"), warnings)
    data = {
        "source": text(row, "source") or default_source,
        "id": source_id,
        "structure_id": structure_id,
        "nom": text(row, "nom"),
        "description": text(row, "description", "presentation_detail", "presentation_resume"),
        "date_maj": date_maj or timezone.localdate(),
        "lien_source": clean_url(row.get("lien_source"), gettext_lazy("Lien source"), warnings),
        "lien_mobilisation": clean_url(
            text(row, "lien_mobilisation", "prise_rdv", "formulaire_en_ligne", "page_web"),
            gettext_lazy("Lien de mobilisation"),
            warnings,
        ),
        "frais_precisions": text(row, "frais_precisions", "frais_autres"),
        "publics_precisions": text(row, "publics_precisions", "profils_precisions"),
        "conditions_acces": text(row, "conditions_acces"),
        "contact_nom_prenom": text(row, "contact_nom_prenom"),
        "mobilisation_precisions": text(row, "mobilisation_precisions"),
        "volume_horaire_hebdomadaire": first(row.get("volume_horaire_hebdomadaire")),
        "nombre_semaines": first(row.get("nombre_semaines")),
        "horaires_accueil": text(row, "horaires_accueil"),
        **_vocabularies(row, warnings),
    }
    clean_contacts(row, data, warnings)
    service = validate(v1.Service, data, REQUIRED, warnings)
    horaires = service.horaires_accueil or ""
    if horaires and not hours.is_valid(horaires):
        warnings.append(gettext("Horaires au format OSM invalide ignorés : « %(value)s »") % {"value": horaires})
        horaires = ""
    fields = {
        "nom": service.nom,
        "description": service.description,
        "type": text_value(service.type),
        "thematiques": values(service.thematiques),
        "frais": text_value(service.frais),
        "frais_precisions": (service.frais_precisions or "")[:500],
        "publics": values(service.publics),
        "publics_precisions": (service.publics_precisions or "")[:500],
        "conditions_acces": (service.conditions_acces or "")[:500],
        "modes_accueil": values(service.modes_accueil),
        "zone_eligibilite": list(service.zone_eligibilite or []),
        "modes_mobilisation": values(service.modes_mobilisation),
        "mobilisable_par": values(service.mobilisable_par),
        "lien_mobilisation": str(service.lien_mobilisation or "")[:500],
        "mobilisation_precisions": (service.mobilisation_precisions or "")[:500],
        "telephone": service.telephone or "",
        "courriel": service.courriel or "",
        "contact_nom_prenom": (service.contact_nom_prenom or "")[:150],
        "horaires_accueil": horaires[:500],
        "volume_horaire_hebdomadaire": service.volume_horaire_hebdomadaire,
        "nombre_semaines": service.nombre_semaines,
        "lien_source": str(service.lien_source or "")[:500],
        "source": service.source[:100],
        "date_maj": date_maj,
        **_address(row, warnings),
    }
    parsed.services.append(ServiceRecord(service.source, source_id, structure_id, fields, date_maj))
    return parsed
