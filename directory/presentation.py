"""Facts about a place, phrased for the people who read them, and the data the map needs."""

import re
from urllib.parse import quote

from directory.domain import hours, temporary
from directory.domain.search import Page
from standards import dataincl as di
from web import french

DIRECTIONS = "https://www.openstreetmap.org/directions?to="
NBSP = "\u00a0"
ACCESS_PHRASES = {
    "Se présenter": f"Sans rendez-vous{NBSP}: présentez-vous aux heures d’ouverture",
    "Téléphoner": "Appelez pour prendre rendez-vous",
    "Contacter par mail": "Écrivez un courriel pour prendre contact",
    "Prendre un RDV en ligne": "Rendez-vous en ligne possible",
    "Envoyer un mail avec une fiche de prescription": "Sur orientation d’un professionnel (fiche de prescription)",
    "Ce lieu n'accueille pas de public": "Ce lieu n’accueille pas de public",
}


# The one mapping from the source codes found in the data to names a person recognises.
SOURCE_NAMES = {
    "conseiller-numerique": "Cartographie nationale des lieux de médiation numérique (conseillers numériques)",
    "cartographie-nationale": "Cartographie nationale des lieux de médiation numérique",
    "mediation-numerique": "Cartographie nationale des lieux de médiation numérique",
    "lieux-mediation-numerique": "Cartographie nationale des lieux de médiation numérique",
    "dora": "DORA via data·inclusion",
    "siao": "SIAO (service intégré d’accueil et d’orientation) via data·inclusion",
    "soliguide": "Soliguide via data·inclusion",
    "cd35": "Département d’Ille-et-Vilaine via data·inclusion",
    "data-inclusion": "data·inclusion",
    "dataincl": "data·inclusion",
    "france-services": "Programme France Services (liste nationale)",
    "tableur": "Tableur déposé par l’équipe de coordination",
    "coordination": "L’équipe de coordination du territoire",
    "structure": "La structure qui tient ce lieu",
    "admin": "L’équipe de coordination du territoire",
}
_CODE = re.compile(r"^[a-z0-9]+([-_.][a-z0-9]+)*$")


def source_label(code: str) -> str:
    """A source as people know it; an unknown internal code is never shown as such."""
    code = (code or "").strip()
    if not code:
        return ""
    if code.lower() in SOURCE_NAMES:
        return SOURCE_NAMES[code.lower()]
    return "une source partenaire de l’annuaire" if _CODE.match(code) else code


def contact_ask(place) -> str:
    """How to ask the place something, from the contact that exists ("" when none does)."""
    if place.telephone:
        return "appelez le lieu"
    if place.courriels:
        return "écrivez au lieu"
    if place.site_web:
        return "consultez le site du lieu"
    return ""


def phone_display(value: str) -> str:
    """+33169096292 → 01 69 09 62 92."""
    return french.phone(value)


def fee_label(place, services) -> str:
    fees = set(place.frais_a_charge)
    if "Payant" in fees and not fees & {"Gratuit", "Gratuit sous condition"}:
        return "Payant"
    if "Gratuit sous condition" in fees:
        return "Gratuit sous conditions"
    if "Gratuit" in fees or any(s.frais == di.GRATUIT for s in services):
        return "Gratuit"
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
            phrases.append("Rendez-vous par téléphone (le numéro n’est pas connu ici)")
        elif value == "Contacter par mail" and not place.courriels:
            phrases.append("Contact par courriel (l’adresse n’est pas connue ici)")
        elif value in ACCESS_PHRASES:
            phrases.append(ACCESS_PHRASES[value])
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
        "publics": place.publics_specifiquement_adresses,
        "supports": place.prise_en_charge_specifique,
        "accompaniment": place.modalites_accompagnement,
        "programmes": place.dispositif_programmes_nationaux,
        "labels": place.formations_labels,
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
