"""Places as a GeoJSON FeatureCollection (RFC 7946): points in WGS84, key facts as properties."""

from collections.abc import Iterable, Iterator

from django.db.models import QuerySet

from directory.models import Place

from .common import date_of, dated_hours, json_array, place_url, published_places
from .lieux import place_mediation, telephone


def located_places() -> QuerySet:
    return published_places().filter(latitude__isnull=False, longitude__isnull=False)


def feature(place: Place, base_url: str) -> dict:
    """One place (its services prefetched) as a GeoJSON Feature."""
    return {
        "type": "Feature",
        "id": str(place.pk),
        "geometry": {"type": "Point", "coordinates": [round(place.longitude, 7), round(place.latitude, 7)]},
        "properties": {
            "id": str(place.pk),
            "nom": place.nom,
            "adresse": place.adresse,
            "complement_adresse": place.complement_adresse,
            "code_postal": place.code_postal,
            "commune": place.commune,
            "code_insee": place.code_insee,
            "position_approximative": place.position_approximative,
            "telephone": telephone(place.telephone),
            "courriels": place.courriels,
            "site_web": place.site_web,
            "horaires": dated_hours(place),
            "services": place_mediation(place),
            "frais_a_charge": place.frais_a_charge,
            "modalites_acces": place.modalites_acces,
            "prise_rdv": place.prise_rdv,
            "date_maj": date_of(place).isoformat(),
            "url": place_url(place, base_url),
        },
    }


def feature_collection(features: Iterable[dict]) -> Iterator[str]:
    """The collection written feature by feature (see `common.json_array`)."""
    yield '{"type": "FeatureCollection", "features": '
    yield from json_array(features)
    yield "}\n"
