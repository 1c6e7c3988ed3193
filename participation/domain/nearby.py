"""Open requests like the one being written: same category, within a few hundred metres, or in the same commune
when either has no map point. Proposed before posting so that people support (« Moi aussi ») rather than repeat."""

import math

from django.conf import settings

from participation.models import Request

EARTH_RADIUS_M = 6_371_000


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(a))


def similar(category, commune, latitude=None, longitude=None, *, exclude=None, limit: int = 5) -> list[Request]:
    """Open public requests of `category` near the point (bounding box in SQL, exact distance in Python), else
    in `commune`; nearest first, then most supported."""
    metres = settings.ANCRAGE_REQUEST_NEARBY_METRES
    rows = Request.objects.filter(category=category, status__in=Request.OPEN).select_related("category", "commune")
    if exclude is not None:
        rows = rows.exclude(pk=exclude.pk)
    if latitude is None or longitude is None:
        found = [(0.0, r) for r in rows.filter(commune=commune)[:200]]
    else:
        dlat = metres / 111_320
        dlon = metres / (111_320 * max(math.cos(math.radians(latitude)), 0.01))
        located = rows.filter(
            latitude__range=(latitude - dlat, latitude + dlat), longitude__range=(longitude - dlon, longitude + dlon)
        )
        found = [(distance_m(latitude, longitude, r.latitude, r.longitude), r) for r in located[:200]]
        found = [(d, r) for d, r in found if d <= metres]
        found += [(float(metres), r) for r in rows.filter(commune=commune, latitude__isnull=True)[:50]]
    found.sort(key=lambda pair: (pair[0], -pair[1].pk))
    return [r for _, r in found[:limit]]
