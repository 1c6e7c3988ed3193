"""What a structure may edit on a place and a service, and how each value reads for a person.

Fields are named after the model (the lieux standard for places, data·inclusion for services). The address is
one unit: a new commune brings its INSEE code and, until a coordinator places it precisely, its centre as the
position; those linked fields are reviewed (accepted or reverted) together with the commune.
"""

from django.utils.translation import gettext as _

from directory.models import Place, Service
from directory.presentation import phone_display

PLACE_FIELDS = [
    "nom", "presentation_resume", "presentation_detail",
    "adresse", "complement_adresse", "code_postal", "commune",
    "telephone", "courriels", "site_web", "prise_rdv",
    "horaires", "horaires_precisions",
    "modalites_acces", "modalites_accompagnement", "frais_a_charge",
    "publics_specifiquement_adresses", "prise_en_charge_specifique", "itinerance", "fiche_acces_libre",
]  # fmt: skip
ADDRESS_LINKED = ["code_insee", "latitude", "longitude", "position_approximative"]
SERVICE_FIELDS = [
    "nom", "description", "mediation", "frais", "frais_precisions", "publics", "publics_precisions",
    "conditions_acces", "modes_accueil", "modes_mobilisation", "telephone", "courriel", "horaires_accueil",
]  # fmt: skip
HOURS_FIELDS = {"horaires", "horaires_accueil"}

_GROUPS = dict.fromkeys(("code_postal", *ADDRESS_LINKED), "commune")


def group(field: str) -> str:
    """The unit a moderator accepts or reverts: the field itself, or « commune » for the linked address fields."""
    return _GROUPS.get(field, field)


def model_of(contribution):
    return Service if contribution.service_name or contribution.service_id else Place


def label(model, field: str) -> str:
    return str(model._meta.get_field(field).verbose_name).replace(" (format OpenStreetMap)", "").capitalize()


def readable(model, field: str, value) -> str:
    """A stored (JSON) value as a person reads it: vocabulary labels, hours in words, « oui » / « non »."""
    from contributions.hours import in_words

    if field in HOURS_FIELDS:
        if field == "horaires_accueil" and not value:
            return _("Les horaires du lieu")
        return in_words(value or "")
    if value in (None, "", []):
        return _("(vide)")
    if isinstance(value, bool):
        return _("oui") if value else _("non")
    model_field = model._meta.get_field(field)
    vocabulary = getattr(model_field, "vocabulary", None)
    if isinstance(value, list):
        return ", ".join(vocabulary.label(v) if vocabulary else str(v) for v in value)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if field == "telephone":
        return phone_display(str(value))
    return str(value)
