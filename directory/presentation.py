"""Facts about a place, phrased for the people who read them, and the data the map needs."""

from urllib.parse import quote

from directory.domain.search import Page
from standards import dataincl as di

DIRECTIONS = "https://www.openstreetmap.org/directions?to="

ACCESS_PHRASES = {
    "Se présenter": "Sans rendez-vous : présentez-vous aux heures d’ouverture",
    "Téléphoner": "Appelez pour prendre rendez-vous",
    "Contacter par mail": "Écrivez un courriel pour prendre contact",
    "Prendre un RDV en ligne": "Rendez-vous en ligne possible",
    "Envoyer un mail avec une fiche de prescription": "Sur orientation d’un professionnel (fiche de prescription)",
    "Ce lieu n'accueille pas de public": "Ce lieu n’accueille pas de public",
}


def phone_display(value: str) -> str:
    """+33169096292 → 01 69 09 62 92."""
    if value.startswith("+33") and len(value) == 12:
        national = "0" + value[3:]
        return " ".join(national[i : i + 2] for i in range(0, 10, 2))
    return value


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


def place_facts(place, services=None) -> dict:
    services = list(place.services.all()) if services is None else services
    access = [ACCESS_PHRASES[a] for a in place.modalites_acces if a in ACCESS_PHRASES]
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
    }


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
    return {"centre": centre, "rayon": criteria.radius_km, "lieux": markers}


def place_map_data(place) -> dict:
    marker = {"n": "", "lat": place.latitude, "lon": place.longitude, "nom": place.nom, "url": "", "approx": False}
    return {"centre": [place.latitude, place.longitude], "rayon": None, "lieux": [marker]}
