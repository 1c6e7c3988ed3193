"""Finding the places that answer a need around a point.

The ranking is deliberately simple and explainable: places offering at least one matching
service, within the radius, nearest first (as the crow flies); nothing is promoted.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from math import ceil

from django.conf import settings
from django.db.models import Exists, F, OuterRef, Prefetch, Q, QuerySet, prefetch_related_objects
from django.utils import timezone

from directory.domain import geo, hours
from directory.domain.derived import ANY_ZONE
from directory.fields import has_any
from directory.models import Place, Service
from directory.needs import Need
from standards import dataincl as di

ACCUEIL_PRESENTIEL = "presentiel"
ACCUEIL_DISTANCE = "distance"
ACCUEIL_ITINERANT = "itinerant"
OPEN_NOW = "maintenant"


@dataclass
class Criteria:
    """What a person asked for; built by `directory.forms.SearchForm` from the URL."""

    latitude: float | None = None
    longitude: float | None = None
    place_label: str = ""
    code_insee: str = ""
    departement: str = ""
    epci: str = ""
    need: Need | None = None
    radius_km: int = 10
    accueil: str = ""
    free_only: bool = False
    publics: list[str] = field(default_factory=list)
    supports: list[str] = field(default_factory=list)
    open_when: str = ""  # "" | "maintenant" | "1".."7" (ISO weekday)
    booking_online: bool = False
    include_stale: bool = False

    @property
    def has_position(self) -> bool:
        return self.latitude is not None and self.longitude is not None


@dataclass
class Result:
    place: Place
    services: list[Service]
    distance_km: float | None
    status: hours.Status

    @property
    def distance_label(self) -> str:
        return geo.format_distance(self.distance_km) if self.distance_km is not None else ""


@dataclass
class Page:
    results: list[Result]
    total: int
    number: int
    page_size: int

    @property
    def num_pages(self) -> int:
        return max(1, ceil(self.total / self.page_size))

    @property
    def has_next(self) -> bool:
        return self.number < self.num_pages

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def first_index(self) -> int:
        return (self.number - 1) * self.page_size + 1 if self.total else 0

    @property
    def last_index(self) -> int:
        return min(self.total, self.number * self.page_size)


def service_conditions(c: Criteria) -> Q:
    """What a service must satisfy, independent of where its place is."""
    q = Q()
    if c.need:
        q &= has_any("mediation", c.need.mediation) | (Q(mediation="") & has_any("thematiques", c.need.thematiques))
    if c.accueil == ACCUEIL_DISTANCE:
        q &= Q(modes_accueil__has=di.A_DISTANCE)
        if c.code_insee:
            zones = ["france", c.code_insee, c.departement, c.epci]
            q &= Q(zone_eligibilite="") | has_any("zone_eligibilite", [z for z in zones if z])
    elif c.accueil == ACCUEIL_PRESENTIEL:
        q &= Q(modes_accueil__has=di.EN_PRESENTIEL) | Q(modes_accueil="")
    if c.free_only:
        q &= Q(frais=di.GRATUIT)
    if c.publics:
        q &= has_any("publics", [*c.publics, di.TOUS_PUBLICS]) | Q(publics="")
    if c.booking_online:
        q &= (
            ~Q(lien_mobilisation="")
            | ~Q(place__prise_rdv="")
            | Q(place__modalites_acces__has="Prendre un RDV en ligne")
        )
    return q


def key_conditions(c: Criteria) -> list[Q]:
    """The same service-level conditions, one Q each, on the places' stored search keys."""
    conditions = []
    if c.need:
        need_keys = [f"m:{v}" for v in c.need.mediation] + [f"t:{v}" for v in c.need.thematiques]
        conditions.append(has_any("search_keys", need_keys))
    if c.accueil == ACCUEIL_DISTANCE:
        if c.code_insee:
            zones = [ANY_ZONE, "france", c.code_insee, c.departement, c.epci]
            conditions.append(has_any("search_keys", [f"d:{z}" for z in zones if z]))
        else:
            conditions.append(Q(search_keys__contains="|d:"))
    elif c.accueil == ACCUEIL_PRESENTIEL:
        conditions.append(Q(search_keys__has="a:presentiel"))
    if c.free_only:
        conditions.append(Q(search_keys__has=f"f:{di.GRATUIT}"))
    if c.publics:
        conditions.append(has_any("search_keys", [f"p:{p}" for p in (*c.publics, di.TOUS_PUBLICS)]))
    if c.booking_online:
        conditions.append(
            Q(search_keys__has="r:lien") | ~Q(prise_rdv="") | Q(modalites_acces__has="Prendre un RDV en ligne")
        )
    return conditions


