"""Validating a row with the data·inclusion pydantic models, with messages a coordinator can read.

An error on a required field rejects the row; an error on an optional field drops that value and
keeps the row, with a warning: one bad e-mail address must not hide a whole service.
"""

import re
from datetime import date

from django.utils.translation import gettext, gettext_lazy
from pydantic import ValidationError

from datahub.importers.common import update_date
from datahub.records import Rejected

FIELD_LABELS = {
    "source": gettext_lazy("source"),
    "id": gettext_lazy("identifiant"),
    "structure_id": gettext_lazy("identifiant de la structure"),
    "nom": gettext_lazy("nom"),
    "description": gettext_lazy("description"),
    "date_maj": gettext_lazy("date de mise à jour"),
    "siret": gettext_lazy("SIRET"),
    "code_postal": gettext_lazy("code postal"),
    "code_insee": gettext_lazy("code INSEE"),
    "courriel": gettext_lazy("courriel"),
    "site_web": gettext_lazy("site web"),
    "lien_source": gettext_lazy("lien source"),
    "lien_mobilisation": gettext_lazy("lien de mobilisation"),
    "accessibilite_lieu": gettext_lazy("fiche Acceslibre"),
    "publics": gettext_lazy("publics"),
    "thematiques": gettext_lazy("thématiques"),
    "type": gettext_lazy("type"),
    "frais": gettext_lazy("frais"),
    "zone_eligibilite": gettext_lazy("zone d’éligibilité"),
    "modes_accueil": gettext_lazy("modes d’accueil"),
    "modes_mobilisation": gettext_lazy("modes de mobilisation"),
    "mobilisable_par": gettext_lazy("mobilisable par"),
    "reseaux_porteurs": gettext_lazy("réseaux porteurs"),
    "latitude": gettext_lazy("latitude"),
    "longitude": gettext_lazy("longitude"),
    "nombre_semaines": gettext_lazy("nombre de semaines"),
    "volume_horaire_hebdomadaire": gettext_lazy("volume horaire hebdomadaire"),
}
_MESSAGES = {
    "missing": gettext_lazy("obligatoire et absent"),
    "string_too_short": gettext_lazy("trop court (au moins %(min_length)s caractères)"),
    "string_too_long": gettext_lazy("trop long (au plus %(max_length)s caractères)"),
    "too_short": gettext_lazy("au moins %(min_length)s valeur attendue"),
    "enum": gettext_lazy("valeur « %(input)s » hors du vocabulaire data·inclusion v1"),
    "string_pattern_mismatch": gettext_lazy("format invalide : « %(input)s »"),
    "url_parsing": gettext_lazy("adresse web invalide : « %(input)s »"),
    "url_scheme": gettext_lazy("adresse web invalide : « %(input)s »"),
    "url_type": gettext_lazy("adresse web invalide : « %(input)s »"),
    "date_parsing": gettext_lazy("date invalide : « %(input)s » (attendu AAAA-MM-JJ)"),
    "date_from_datetime_parsing": gettext_lazy("date invalide : « %(input)s » (attendu AAAA-MM-JJ)"),
    "date_type": gettext_lazy("date invalide : « %(input)s »"),
    "float_parsing": gettext_lazy("nombre invalide : « %(input)s »"),
    "float_type": gettext_lazy("nombre attendu"),
    "int_parsing": gettext_lazy("nombre entier invalide : « %(input)s »"),
    "string_type": gettext_lazy("texte attendu"),
    "list_type": gettext_lazy("liste attendue"),
    "set_type": gettext_lazy("liste attendue"),
    "greater_than_equal": gettext_lazy("doit être supérieur ou égal à %(ge)s"),
    "greater_than": gettext_lazy("doit être supérieur à %(gt)s"),
    "less_than_equal": gettext_lazy("doit être inférieur ou égal à %(le)s"),
    "less_than": gettext_lazy("doit être inférieur à %(lt)s"),
    "too_long": gettext_lazy("au plus %(max_length)s valeurs"),
    "url_too_long": gettext_lazy("adresse web trop longue"),
    "int_type": gettext_lazy("nombre entier attendu"),
    "int_from_float": gettext_lazy("nombre entier attendu : « %(input)s »"),
    "bool_parsing": gettext_lazy("oui ou non attendu : « %(input)s »"),
    "bool_type": gettext_lazy("oui ou non attendu"),
    "finite_number": gettext_lazy("nombre attendu : « %(input)s »"),
    "dict_type": gettext_lazy("objet attendu"),
    "extra_forbidden": gettext_lazy("colonne inconnue"),
    "literal_error": gettext_lazy("valeur « %(input)s » non prévue"),
    "avertissement": "%(msg)s",
}
_FRENCH = re.compile(r"[éèêàçù]|^(Le|La|Les|L’|`)")


def french(error: dict) -> str:
    loc = error.get("loc") or ("?",)
    label = FIELD_LABELS.get(str(loc[0]), str(loc[0]))
    kind = error.get("type", "")
    context = {**(error.get("ctx") or {}), "input": str(error.get("input", ""))[:80]}
    library_message = error.get("msg", "").removeprefix("Value error, ")
    if kind in _MESSAGES:
        message = str(_MESSAGES[kind]) % {**context, "msg": library_message}
    elif kind == "value_error" and "email" in library_message:
        message = gettext("courriel invalide : « %(input)s »") % context
    elif _FRENCH.search(library_message):  # the data·inclusion schema's own rules speak French
        message = library_message
    else:  # pydantic's English: say what to do instead
        message = gettext("valeur invalide : « %(input)s » (voir le schéma data·inclusion v1)") % context
    return gettext("« %(label)s » : %(message)s") % {"label": label, "message": message}


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
                raise Rejected(
                    gettext("Ligne non conforme au schéma data·inclusion : %(errors)s") % {"errors": message}
                ) from None
            for error in errors:
                if data.pop(error["loc"][0], None) is not None:
                    warnings.append(gettext("%(error)s — valeur ignorée") % {"error": french(error)})
    raise Rejected(gettext("Ligne non conforme au schéma data·inclusion"))
