"""Publishing and changing events: the one place an event is written by a person.

`create(user, values)` saves an event for the user's structure: published at once when the structure is validated
or already has a published event, else waiting for moderation (`decide`). `change(user, event, values)` saves an
edit: the schedule is materialised again, SEQUENCE goes up when what a calendar shows changed, and the people
registered to future dates are told what changed (time, place, cancellation). `cancel_event` and
`cancel_occurrence` are changes of status, told the same way.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from agenda.domain import recurrence, registrations, schedule
from agenda.models import Event, Occurrence, Registration
from agenda.templatetags.agenda_tags import french_inner_quotes
from core import audit
from moderation import notify
from territory.models import Commune

# What a calendar shows: a change to one of these raises the event's SEQUENCE.
CALENDAR_FIELDS = (
    "title", "description", "mode", "place_id", "address", "online_url", "start_date", "start_time", "end_time",
    "repeat", "interval", "weekdays", "until", "count", "skip_holidays", "skipped_dates", "status", "timezone",
)  # fmt: skip
WHERE_FIELDS = ("mode", "place_id", "address", "online_url")
TITLE_MAX = 150  # a title is read in a list and an e-mail subject


def validate(values: dict, event: Event | None = None, now=None) -> None:
    """Refuse an event that cannot happen (`ValidationError` by field, in French): a title too long, a first date
    in the past (a new event, or a changed first date), an end before the start, no place when it is « in a place
    of the directory », no seat, or a schedule that gives no date to come."""
    now = now or timezone.now()
    errors = {}
    title = (values.get("title") or "").strip()
    if not title:
        errors["title"] = _("Indiquez un titre.")
    elif len(title) > TITLE_MAX:
        errors["title"] = _(
            "Le titre a %(n)s caractères : %(max)s au plus. Mettez les détails dans la description."
        ) % {"n": len(title), "max": TITLE_MAX}
    start_date, start_time, end_time = values.get("start_date"), values.get("start_time"), values.get("end_time")
    today = timezone.localdate(now)
    changed_date = event is None or event.start_date != start_date
    if start_date and changed_date and start_date < today:
        errors["start_date"] = _("Cette date est passée : choisissez une date à venir.")
    if start_time and end_time and end_time <= start_time:
        errors["end_time"] = _("L’heure de fin doit venir après l’heure de début.")
    if values.get("mode") == Event.Mode.PLACE and not values.get("place"):
        errors["place"] = _("Choisissez le lieu de l’annuaire, ou une autre façon de dire où.")
    if values.get("capacity") is not None and values["capacity"] < 1:
        errors["capacity"] = _("Indiquez au moins 1 place, ou laissez vide s’il n’y a pas de limite.")
    schedule_changed = event is None or any(
        values.get(name) != getattr(event, name) for name in CALENDAR_FIELDS if name in values and name != "status"
    )
    if start_date and start_time and end_time and schedule_changed and not errors:
        draft = Event(**{k: v for k, v in values.items() if k in _EVENT_FIELDS})
        if not any(start > now for start in recurrence.planned_starts(draft)):
            errors["start_date"] = _(
                "Ces réglages ne donnent aucune date à venir : vérifiez la date, les jours et la fin."
            )
    if errors:
        raise ValidationError(errors)


_EVENT_FIELDS = {f.name for f in Event._meta.concrete_fields} - {"id"}


def _current(event: Event) -> dict:
    return {name: getattr(event, name) for name in _EVENT_FIELDS}


def locate(event: Event) -> None:
    """Copy where the event is, as the search reads it: the place's commune and position, or the address's
    commune centre (the INSEE code chosen in the form)."""
    event.latitude = event.longitude = None
    if event.mode == Event.Mode.PLACE and event.place_id:
        place = event.place
        event.commune, event.code_insee = place.commune, place.code_insee
        event.latitude, event.longitude = place.latitude, place.longitude
    elif event.mode == Event.Mode.ADDRESS and event.code_insee:
        commune = Commune.objects.filter(code_insee=event.code_insee).first()
        if commune:
            event.commune = commune.nom
            event.latitude, event.longitude = commune.latitude, commune.longitude
    elif event.mode == Event.Mode.ONLINE:
        event.commune = event.code_insee = ""


def first_events_moderated(structure) -> bool:
    """A structure not validated, with no event published yet, has its events read before publication."""
    return not structure.validated and not structure.events.filter(status=Event.Status.PUBLISHED).exists()


@transaction.atomic
def create(user, values: dict) -> Event:
    validate(values)
    event = Event(**values, created_by=user)
    if event.kind == Event.Kind.TRAINING:
        event.audience = Event.Audience.PROFESSIONALS
    moderated = first_events_moderated(event.structure)
    event.status = Event.Status.PENDING if moderated else Event.Status.PUBLISHED
    locate(event)
    event.save()
    audit.record(event, "événement créé", user=user, changes={"état": [None, event.status]})
    if event.status == Event.Status.PUBLISHED:
        schedule.materialise(event)
    return event


def _snapshot(event: Event) -> dict:
    return {name: getattr(event, name) for name in CALENDAR_FIELDS}


def change(user, event: Event, values: dict) -> list[str]:
    """Apply an organiser's edit; returns the changes told to registrants (French phrases)."""
    validate({**_current(event), **values}, event)
    with transaction.atomic():
        before = _snapshot(event)
        where_before = registrations.where(event)
        for name, value in values.items():
            setattr(event, name, value)
        if event.kind == Event.Kind.TRAINING:
            event.audience = Event.Audience.PROFESSIONALS
        locate(event)
        changed = [name for name, value in _snapshot(event).items() if value != before[name]]
        if changed:
            event.sequence += 1
        event.save()
        audit.record(event, "événement modifié", user=user, changes={name: [None, "modifié"] for name in changed})
        outcome = schedule.materialise(event) if event.status == Event.Status.PUBLISHED else schedule.Outcome()
    told = []
    if any(name in WHERE_FIELDS for name in changed):
        told.append(
            _("Le lieu change : %(before)s → %(after)s.")
            % {"before": where_before, "after": registrations.where(event)}
        )
        for occurrence in event.occurrences.filter(starts_at__gte=timezone.now(), cancelled=False):
            _tell(occurrence, told[-1:])
    for occurrence, old in outcome.moved:
        _tell(
            occurrence,
            [
                _("L’horaire change : %(before)s → %(after)s.")
                % {"before": _when(old), "after": _when(occurrence.starts_at)}
            ],
        )
    for occurrence in outcome.cancelled:
        _tell(occurrence, [_("Cette date est annulée.")])
    for occurrence in event.occurrences.filter(starts_at__gte=timezone.now(), cancelled=False):
        if occurrence.capacity is None or occurrence.capacity > occurrence.taken:
            registrations.promote_after_change(occurrence.pk)
    return told


