"""Completeness and freshness of a place's information, as a coordinator and a user see them."""

from datetime import date, timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.domain import hours

# What a person needs to go there, weighted; the total is 100.
WEIGHTS = {
    "services": 20,
    "horaires": 15,
    "contact": 15,
    "adresse": 15,
    "modalites_acces": 10,
    "publics": 5,
    "frais": 5,
    "presentation": 5,
    "accessibilite": 5,
    "site_web": 5,
}
LABELS = {
    "services": _("services proposés"),
    "horaires": _("horaires d’ouverture"),
    "contact": _("téléphone ou courriel"),
    "adresse": _("adresse précise"),
    "modalites_acces": _("comment y accéder"),
    "publics": _("publics accueillis"),
    "frais": _("gratuité ou coût"),
    "presentation": _("présentation"),
    "accessibilite": _("fiche Acceslibre"),
    "site_web": _("site web"),
}


def _present(place, has_services: bool) -> dict[str, bool]:
    return {
        "services": has_services,
        "horaires": hours.is_valid(place.horaires),
        "contact": bool(place.telephone or place.courriels),
        "adresse": bool(place.adresse and place.has_position and not place.position_approximative),
        "modalites_acces": bool(place.modalites_acces),
        "publics": bool(place.publics_specifiquement_adresses or place.prise_en_charge_specifique),
        "frais": bool(place.frais_a_charge),
        "presentation": bool(place.presentation_resume or place.presentation_detail),
        "accessibilite": bool(place.fiche_acces_libre),
        "site_web": bool(place.site_web),
    }


def completeness(place, has_services: bool | None = None) -> int:
    """0 to 100: the weighted share of the information a user needs that is filled in."""
    if has_services is None:
        has_services = place.pk is not None and place.services.exists()
    present = _present(place, has_services)
    return sum(weight for name, weight in WEIGHTS.items() if present[name])


def missing(place) -> list[str]:
    present = _present(place, place.pk is not None and place.services.exists())
    return [str(LABELS[name]) for name in WEIGHTS if not present[name]]


def is_stale(place, today: date | None = None) -> bool:
    """Information older than ANCRAGE_STALE_AFTER_DAYS (or of unknown age) may be out of date."""
    if place.date_maj is None:
        return True
    today = today or timezone.localdate()
    return place.date_maj < today - timedelta(days=settings.ANCRAGE_STALE_AFTER_DAYS)
