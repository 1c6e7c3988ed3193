"""The places of the directory that help with administrative procedures, nearest the person's commune."""

from directory.domain.search import Criteria, Result, search
from directory.needs import BY_SLUG
from territory.models import Commune

NEED = "demarches"  # « Faire mes démarches administratives en ligne (CAF, impôts, santé, retraite…) »
RADIUS_KM = 15


def places_near(code_insee: str, limit: int = 3) -> list[Result]:
    commune = Commune.objects.filter(pk=code_insee).first()
    if commune is None or commune.latitude is None:
        return []
    criteria = Criteria(
        latitude=commune.latitude,
        longitude=commune.longitude,
        place_label=commune.nom,
        code_insee=commune.code_insee,
        departement=commune.departement,
        epci=commune.epci_id or "",
        need=BY_SLUG[NEED],
        radius_km=RADIUS_KM,
    )
    return search(criteria, page_size=limit).results