def _places(c: Criteria, conditions: Q, now: datetime) -> QuerySet:
    by_keys = key_conditions(c)
    places = Place.objects.published().exclude(search_keys="").filter(*by_keys)
    if len(by_keys) > 1:
        # Each condition holds for some service of the place; one service must meet them all.
        places = places.filter(Exists(Service.objects.filter(conditions, place=OuterRef("pk"))))
    hide_after = settings.ANCRAGE_HIDE_AFTER_DAYS
    if hide_after and not c.include_stale:
        places = places.filter(date_maj__gte=now.date() - timedelta(days=hide_after))
    if c.accueil == ACCUEIL_ITINERANT:
        places = places.filter(itinerance__has="Itinérant")
    for support in c.supports:
        places = places.filter(prise_en_charge_specifique__has=support)
    if c.open_when == OPEN_NOW:
        places = places.filter(jours_ouverture__contains=f"|{now.isoweekday()}|")
    elif c.open_when:
        places = places.filter(jours_ouverture__contains=f"|{c.open_when}|")
    if not c.has_position:
        return places.order_by("nom", "pk")
    min_lat, max_lat, min_lon, max_lon = geo.bounding_box(c.latitude, c.longitude, c.radius_km)
    scale = geo.lon_scale(c.latitude)
    dlat, dlon = F("latitude") - c.latitude, F("longitude") - c.longitude
    return (
        places.filter(latitude__range=(min_lat, max_lat), longitude__range=(min_lon, max_lon))
        .annotate(d2=dlat * dlat + dlon * dlon * scale)
        .filter(d2__lte=(c.radius_km / geo.KM_PER_DEGREE_LAT) ** 2)
        .order_by("d2", "nom", "pk")
    )


def search(c: Criteria, page: int = 1, page_size: int = 20, now: datetime | None = None) -> Page:
    moment = now or timezone.now()  # each place's status is computed in its own time zone
    now = hours.to_local(moment)  # the filters use the site's local day
    conditions = service_conditions(c)
    places = _places(c, conditions, now)
    # One query for the ordered ids (the count is their number), one for the page's rows.
    if c.open_when == OPEN_NOW:
        rows = places.values_list("pk", "horaires", "code_insee")
        ids = [pk for pk, horaires, insee in rows if hours.is_open_at(horaires, moment, insee)]
    else:
        ids = list(places.values_list("pk", flat=True))
    total = len(ids)
    page = min(max(1, page), max(1, ceil(total / page_size)))
    page_ids = ids[(page - 1) * page_size : page * page_size]
    by_id = Place.objects.in_bulk(page_ids)
    chosen = [by_id[pk] for pk in page_ids]
    services = Prefetch("services", queryset=Service.objects.filter(conditions), to_attr="matching")
    prefetch_related_objects(chosen, services)
    results = [
        Result(
            place=p,
            services=p.matching,
            distance_km=geo.distance_km(c.latitude, c.longitude, p.latitude, p.longitude)
            if c.has_position and p.has_position
            else None,
            status=hours.status(p.horaires, moment, p.code_insee),
        )
        for p in chosen
    ]
    return Page(results=results, total=total, number=page, page_size=page_size)