def cancel_event(user, event: Event) -> int:
    """The whole event is cancelled: every future date, each registrant told. Returns the dates cancelled."""
    with transaction.atomic():
        event.status, event.sequence = Event.Status.CANCELLED, event.sequence + 1
        event.save(update_fields=["status", "sequence", "updated_at"])
        future = list(event.occurrences.filter(starts_at__gte=timezone.now(), cancelled=False))
        Occurrence.objects.filter(pk__in=[o.pk for o in future]).update(cancelled=True)
        audit.record(event, "événement annulé", user=user, changes={"état": [None, event.status]})
    for occurrence in future:
        _tell(occurrence, [_("L’événement est annulé.")])
    return len(future)


def cancel_occurrence(user, occurrence: Occurrence) -> None:
    event = occurrence.event
    with transaction.atomic():
        occurrence.cancelled = True
        occurrence.save(update_fields=["cancelled"])
        day = timezone.localtime(occurrence.starts_at, schedule.event_zone(event)).date().isoformat()
        event.skipped_dates = sorted({*event.skipped_dates, day})
        event.sequence += 1
        event.save(update_fields=["skipped_dates", "sequence", "updated_at"])
        audit.record(event, "date annulée", user=user, changes={"date": [None, day]})
    _tell(occurrence, [_("Cette date est annulée.")])


def _when(moment) -> str:
    from agenda.templatetags.agenda_tags import hour, weekday_date

    return _("%(day)s à %(hour)s") % {"day": weekday_date(moment, "inline"), "hour": hour(moment)}


def _tell(occurrence: Occurrence, what: list[str]) -> None:
    """Tell every person registered or waiting for this date what changed."""
    people = occurrence.registrations.exclude(status=Registration.Status.CANCELLED).exclude(email="")
    for registration in people.select_related("occurrence__event"):
        registrations.tell("agenda_changed", registration, changes=what)


def decide(user, event: Event, accepted: bool, reason: str = "") -> None:
    """A moderator's decision on a new organiser's event; the author is told."""
    with transaction.atomic():
        event.status = Event.Status.PUBLISHED if accepted else Event.Status.REFUSED
        event.refusal_reason = "" if accepted else reason
        event.save(update_fields=["status", "refusal_reason", "updated_at"])
        audit.record(event, "événement relu", user=user, changes={"état": [None, event.status]}, note=reason)
        if accepted:
            schedule.materialise(event)
    if event.created_by and event.created_by.email:
        notify.decision(
            event.created_by.email,
            subject=_("votre événement « %(title)s »") % {"title": french_inner_quotes(event.title)},
            accepted=accepted,
            reason=reason,
            url=event.get_absolute_url(),
        )
