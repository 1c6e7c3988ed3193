"""Services as a flat table: one row per service, with its place's name, address and position."""

from directory.models import Service

from .common import date_of, place_url
from .lieux import mediation_from_thematiques, telephone

COLUMNS = [
    "service_id", "service_nom", "description", "type", "thematiques", "services_mediation", "frais",
    "frais_precisions", "publics", "modes_accueil", "modes_mobilisation", "mobilisable_par",
    "lien_mobilisation", "telephone", "courriel", "horaires", "date_maj", "lieu_id", "lieu_nom",
    "adresse", "complement_adresse", "code_postal", "commune", "code_insee", "latitude", "longitude",
    "position_approximative", "url",
]  # fmt: skip


def _join(values) -> str:
    return "|".join(values)


def row(service: Service, base_url: str) -> list[str]:
    place = service.place
    values = {
        "service_id": service.pk,
        "service_nom": service.nom,
        "description": service.description,
        "type": service.type,
        "thematiques": _join(service.thematiques),
        "services_mediation": _join(service.mediation or mediation_from_thematiques(service.thematiques)),
        "frais": service.frais,
        "frais_precisions": service.frais_precisions,
        "publics": _join(service.publics),
        "modes_accueil": _join(service.modes_accueil),
        "modes_mobilisation": _join(service.modes_mobilisation),
        "mobilisable_par": _join(service.mobilisable_par),
        "lien_mobilisation": service.lien_mobilisation,
        "telephone": telephone(service.telephone or place.telephone),
        "courriel": service.courriel or (place.courriels[0] if place.courriels else ""),
        "horaires": service.horaires_accueil or place.horaires,
        "date_maj": date_of(service if service.date_maj else place).isoformat(),
        "lieu_id": place.pk,
        "lieu_nom": place.nom,
        "adresse": place.adresse,
        "complement_adresse": place.complement_adresse,
        "code_postal": place.code_postal,
        "commune": place.commune,
        "code_insee": place.code_insee,
        "latitude": "" if place.latitude is None else place.latitude,
        "longitude": "" if place.longitude is None else place.longitude,
        "position_approximative": "oui" if place.position_approximative else "non",
        "url": place_url(place, base_url),
    }
    return ["" if values[c] is None else str(values[c]) for c in COLUMNS]
