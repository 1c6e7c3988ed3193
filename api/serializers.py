"""Places and services as the API shows them: data·inclusion v1 fields, plus a few lieux-standard ones.

A place is a data·inclusion `Structure` with what the « lieux de médiation numérique » standard adds
(`services_mediation`, access, support, fees…); a service is a data·inclusion `Service` with its
lieux services. Both reuse the open-data serialisers so that API and downloads always agree.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

from directory.domain.search import Result
from directory.models import Place, Service
from opendata.exports import dataincl
from opendata.exports.lieux import mediation_from_thematiques, place_mediation
from territory.timezones import timezone_for_insee


def place(obj: Place, base_url: str) -> dict:
    """Needs `services` prefetched (for `services_mediation`)."""
    return {
        **dataincl.structure(obj, base_url),
        "latitude": obj.latitude,  # also when approximate (the commune's centre): see position_approximative
        "longitude": obj.longitude,
        "services_mediation": place_mediation(obj),
        "typologie": obj.typologie,
        "position_approximative": obj.position_approximative,
        "itinerance": obj.itinerance,
        "publics_specifiquement_adresses": obj.publics_specifiquement_adresses,
        "prise_en_charge_specifique": obj.prise_en_charge_specifique,
        "frais_a_charge": obj.frais_a_charge,
        "modalites_acces": obj.modalites_acces,
        "modalites_accompagnement": obj.modalites_accompagnement,
        "dispositif_programmes_nationaux": obj.dispositif_programmes_nationaux,
        "prise_rdv": obj.prise_rdv or None,
        "score_completude": obj.score_completude,
    }


def service(obj: Service, base_url: str) -> dict:
    """Needs `place` loaded (select_related)."""
    return {
        **dataincl.service(obj, base_url),
        "services_mediation": obj.mediation or mediation_from_thematiques(obj.thematiques),
        "structure_nom": obj.place.nom,
    }


def moment(value: datetime | None, code_insee: str) -> str | None:
    """ISO 8601 with its UTC offset (RFC 3339, as the document's `date-time` says); the search gives the
    place's wall-clock time, so a naive moment is in the place's own time zone."""
    if value is None:
        return None
    if timezone.is_naive(value):
        value = value.replace(tzinfo=ZoneInfo(timezone_for_insee(code_insee)))
    return value.isoformat()


def result(found: Result, base_url: str) -> dict:
    """One search result: the place, its matching services, the distance and whether it is open."""
    status = found.status
    return {
        "structure": place(found.place, base_url),
        "services": [service(s, base_url) for s in found.services],
        "distance_km": round(found.distance_km, 2) if found.distance_km is not None else None,
        "ouverture": {
            "horaires_connus": status.known,
            "ouvert": status.is_open if status.known else None,
            "libelle": status.label,
            "prochaine_ouverture": moment(status.next_opening, found.place.code_insee),
        },
    }
