"""Temporary information on a place: dated closures, exceptional hours and messages (Soliguide's model).

Each has a first and a last day (both inclusive), read in the place's own time zone (`hours.place_now`).
It is announced on the place page `ANCRAGE_TEMPORARY_NOTICE_DAYS` ahead, applied during its period, no longer
shown the day after it ends, and deleted `ANCRAGE_TEMPORARY_KEEP_DAYS` later (`purge`, a periodic job).

How it is applied: a place-wide closure or exceptional hours become OSM rules dated with years, appended to the
place's regular hours (`2027 Jan 01-2027 Jan 15 off`): a later OSM rule replaces the earlier ones on the days it
covers, so every function of `hours` (status, week table, « ouvert maintenant », day filters) takes them into
account unchanged, and the open data carries them in the OSM-native way. Information limited to one service is
shown next to it and does not change the place's hours.

The writes (`add`, `change`, `remove`) take the acting user: coordinators call them from the admin, a
structure's members from their space (`contributions/temporary_views.py`).
"""

import re
from dataclasses import replace
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext, pgettext

from core import audit
from directory.domain import hours
from directory.models import Place, TemporaryInfo

Kind = TemporaryInfo.Kind
FIELDS = ["kind", "debut", "fin", "texte", "horaires", "service"]
MAX_DAYS = 366  # longer is not temporary: change the regular hours, or unpublish the place
_OSM_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_DATED = re.compile(r"\b(19|20)\d\d\b|\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b|\|\||\bweek\b|\bSH\b")
_ADDITIONAL_RULE = re.compile(r"\d\s*,\s*[A-Za-z]")


# Rules ------------------------------------------------------------------------------------------------------


def validate(info: TemporaryInfo) -> None:
    """The rules of a temporary information, as French errors per field (also run by the admin form)."""
    errors = {}
    if info.debut and info.fin:
        if info.fin < info.debut:
            errors["fin"] = gettext("La date de fin est avant la date de début.")
        elif (info.fin - info.debut).days >= MAX_DAYS:
            errors["fin"] = gettext(
                "Une information temporaire dure au plus %(days)s jours. Pour un changement durable, "
                "modifiez les horaires du lieu."
            ) % {"days": MAX_DAYS}
    value = (info.horaires or "").strip()
    if info.kind == Kind.HOURS:
        if not value:
            errors["horaires"] = gettext("Indiquez les horaires exceptionnels, par exemple : Mo-Fr 10:00-12:00.")
        elif not hours.is_valid(value):
            errors["horaires"] = gettext(
                "Ces horaires ne sont pas au format OpenStreetMap, par exemple : Mo-Fr 10:00-12:00."
            )
        elif _DATED.search(value) or _ADDITIONAL_RULE.search(value):
            errors["horaires"] = gettext(
                "Indiquez seulement les jours et les heures (Mo-Fr 10:00-12:00; Sa 10:00-12:00) : "
                "les dates sont celles de la période, et les règles se séparent par un point-virgule."
            )
    elif value:
        errors["horaires"] = gettext("Les horaires ne servent qu’aux horaires exceptionnels : videz ce champ.")
    if info.kind == Kind.MESSAGE and not (info.texte or "").strip():
        errors["texte"] = gettext("Écrivez le message à afficher.")
    if info.service_id and info.place_id and info.service.place_id != info.place_id:
        errors["service"] = gettext("Ce service n’est pas proposé dans ce lieu.")
    if errors:
        raise ValidationError(errors)


def _snapshot(info: TemporaryInfo) -> dict:
    return audit.snapshot(info, FIELDS)


def _actor(user):
    return user if user is not None and user.is_authenticated else None


@transaction.atomic
def add(place: Place, *, user, kind: str, debut: date, fin: date, texte: str = "", horaires: str = "", service=None):
    """A new temporary information on `place`, entered by `user` (validated: `ValidationError` in French)."""
    info = TemporaryInfo(
        place=place, kind=kind, debut=debut, fin=fin, texte=texte.strip(), horaires=horaires.strip(), service=service
    )
    return save(info, user=user)


