"""Finding events: the dates to come near a commune, in a period, by theme and public, as the public sees them."""

import datetime
from dataclasses import dataclass
from itertools import groupby

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext

from accounts.permissions import sees_trainings
from agenda.models import Event, Occurrence
from directory.domain.geo import bounding_box, distance_km

DEFAULT_DAYS = 60
MAX_RESULTS = 200


@dataclass
class Found:
    occurrence: Occurrence
    distance: float | None  # km; None online


def visible_events(user):
    """Published events this visitor may see: trainings for aidants only for professionals."""
    events = Event.objects.published()
    return events if sees_trainings(user) else events.exclude(kind=Event.Kind.TRAINING)


def upcoming(user, *, events=None, start=None, end=None):
    """Dates to come (not cancelled) of the visible events, in order, with what the pages show."""
    now = timezone.now()
    start_at = max(now, _local_start(start)) if start else now
    dates = Occurrence.objects.filter(
        event__in=events if events is not None else visible_events(user), cancelled=False, starts_at__gte=start_at
    )
    if end:
        dates = dates.filter(starts_at__lt=_local_start(end + datetime.timedelta(days=1)))
    return dates.select_related("event__place", "event__structure", "event__programme").order_by("starts_at", "pk")


def _local_start(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def find(user, *, commune=None, radius=10, start=None, end=None, theme="", public="") -> list[Found]:
    events = visible_events(user)
    if theme:
        events = events.filter(theme=theme)
    if public:
        events = events.filter(audience__in=[public, Event.Audience.ALL])
    if commune is not None and commune.latitude is not None:
        south, north, west, east = bounding_box(commune.latitude, commune.longitude, radius)
        near = Q(latitude__range=(south, north), longitude__range=(west, east))
        events = events.filter(near | Q(mode=Event.Mode.ONLINE))
    end = end or (start or timezone.localdate()) + datetime.timedelta(days=DEFAULT_DAYS)
    found = []
    for occurrence in upcoming(user, events=events, start=start, end=end)[: MAX_RESULTS * 2]:
        event = occurrence.event
        distance = None
        if commune is not None and event.latitude is not None and commune.latitude is not None:
            distance = distance_km(commune.latitude, commune.longitude, event.latitude, event.longitude)
            if distance > radius:
                continue
        found.append(Found(occurrence, distance))
    return found[:MAX_RESULTS]


def by_day(items, key=lambda item: item.occurrence):
    """[(local date, [items])] in order."""
    return [(day, list(group)) for day, group in groupby(items, key=lambda i: timezone.localdate(key(i).starts_at))]


def by_day_and_commune(occurrences):
    """A programme's page: [(day, [(commune, [occurrences])])], communes in alphabetical order, online last."""
    days = []
    online = gettext("En ligne")
    for day, dates in by_day(occurrences, key=lambda o: o):
        communes = {}
        for occurrence in dates:
            communes.setdefault(occurrence.event.commune or online, []).append(occurrence)
        ordered = sorted(communes.items(), key=lambda pair: (pair[0] == online, pair[0]))
        days.append((day, ordered))
    return days


WIDER_RADIUS = 50
WIDER_DAYS = 180


def when_nothing(user, criteria: dict, params) -> dict:
    """A search that found nothing: what was searched, and a wider search (radius, dates) offered only when it
    was counted first and finds something; the help line and the directory."""
    from django.conf import settings
    from django.utils.http import urlencode

    today = timezone.localdate()
    start, end = criteria.get("start"), criteria.get("end")
    wider = {**criteria, "radius": max(criteria.get("radius") or 10, WIDER_RADIUS), "end": None,
             "start": start if start and start > today else None}  # fmt: skip
    wider["end"] = (wider["start"] or today) + datetime.timedelta(days=WIDER_DAYS)
    widen = None
    found = len(find(user, **wider))
    if found:
        query = {key: value for key, value in params.items() if key not in ("rayon", "du", "au")}
        query["rayon"] = wider["radius"]
        if wider["start"]:
            query["du"] = wider["start"].isoformat()
        query["au"] = wider["end"].isoformat()
        widen = {"count": found, "radius": wider["radius"], "days": WIDER_DAYS, "query": urlencode(query)}
    commune = criteria.get("commune")
    return {
        "radius": criteria.get("radius") or 10, "start": start, "end": end,
        "past": bool((start and start < today) or (end and end < today)), "widen": widen,
        "help_name": settings.ANCRAGE_HELP_LINE_NAME, "help_phone": settings.ANCRAGE_HELP_LINE_PHONE,
        "directory_query": urlencode({"ou": commune.nom}) if commune is not None else "",
    }  # fmt: skip
