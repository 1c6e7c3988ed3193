"""Validating a row with the data·inclusion pydantic models, with messages a coordinator can read.

An error on a required field rejects the row; an error on an optional field drops that value and
keeps the row, with a warning: one bad e-mail address must not hide a whole service.
"""

import re
from datetime import date

from pydantic import ValidationError

from datahub.importers.common import update_date
from datahub.records import Rejected

FIELD_LABELS = {
    "source": "source", "id": "identifiant", "structure_id": "identifiant de la structure", "nom": "nom",
    "description": "description", "date_maj": "date de mise à jour", "siret": "SIRET", "code_postal": "code postal",
    "code_insee": "code INSEE", "courriel": "courriel", "site_web": "site web", "lien_source": "lien source",
    "lien_mobilisation": "lien de mobilisation", "accessibilite_lieu": "fiche Acceslibre", "publics": "publics",
    "thematiques": "thématiques", "type": "type", "frais": "frais", "zone_eligibilite": "zone d’éligibilité",
    "modes_accueil": "modes d’accueil", "modes_mobilisation": "modes de mobilisation",
    "mobilisable_par": "mobilisable par", "reseaux_porteurs": "réseaux porteurs", "latitude": "latitude",
    "longitude": "longitude", "nombre_semaines": "nombre de semaines",
    "volume_horaire_hebdomadaire": "volume horaire hebdomadaire",
}  # fmt: skip
_MESSAGES = {
    "missing": "obligatoire et absent",
    "string_too_short": "trop court (au moins {min_length} caractères)",
    "string_too_long": "trop long (au plus {max_length} caractères)",
    "too_short": "au moins {min_length} valeur attendue",
    "enum": "valeur « {input} » hors du vocabulaire data·inclusion v1",
    "string_pattern_mismatch": "format invalide : « {input} »",
    "url_parsing": "adresse web invalide : « {input} »",
    "url_scheme": "adresse web invalide : « {input} »",
    "url_type": "adresse web invalide : « {input} »",
    "date_parsing": "date invalide : « {input} » (attendu AAAA-MM-JJ)",
    "date_from_datetime_parsing": "date invalide : « {input} » (attendu AAAA-MM-JJ)",
    "date_type": "date invalide : « {input} »",
    "float_parsing": "nombre invalide : « {input} »",
    "float_type": "nombre attendu",
    "int_parsing": "nombre entier invalide : « {input} »",
    "string_type": "texte attendu",
    "list_type": "liste attendue",
    "set_type": "liste attendue",
    "greater_than_equal": "doit être supérieur ou égal à {ge}",
    "greater_than": "doit être supérieur à {gt}",
    "less_than_equal": "doit être inférieur ou égal à {le}",
    "less_than": "doit être inférieur à {lt}",
    "too_long": "au plus {max_length} valeurs",
    "url_too_long": "adresse web trop longue",
    "int_type": "nombre entier attendu",
    "int_from_float": "nombre entier attendu : « {input} »",
    "bool_parsing": "oui ou non attendu : « {input} »",
    "bool_type": "oui ou non attendu",
    "finite_number": "nombre attendu : « {input} »",
    "dict_type": "objet attendu",
    "extra_forbidden": "colonne inconnue",
    "literal_error": "valeur « {input} » non prévue",
    "avertissement": "{msg}",
}
_FRENCH = re.compile(r"[éèêàçù]|^(Le|La|Les|L’|`)")


def french(error: dict) -> str:
    loc = error.get("loc") or ("?",)
    label = FIELD_LABELS.get(str(loc[0]), str(loc[0]))
    kind = error.get("type", "")
    context = {**(error.get("ctx") or {}), "input": str(error.get("input", ""))[:80]}
    library_message = error.get("msg", "").removeprefix("Value error, ")
    if kind in _MESSAGES:
        message = _MESSAGES[kind].format(**context, msg=library_message)
    elif kind == "value_error" and "email" in library_message:
        message = f"courriel invalide : « {context['input']} »"
    elif _FRENCH.search(library_message):  # the data·inclusion schema's own rules speak French
        message = library_message
    else:  # pydantic's English: say what to do instead
        message = f"valeur invalide : « {context['input']} » (voir le schéma data·inclusion v1)"
    return f"« {label} » : {message}"


def checked_date(raw, warnings: list) -> date | None:
    """`date_maj`: absent, impossible or placeholder dates keep the row (its freshness is then unknown)."""
    return update_date(raw, warnings)


def validate(model, data: dict, required: set[str], warnings: list):
    """The validated pydantic object; optional values that fail are dropped with a warning."""
    data = {k: v for k, v in data.items() if v not in (None, "", [])}
    for _ in range(4):
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            errors = exc.errors()
            fatal = [e for e in errors if e["loc"] and e["loc"][0] in required]
            if fatal:
                message = " ; ".join(map(french, fatal))
                raise Rejected(f"Ligne non conforme au schéma data·inclusion : {message}") from None
            for error in errors:
                if data.pop(error["loc"][0], None) is not None:
                    warnings.append(f"{french(error)} — valeur ignorée")
    raise Rejected("Ligne non conforme au schéma data·inclusion")