@transaction.atomic
def save(info: TemporaryInfo, *, user) -> TemporaryInfo:
    """Save a new or changed temporary information (its fields already set, e.g. by a form) and record it."""
    before = {} if info.pk is None else _snapshot(TemporaryInfo.objects.get(pk=info.pk))
    info.full_clean()
    if info.pk is None:
        info.cree_par = _actor(user)
    info.save()
    changes = audit.changes_between(before, _snapshot(info))
    if changes:
        verb = "information temporaire modifiée" if before else "information temporaire ajoutée"
        audit.record(info.place, verb, user=user, changes=changes, note=str(info))
    return info


@transaction.atomic
def change(info: TemporaryInfo, *, user, **values) -> TemporaryInfo:
    """Change some of `FIELDS` of a temporary information (validated, recorded with its author)."""
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise TypeError(f"Unknown fields: {sorted(unknown)}")
    for name, value in values.items():
        setattr(info, name, value.strip() if isinstance(value, str) else value)
    return save(info, user=user)


@transaction.atomic
def remove(info: TemporaryInfo, *, user) -> None:
    audit.record(info.place, "information temporaire supprimée", user=user, changes={}, note=str(info))
    info.delete()


def purge(today: date | None = None) -> int:
    """Delete what ended more than `ANCRAGE_TEMPORARY_KEEP_DAYS` ago (the daily job). Returns how many."""
    today = today or timezone.localdate()
    ended = TemporaryInfo.objects.filter(fin__lt=today - timedelta(days=settings.ANCRAGE_TEMPORARY_KEEP_DAYS))
    return ended.delete()[1].get(TemporaryInfo._meta.label, 0)


# Reading ----------------------------------------------------------------------------------------------------


def place_today(place: Place, now: datetime | None = None) -> date:
    """Today at the place (its own time zone)."""
    return hours.place_now(place.code_insee, now).date()


def in_force(place: Place, day: date) -> list[TemporaryInfo]:
    """What applies at `place` on `day` (the place's local date)."""
    return list(place.temporary_infos.filter(debut__lte=day, fin__gte=day).select_related("service"))


def upcoming(place: Place, today: date, horizon: int | None = None) -> list[TemporaryInfo]:
    """What starts after `today` and within `horizon` days (`ANCRAGE_TEMPORARY_NOTICE_DAYS` by default)."""
    horizon = settings.ANCRAGE_TEMPORARY_NOTICE_DAYS if horizon is None else horizon
    later = place.temporary_infos.filter(debut__gt=today, debut__lte=today + timedelta(days=horizon))
    return list(later.select_related("service"))


def shown(infos, today: date, horizon: int | None = None) -> list[TemporaryInfo]:
    """Among `infos` (prefetched), those shown on `today`: in force, or starting within the horizon."""
    horizon = settings.ANCRAGE_TEMPORARY_NOTICE_DAYS if horizon is None else horizon
    last = today + timedelta(days=horizon)
    return sorted((i for i in infos if i.fin >= today and i.debut <= last), key=lambda i: (i.debut, i.pk))


def for_places(place_ids, now: datetime | None = None) -> dict[int, list[TemporaryInfo]]:
    """Everything that may be shown or applied on these places around `now`, in ONE query: place id → list.

    A day of margin on each side covers every time zone (a place's today is not the site's)."""
    today = hours.to_local(now or timezone.now()).date()
    found: dict[int, list[TemporaryInfo]] = {pk: [] for pk in place_ids}
    rows = current(today - timedelta(days=1), today + timedelta(days=settings.ANCRAGE_TEMPORARY_NOTICE_DAYS + 1))
    for info in rows.filter(place_id__in=list(found)).select_related("service"):
        found[info.place_id].append(info)
    return found


def current(first: date, last: date):
    """Temporary information that overlaps the days `first` to `last`."""
    return TemporaryInfo.objects.filter(fin__gte=first, debut__lte=last).order_by("debut", "pk")


