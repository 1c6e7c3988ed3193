"""Facts about a place, phrased for the people who read them, and the data the map needs."""

import re
from urllib.parse import quote

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from directory.domain import hours, temporary
from directory.domain.search import Page
from standards import dataincl as di
from standards import lieux
from web import french

DIRECTIONS = "https://www.openstreetmap.org/directions?to="
NBSP = "\u00a0"
ACCESS_PHRASES = {
    "Se présenter": _("Sans rendez-vous : présentez-vous aux heures d’ouverture"),
    "Téléphoner": _("Appelez pour prendre rendez-vous"),
    "Contacter par mail": _("Écrivez un courriel pour prendre contact"),
    "Prendre un RDV en ligne": _("Rendez-vous en ligne possible"),
    "Envoyer un mail avec une fiche de prescription": _("Sur orientation d’un professionnel (fiche de prescription)"),
    "Ce lieu n'accueille pas de public": _("Ce lieu n’accueille pas de public"),
}


# The one mapping from the source codes found in the data to names a person recognises.
SOURCE_NAMES = {
    "conseiller-numerique": _("Cartographie nationale des lieux de médiation numérique (conseillers numériques)"),
    "cartographie-nationale": _("Cartographie nationale des lieux de médiation numérique"),
    "mediation-numerique": _("Cartographie nationale des lieux de médiation numérique"),
    "lieux-mediation-numerique": _("Cartographie nationale des lieux de médiation numérique"),
    "dora": _("DORA via data·inclusion"),
    "siao": _("SIAO (service intégré d’accueil et d’orientation) via data·inclusion"),
    "soliguide": _("Soliguide via data·inclusion"),
    "cd35": _("Département d’Ille-et-Vilaine via data·inclusion"),
    "data-inclusion": _("data·inclusion"),
    "dataincl": _("data·inclusion"),
    "france-services": _("Programme France Services (liste nationale)"),
    "tableur": _("Tableur déposé par l’équipe de coordination"),
    "coordination": _("L’équipe de coordination du territoire"),
    "structure": _("La structure qui tient ce lieu"),
    "admin": _("L’équipe de coordination du territoire"),
}
_CODE = re.compile(r"^[a-z0-9]+([-_.][a-z0-9]+)*$")


def source_label(code: str) -> str:
    """A source as people know it; an unknown internal code is never shown as such."""
    code = (code or "").strip()
    if not code:
        return ""
    if code.lower() in SOURCE_NAMES:
        return str(SOURCE_NAMES[code.lower()])
    return gettext("une source partenaire de l’annuaire") if _CODE.match(code) else code


def contact_ask(place) -> str:
    """How to ask the place something, from the contact that exists ("" when none does)."""
    if place.telephone:
        return gettext("appelez le lieu")
    if place.courriels:
        return gettext("écrivez au lieu")
    if place.site_web:
        return gettext("consultez le site du lieu")
    return ""


def phone_display(value: str) -> str:
    """+33169096292 → 01 69 09 62 92."""
    return french.phone(value)


def fee_label(place, services) -> str:
    fees = set(place.frais_a_charge)
    if "Payant" in fees and not fees & {"Gratuit", "Gratuit sous condition"}:
        return gettext("Payant")
    if "Gratuit sous condition" in fees:
        return gettext("Gratuit sous conditions")
    if "Gratuit" in fees or any(s.frais == di.GRATUIT for s in services):
        return gettext("Gratuit")
    return ""


def directions_url(place) -> str:
    """A directions link to the place: its coordinates when they are its own, else its address in words
    (a commune's centre is not where the place is)."""
    address = ", ".join(part for part in (place.adresse, f"{place.code_postal} {place.commune}".strip()) if part)
    if place.has_position and not place.position_approximative:
        return f"{DIRECTIONS}{place.latitude:.6f}%2C{place.longitude:.6f}"
    return DIRECTIONS + quote(address) if place.adresse else ""


