"""Finding the places that answer a need around a point.

The ranking is deliberately simple and explainable: places offering at least one matching
service, within the radius, nearest first (as the crow flies); nothing is promoted.
"""

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from functools import lru_cache
from math import ceil, sqrt

from django.conf import settings
from django.db.models import (
    BooleanField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    prefetch_related_objects,
)
from django.utils import timezone
from django.utils.translation import get_language, gettext

from directory.domain import geo, hours, notices, shared, temporary
from directory.domain.derived import ANY_ZONE
from directory.fields import has_any
from directory.models import Place, Service
from directory.needs import NEEDS, Need
from standards import dataincl as di
from territory.text import fold

ACCUEIL_PRESENTIEL = "presentiel"
ACCUEIL_DISTANCE = "distance"
ACCUEIL_ITINERANT = "itinerant"
OPEN_NOW = "maintenant"
APPROXIMATE_FROM_KM = 5  # beyond, a commune centre's distance is close enough to be said, in whole km
# Ranking and fallbacks (declared in the public register, `directory/algorithm.py`):
SAME_DISTANCE_KM = 1  # places this close in distance count as equally near: a precise address comes first
NEAREST_LIMIT = 3  # a search that found nothing shows this many nearest places, at any distance…
NEAREST_MAX_ROWS = 50  # …among at most this many nearest candidates read
REMOTE_LIMIT = 5  # and this many services given at a distance to the people of the commune


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
    radius_km: int | None = 10  # None: at any distance
    name: str = ""  # words of the place's or its organisation's name
    programmes: list[str] = field(default_factory=list)  # any of these national programmes or labels
    modalities: list[str] = field(default_factory=list)  # any of these kinds of support
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
    hours_unknown: bool = False  # kept under a day filter because its hours are unknown
    notice: str = ""  # a closure, exceptional hours or message in force or announced (`notices.mention`)

    @property
    def distance_label(self) -> str:
        """ "à 1,2 km"; for a place put at its commune's centre, no precise figure: "dans la commune de …"
        nearby, "à environ 17 km, commune de …" farther (where a commune's size no longer matters)."""
        if self.distance_km is None:
            return ""
        if not self.place.position_approximative:
            return gettext("à %(distance)s") % {"distance": geo.format_distance(self.distance_km)}
        commune = self.place.commune
        if not commune:
            of = gettext("inconnue")
        elif (get_language() or "fr").startswith("fr"):
            of = ("d’" if fold(commune[:1]) in "aeiouy" else "de ") + commune
        else:
            of = commune
        if self.distance_km < APPROXIMATE_FROM_KM:
            # Translators: « de Massy » / « d’Évry » in French; the commune's name alone in other languages.
            return gettext("dans la commune %(of_commune)s") % {"of_commune": of}
        return gettext("à environ %(km)s km, commune %(of_commune)s") % {
            "km": round(self.distance_km),
            "of_commune": of,
        }


@dataclass
class Page:
    results: list[Result]
    total: int
    number: int
    page_size: int
    hours_unknown: int = 0  # how many of `total` are kept because their hours are unknown

    @property
    def matching(self) -> list[Result]:
        return [r for r in self.results if not r.hours_unknown]

    @property
    def unknown_hours(self) -> list[Result]:
        return [r for r in self.results if r.hours_unknown]

    @property
    def first_unknown_index(self) -> int:
        return self.first_index + len(self.matching)

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


def _need_on_services(need: Need) -> Q:
    q = Q(pk__in=[])
    if need.mediation:
        q |= has_any("mediation", need.mediation)
    if need.thematiques:
        q |= Q(mediation="") & has_any("thematiques", need.thematiques)
    if need.typologies:
        q |= has_any("place__typologie", need.typologies)
    return q


def _need_on_places(need: Need) -> Q:
    """On the places' stored keys, or on the place's kind (a « Ressourcerie » collects old devices)."""
    keys = [f"m:{v}" for v in need.mediation] + [f"t:{v}" for v in need.thematiques]
    q = has_any("search_keys", keys) if keys else Q(pk__in=[])
    return q | has_any("typologie", need.typologies) if need.typologies else q