def exported(today: date | None = None):
    """What the open data carries: place-wide closures and exceptional hours not yet ended (a day of margin
    for the overseas time zones; an ended, year-dated rule changes nothing anyway)."""
    today = today or timezone.localdate()
    rows = TemporaryInfo.objects.filter(fin__gte=today - timedelta(days=1), service__isnull=True)
    return rows.exclude(kind=Kind.MESSAGE).order_by("debut", "pk")


def affects_hours(info: TemporaryInfo, service_id: int | None = None) -> bool:
    """A closure or exceptional hours of the whole place (or of the service `service_id`)."""
    return info.service_id in (None, service_id) and info.kind in (Kind.CLOSURE, Kind.HOURS)


# Applying: OSM rules dated with years --------------------------------------------------------------------------


def _osm_day(day: date) -> str:
    return f"{day.year} {_OSM_MONTHS[day.month - 1]} {day.day:02d}"


def osm_rules(info: TemporaryInfo) -> list[str]:
    """The OSM rules of a place-wide closure or exceptional hours: `2027 Jan 01-2027 Jan 15 off`…

    Exceptional hours first close the whole period, then open as given: days they do not name are closed."""
    period = _osm_day(info.debut) if info.debut == info.fin else f"{_osm_day(info.debut)}-{_osm_day(info.fin)}"
    rules = [f"{period} off"]
    if info.kind == Kind.HOURS:
        rules += [f"{period} {rule.strip()}" for rule in info.horaires.split(";") if rule.strip()]
    return rules


def apply(horaires: str, infos, service_id: int | None = None) -> str:
    """The place's (or a service's) hours with the closures and exceptional hours of `infos` that change them."""
    infos = sorted(infos, key=lambda i: (i.debut, i.pk))
    dated = [rule for info in infos if affects_hours(info, service_id) for rule in osm_rules(info)]
    if not dated or not hours.is_valid(horaires):
        return horaires
    combined = "; ".join([horaires.strip().rstrip(";"), *dated])
    return combined if hours.is_valid(combined) else horaires


def _on(infos, kind: str, day: date, service_id: int | None) -> list[TemporaryInfo]:
    return [i for i in infos if i.kind == kind and i.service_id in (None, service_id) and i.debut <= day <= i.fin]


def closure_on(infos, day: date, service_id: int | None = None) -> TemporaryInfo | None:
    """The place-wide (or the service's) closure in force on `day`, if any (the one that ends last)."""
    found = _on(infos, Kind.CLOSURE, day, service_id)
    return max(found, key=lambda i: i.fin) if found else None


def hours_on(infos, day: date, service_id: int | None = None) -> TemporaryInfo | None:
    found = _on(infos, Kind.HOURS, day, service_id)
    return found[-1] if found else None


def status(place: Place, infos, now: datetime | None = None, service=None) -> hours.Status:
    """`hours.status` with the temporary information applied; a closure in force is « Fermé » whatever the hours.

    With `service`: its own hours, with the place's closures and exceptional hours and its own."""
    service_id = service.pk if service else None
    composed = apply(service.horaires_accueil if service else place.horaires, infos, service_id)
    found = hours.status(composed, now, place.code_insee)
    today = place_today(place, now)
    closure = closure_on(infos, today, service_id)
    if closure is None:
        return found
    if found.next_opening:
        label = gettext("Fermé exceptionnellement · ouvre %(day)s à %(time)s") % {
            "day": hours.format_day(found.next_opening.date(), hours.place_now(place.code_insee, now).date()),
            "time": hours.format_time(found.next_opening),
        }
    else:
        label = gettext("Fermé exceptionnellement jusqu’au %(day)s inclus") % {"day": day_text(closure.fin, today)}
    return hours.Status(known=True, is_open=False, label=label, next_opening=found.next_opening)