def _access_phrases(place) -> list[str]:
    phrases = []
    for value in place.modalites_acces:
        if value == "Téléphoner" and not place.telephone:
            phrases.append(gettext("Rendez-vous par téléphone (le numéro n’est pas connu ici)"))
        elif value == "Contacter par mail" and not place.courriels:
            phrases.append(gettext("Contact par courriel (l’adresse n’est pas connue ici)"))
        elif value in ACCESS_PHRASES:
            phrases.append(str(ACCESS_PHRASES[value]))
    return phrases


def place_facts(place, services=None) -> dict:
    services = list(place.services.all()) if services is None else services
    access = _access_phrases(place)
    remote = any(di.A_DISTANCE in s.modes_accueil for s in services) or "À distance" in place.modalites_accompagnement
    return {
        "fee": fee_label(place, services),
        "access": access,
        "phone": phone_display(place.telephone),
        "remote": remote,
        "itinerant": "Itinérant" in place.itinerance,
        "publics": [lieux.PUBLICS_SPECIFIQUEMENT_ADRESSES.label(v) for v in place.publics_specifiquement_adresses],
        "supports": [lieux.PRISE_EN_CHARGE_SPECIFIQUE.label(v) for v in place.prise_en_charge_specifique],
        "accompaniment": [lieux.MODALITES_ACCOMPAGNEMENT.label(v) for v in place.modalites_accompagnement],
        "programmes": [lieux.DISPOSITIF_PROGRAMMES_NATIONAUX.label(v) for v in place.dispositif_programmes_nationaux],
        "labels": [lieux.FORMATIONS_LABELS.label(v) for v in place.formations_labels],
        "directions": directions_url(place),
        "ask": contact_ask(place),
        "source": source_label(place.source),
        "has_contact": bool(place.telephone or place.courriels or place.site_web or place.prise_rdv),
    }


def service_details(place, services, dated=()) -> list[dict]:
    """Each service with what it has of its own (hours, phone, e-mail), phrased like the place's; its own hours
    with the place's closures and exceptional hours and its own (`dated`: the place's temporary information)."""
    details = []
    for service in services:
        own_hours = service.horaires_accueil.strip() if service.horaires_accueil.strip() != place.horaires else ""
        phone = service.telephone if service.telephone and service.telephone != place.telephone else ""
        email = service.courriel if service.courriel and service.courriel not in place.courriels else ""
        details.append(
            {
                "service": service,
                "status": temporary.status(place, dated, service=service) if hours.is_valid(own_hours) else None,
                "week": temporary.week_table(place, dated, service=service) if own_hours else [],
                "hours_text": hours.readable_text(own_hours),
                "phone": phone,
                "phone_display": phone_display(phone),
                "email": email,
            }
        )
    return details


def map_data(page: Page, criteria) -> dict:
    """JSON for the results map: the search centre and numbered markers in list order."""
    markers = [
        {
            "n": page.first_index + i,
            "lat": r.place.latitude,
            "lon": r.place.longitude,
            "nom": r.place.nom,
            "url": r.place.get_absolute_url(),
            "approx": r.place.position_approximative,
        }
        for i, r in enumerate(page.results)
        if r.place.has_position
    ]
    centre = [criteria.latitude, criteria.longitude] if criteria.has_position else None
    return {"centre": centre, "libelle": criteria.place_label, "rayon": criteria.radius_km, "lieux": markers}


SEARCH_PARAMETERS = {"besoin", "ou", "rayon", "accueil", "ouvert", "gratuit", "rdv", "public", "accompagnement",
                     "lat", "lon", "page", "anciens"}  # fmt: skip


def search_query(params) -> str:
    """The search parameters of a query string (a place page's « Retour aux résultats »), URL-encoded."""
    kept = params.copy()
    for key in list(kept):
        if key not in SEARCH_PARAMETERS:
            del kept[key]
    return kept.urlencode()


def place_map_data(place) -> dict:
    marker = {"n": "", "lat": place.latitude, "lon": place.longitude, "nom": place.nom, "url": "", "approx": False}
    return {"centre": None, "rayon": None, "lieux": [marker]}