def service_conditions(c: Criteria) -> Q:
    """What a service must satisfy, independent of where its place is."""
    q = Q()
    if c.need:
        q &= _need_on_services(c.need)
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
        conditions.append(_need_on_places(c.need))
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
    """Published places that match every criterion but the opening day and the distance."""
    by_keys = key_conditions(c)
    has_services = ~Q(search_keys="")
    if c.need and c.need.typologies:
        has_services |= has_any("typologie", c.need.typologies)
    places = Place.objects.published().filter(has_services, *by_keys)
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
    if c.programmes:
        places = places.filter(has_any("dispositif_programmes_nationaux", c.programmes))
    if c.modalities:
        places = places.filter(has_any("modalites_accompagnement", c.modalities))
    for word in fold(c.name).split():
        places = places.filter(nom_recherche__contains=word)
    return places


def _around(places: QuerySet, c: Criteria) -> QuerySet:
    """Inside the radius (any distance when it is None), nearest first."""
    if not c.has_position:
        return places.order_by("nom", "pk")
    scale = geo.lon_scale(c.latitude)
    dlat, dlon = F("latitude") - c.latitude, F("longitude") - c.longitude
    places = places.filter(latitude__isnull=False, longitude__isnull=False)
    if c.radius_km is not None:
        min_lat, max_lat, min_lon, max_lon = geo.bounding_box(c.latitude, c.longitude, c.radius_km)
        places = places.filter(latitude__range=(min_lat, max_lat), longitude__range=(min_lon, max_lon))
    places = places.annotate(d2=dlat * dlat + dlon * dlon * scale)
    if c.radius_km is not None:
        places = places.filter(d2__lte=(c.radius_km / geo.KM_PER_DEGREE_LAT) ** 2)
    return places.order_by("d2", "nom", "pk")


def _ordered_ids(places: QuerySet, c: Criteria, keep=None, limit: int | None = None) -> list[int]:
    """The places' ids in list order; `keep(pk, horaires, code_insee)` filters on the hours.

    At the same distance (to `SAME_DISTANCE_KM`), a place whose position is its commune's centre comes after
    the places whose address is known.
    """
    hours_fields = ["horaires", "code_insee"] if keep else []
    fields = ["pk", "position_approximative", *(["d2"] if c.has_position else []), *hours_fields]
    rows = places.values_list(*fields)
    rows = list(rows[:limit] if limit else rows)
    if keep:
        rows = [row for row in rows if keep(row[0], row[-2], row[-1])]
    if c.has_position:
        rows.sort(key=lambda row: (_distance_band(row[2]), row[1]))  # stable: d2 order kept
    return [row[0] for row in rows]


def _distance_band(d2: float) -> int:
    """Places in one band (`SAME_DISTANCE_KM` wide) count as equally near."""
    return int(sqrt(d2) * geo.KM_PER_DEGREE_LAT / SAME_DISTANCE_KM)


def _opens(c: Criteria, day: int, now: datetime, moment: datetime):
    """`keep(horaires, code_insee)` for a day filter: open now (in the place's zone), or open that weekday in
    the coming days (the stored weekdays, any season, only narrowed the places down)."""
    if c.open_when == OPEN_NOW:
        return lambda horaires, insee: hours.is_open_at(horaires, moment, insee)
    return lambda horaires, insee: hours.opens_on_weekday(horaires, day, now.date())


def _hours_unknown(horaires: str, insee: str) -> bool:
    return not hours.is_valid(horaires)


def _open_day(c: Criteria, now: datetime) -> int:
    return now.isoweekday() if c.open_when == OPEN_NOW else int(c.open_when)


def _results(c: Criteria, conditions: Q, ids: list[int], unknown: set[int], moment: datetime) -> list[Result]:
    by_id = Place.objects.in_bulk(ids)
    chosen = [by_id[pk] for pk in ids]
    services = Prefetch("services", queryset=Service.objects.filter(conditions), to_attr="matching")
    prefetch_related_objects(chosen, services)
    dated = temporary.for_places(ids, moment)  # one query for the page
    minute = moment.replace(second=0, microsecond=0)  # what `hours.status` reads of it
    return [
        Result(
            place=p,
            services=p.matching,
            distance_km=geo.distance_km(c.latitude, c.longitude, p.latitude, p.longitude)
            if c.has_position and p.has_position
            else None,
            status=temporary.status(p, dated[p.pk], moment)
            if dated[p.pk]
            else _status(p.horaires, minute, p.code_insee, get_language()),
            hours_unknown=p.pk in unknown,
            notice=notices.mention(p, dated[p.pk], moment),
        )
        for p in chosen
    ]


