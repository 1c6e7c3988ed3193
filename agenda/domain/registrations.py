"""Registering without an account, the waiting list, cancelling by a signed link, attendance.

Capacity is enforced in the database: `register` and `cancel` lock the occurrence's row (`SELECT … FOR UPDATE`
on PostgreSQL; SQLite's IMMEDIATE transactions take the write lock at their start) before reading what is
left, so concurrent registrations are decided one after the other, in arrival order; a check constraint
(`taken <= capacity`) refuses any write that would overbook. The waiting list is first come, first served: a
newcomer waits while anyone waits, and a cancellation promotes the first in line while their seats fit.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from agenda.models import Occurrence, Registration
from core import audit, mail, signing

PURPOSE = "annuler-inscription"


class Closed(Exception):
    """The occurrence takes no registration (cancelled, past, or registration elsewhere)."""

    def __str__(self):
        return "Les inscriptions ne sont pas ouvertes pour cette date."


def is_open(occurrence: Occurrence, now=None) -> bool:
    event = occurrence.event
    return (
        event.takes_registrations and event.status == event.Status.PUBLISHED and not occurrence.cancelled
        and occurrence.starts_at > (now or timezone.now())
    )  # fmt: skip


def register(occurrence_id: int, *, name: str, email: str = "", phone: str = "", seats: int = 1) -> Registration:
    with transaction.atomic():
        occurrence = Occurrence.objects.select_for_update().select_related("event").get(pk=occurrence_id)
        if not is_open(occurrence):
            raise Closed
        someone_waits = occurrence.registrations.filter(status=Registration.Status.WAITING).exists()
        fits = occurrence.capacity is None or occurrence.taken + seats <= occurrence.capacity
        status = Registration.Status.REGISTERED if fits and not someone_waits else Registration.Status.WAITING
        if status == Registration.Status.REGISTERED:
            Occurrence.objects.filter(pk=occurrence.pk).update(taken=F("taken") + seats)
        registration = Registration.objects.create(
            occurrence=occurrence, name=name, email=email, phone=phone, seats=seats, status=status
        )
        audit.record(occurrence.event, "inscription", actor="visiteur", changes={"état": [None, status]})
    if email:
        mail.send("agenda_registered", [email], context(registration))
    return registration


def cancel(registration_id: int) -> list[Registration]:
    """Cancel a registration; returns the registrations promoted from the waiting list (each is told)."""
    with transaction.atomic():
        registration = Registration.objects.select_related("occurrence").get(pk=registration_id)
        occurrence = Occurrence.objects.select_for_update().select_related("event").get(pk=registration.occurrence_id)
        registration.refresh_from_db()
        if registration.status == Registration.Status.CANCELLED:
            return []
        if registration.status == Registration.Status.REGISTERED:
            Occurrence.objects.filter(pk=occurrence.pk).update(taken=F("taken") - registration.seats)
        registration.status, registration.cancelled_at = Registration.Status.CANCELLED, timezone.now()
        registration.save(update_fields=["status", "cancelled_at"])
        promoted = _promote(occurrence)
        audit.record(occurrence.event, "désinscription", actor="visiteur", changes={"promus": [0, len(promoted)]})
    if registration.email:
        mail.send("agenda_cancelled", [registration.email], context(registration))
    for person in promoted:
        if person.email:
            mail.send("agenda_promoted", [person.email], context(person))
    return promoted


def _promote(occurrence: Occurrence) -> list[Registration]:
    """Under the occurrence's lock: the first in line get the seats freed, in order, while they fit."""
    occurrence.refresh_from_db(fields=["taken", "capacity"])
    promoted = []
    free = None if occurrence.capacity is None else occurrence.capacity - occurrence.taken
    for waiting in occurrence.registrations.filter(status=Registration.Status.WAITING).order_by("pk"):
        if free is not None and waiting.seats > free:
            break
        waiting.status, waiting.promoted_at = Registration.Status.REGISTERED, timezone.now()
        waiting.save(update_fields=["status", "promoted_at"])
        Occurrence.objects.filter(pk=occurrence.pk).update(taken=F("taken") + waiting.seats)
        free = None if free is None else free - waiting.seats
        promoted.append(waiting)
    return promoted


def promote_after_change(occurrence_id: int) -> list[Registration]:
    """After the organiser raised the capacity: the waiting list moves up, and is told."""
    with transaction.atomic():
        occurrence = Occurrence.objects.select_for_update().get(pk=occurrence_id)
        promoted = _promote(occurrence)
    for person in promoted:
        if person.email:
            mail.send("agenda_promoted", [person.email], context(person))
    return promoted


def position(registration: Registration) -> int:
    """1 for the first in line."""
    return Registration.objects.filter(
        occurrence_id=registration.occurrence_id, status=Registration.Status.WAITING, pk__lte=registration.pk
    ).count()


def cancel_token(registration: Registration) -> str:
    return signing.make_token(PURPOSE, registration.pk, single_use=True)


def read_cancel_token(token: str, *, consume: bool) -> Registration:
    pk = signing.read_token(token, PURPOSE, max_age=timedelta(days=400), single_use=True, consume=consume)
    return Registration.objects.select_related("occurrence__event").get(pk=pk)


def cancel_url(registration: Registration) -> str:
    return settings.ANCRAGE_SITE_URL + reverse("agenda:cancel", args=[cancel_token(registration)])


def context(registration: Registration, **extra) -> dict:
    occurrence = registration.occurrence
    event = occurrence.event
    return {
        "registration": registration,
        "occurrence": occurrence,
        "event": event,
        "where": where(event),
        "event_url": settings.ANCRAGE_SITE_URL + event.get_absolute_url(),
        "cancel_url": cancel_url(registration) if registration.status != Registration.Status.CANCELLED else "",
        "position": position(registration) if registration.status == Registration.Status.WAITING else 0,
        **extra,
    }


def where(event) -> str:
    if event.mode == event.Mode.ONLINE:
        return "En ligne"
    if event.mode == event.Mode.PLACE and event.place_id:
        place = event.place
        return f"{place.nom}, {place.adresse}, {place.code_postal} {place.commune}".strip(", ")
    return f"{event.address}, {event.commune}".strip(", ")


def record_attendance(user, occurrence: Occurrence, present: dict[int, int]) -> None:
    """The organiser's count of who came (registration id → people present)."""
    with transaction.atomic():
        for registration in occurrence.registrations.filter(status=Registration.Status.REGISTERED):
            registration.attended = max(0, min(present.get(registration.pk, 0), registration.seats))
            registration.save(update_fields=["attended"])
        occurrence.attendance_recorded = True
        occurrence.save(update_fields=["attendance_recorded"])
        total = sum(present.values())
        audit.record(occurrence.event, "présences saisies", user=user, changes={"présents": [None, total]})


def send_reminders(now=None) -> int:
    """The day before: every registered person with an e-mail, once (claimed by a conditional UPDATE)."""
    now = now or timezone.now()
    tomorrow = timezone.localdate(now) + timedelta(days=1)
    sent = 0
    due = Registration.objects.filter(
        status=Registration.Status.REGISTERED, reminded_at__isnull=True, occurrence__cancelled=False,
        occurrence__starts_at__date=tomorrow,
    ).exclude(email="").select_related("occurrence__event__place")  # fmt: skip
    for registration in due:
        if Registration.objects.filter(pk=registration.pk, reminded_at__isnull=True).update(reminded_at=now):
            mail.send("agenda_reminder", [registration.email], context(registration))
            sent += 1
    return sent