def week_table(place: Place, infos, today: date | None = None, service=None) -> list[hours.DayHours]:
    """`hours.week_table` with the closures and exceptional hours of the week, said as such (not ended ones)."""
    today = today or place_today(place)
    infos = [i for i in infos if i.fin >= today]  # ended: no longer said, even on the week's past days
    service_id = service.pk if service else None
    horaires = service.horaires_accueil if service else place.horaires
    table = hours.week_table(apply(horaires, infos, service_id), today, place.code_insee)
    for index, day in enumerate(table):
        if closure_on(infos, day.day, service_id):
            table[index] = replace(day, spans=[gettext("Fermeture exceptionnelle")], to_check=False)
        elif hours_on(infos, day.day, service_id):
            spans = [gettext("%(spans)s (horaires exceptionnels)") % {"spans": span} for span in day.spans] or [
                gettext("Fermé (horaires exceptionnels)")
            ]
            table[index] = replace(day, spans=spans, to_check=False)
    return table


def closed_all_days(infos, days) -> bool:
    """Whether a place-wide closure covers every one of `days`."""
    return bool(days) and all(closure_on(infos, day) for day in days)


def days_asked(weekday: int | None, moment: datetime):
    """`days(code_insee)`: the place's local days a search filter asks about: its today (`weekday` None, « ouvert
    maintenant »), or that ISO weekday in the coming two weeks."""

    def days(insee: str) -> list[date]:
        today = hours.place_now(insee, moment).date()
        coming = [today + timedelta(days=n) for n in range(hours.HORIZON_DAYS)]
        return [today] if weekday is None else [d for d in coming if d.isoweekday() == weekday]

    return days


class Dated:
    """The place-wide closures and exceptional hours around a day, for the search's filters: ONE query."""

    def __init__(self, today: date):
        rows = current(today - timedelta(days=1), today + timedelta(days=hours.HORIZON_DAYS + 1))
        self.by_place: dict[int, list[TemporaryInfo]] = {}
        for info in rows.filter(service__isnull=True).exclude(kind=Kind.MESSAGE):
            self.by_place.setdefault(info.place_id, []).append(info)

    def with_hours(self) -> Q:
        """The places whose exceptional hours may open them on a day their regular hours do not."""
        return Q(pk__in=[pk for pk, infos in self.by_place.items() if any(i.kind == Kind.HOURS for i in infos)])

    def keep(self, keep, days):
        """`keep(horaires, code_insee)` for a row `(pk, horaires, code_insee)`, with the dated rules applied;
        a place closed on all of `days(code_insee)` is left out, even when its hours are unknown."""

        def dated_keep(pk: int, horaires: str, insee: str) -> bool:
            infos = self.by_place.get(pk)
            if not infos:
                return keep(horaires, insee)
            return not closed_all_days(infos, days(insee)) and keep(apply(horaires, infos), insee)

        return dated_keep


# Said in French ---------------------------------------------------------------------------------------------


def day_text(day: date, today: date | None = None) -> str:
    """« 1er janvier », with the year when it is not this year's."""
    today = today or timezone.localdate()
    text = f"{_day_number(day)} {hours.MONTH_NAMES[day.month - 1]}"
    return text if day.year == today.year else f"{text} {day.year}"


def _day_number(day: date) -> str:
    """« 1er », « 2 »: the first of the month is an ordinal in French."""
    return pgettext("first day of the month", "1er") if day.day == 1 else str(day.day)


def period_text(first: date, last: date, today: date) -> str:
    """« du 1er au 15 janvier », « du 28 février au 3 mars », « du 28 décembre 2026 au 3 janvier 2027 »."""
    if first == last:
        return gettext("le %(day)s") % {"day": day_text(first, today)}
    start = _day_number(first)
    if first.year != last.year:
        start = f"{start} {hours.MONTH_NAMES[first.month - 1]} {first.year}"
    elif first.month != last.month:
        start = f"{start} {hours.MONTH_NAMES[first.month - 1]}"
    end = day_text(last, today if first.year == last.year else date(1, 1, 1))
    return gettext("du %(start)s au %(end)s") % {"start": start, "end": end}