@lru_cache(maxsize=8192)
def _status(horaires: str, minute: datetime, code_insee: str, language: str | None) -> hours.Status:
    """`hours.status`, remembered by this process: a pure function of the hours, the minute and the place's
    zone (and of the page's language, for its label), and the same few hours strings come back on every
    results page."""
    return hours.status(horaires, minute, code_insee)


def search(
    c: Criteria, page: int = 1, page_size: int = 20, now: datetime | None = None, max_rows: int | None = None
) -> Page:
    """The places that answer `c`, nearest first.

    Under a day or « open now » filter, the places whose hours are unknown (none given, or not readable)
    are not taken for closed: they follow the matching ones, flagged `hours_unknown`. `max_rows` bounds
    the places read (the nearest ones), for a search at any distance.
    """
    moment = now or timezone.now()  # each place's status is computed in its own time zone
    now = hours.to_local(moment)  # the filters use the site's local day
    conditions = service_conditions(c)
    places = _around(_places(c, conditions, now), c)
    unknown_ids: list[int] = []
    if c.open_when:
        day = _open_day(c, now)
        dated = temporary.Dated(now.date())  # closures and exceptional hours: one query
        days = temporary.days_asked(None if c.open_when == OPEN_NOW else day, moment)
        may_open = Q(jours_ouverture__contains=f"|{day}|") | dated.with_hours()
        ids = _ordered_ids(places.filter(may_open), c, dated.keep(_opens(c, day, now, moment), days), max_rows)
        unknown = places.filter(jours_ouverture="")
        unknown_ids = _ordered_ids(unknown, c, dated.keep(_hours_unknown, days), max_rows)
    else:
        ids = _ordered_ids(places, c, limit=max_rows)
    ids += unknown_ids
    total = len(ids)
    page = min(max(1, page), max(1, ceil(total / page_size)))
    page_ids = ids[(page - 1) * page_size : page * page_size]
    results = _results(c, conditions, page_ids, set(unknown_ids), moment)
    return Page(results=results, total=total, number=page, page_size=page_size, hours_unknown=len(unknown_ids))


def count(c: Criteria, now: datetime | None = None) -> int:
    """How many places `search(c)` lists (the matching ones and those with unknown hours)."""
    return search(c, page_size=1, now=now).total


def nearest(c: Criteria, limit: int | None = None, now: datetime | None = None) -> list[Result]:
    """The nearest places that match every criterion, at any distance: for a search that found nothing."""
    if not c.has_position:
        return []
    limit = NEAREST_LIMIT if limit is None else limit
    return search(replace(c, radius_km=None), page_size=limit, now=now, max_rows=NEAREST_MAX_ROWS).results


def remote_for(c: Criteria, limit: int | None = None, now: datetime | None = None) -> list[Result]:
    """Services given at a distance to the people of the searched commune, wherever the place is."""
    if not c.code_insee or c.accueil == ACCUEIL_DISTANCE:
        return []
    remote = replace(c, accueil=ACCUEIL_DISTANCE, radius_km=None)
    limit = REMOTE_LIMIT if limit is None else limit
    return search(remote, page_size=limit, now=now, max_rows=NEAREST_MAX_ROWS).results


def needs_with_places() -> set[str]:
    """The needs that at least one published place answers (the others are not offered as if they had some).

    Remembered in the shared cache until the next write to places or services (`shared.forget`)."""
    return shared.remembered("needs-with-places", _needs_with_places)


def _needs_with_places() -> set[str]:
    published = Place.objects.published()
    return {need.slug for need in NEEDS if published.filter(_need_on_places(need)).exists()}


def needs_of(place: Place) -> list[Need]:
    """The needs a place answers (its stored search keys, or its kind), in the needs' order: ONE query."""
    checks = {
        need.slug: ExpressionWrapper(_need_on_places(need), output_field=BooleanField())
        for need in NEEDS
        if need.mediation or need.thematiques or need.typologies
    }
    found = Place.objects.filter(pk=place.pk).values(**checks).first() or {}
    return [need for need in NEEDS if found.get(need.slug)]
