"""Registering without an account, the waiting list, cancelling by a signed link, attendance.

Capacity is enforced in the database: `register` and `cancel` lock the occurrence's row (`SELECT … FOR UPDATE`
on PostgreSQL; SQLite's IMMEDIATE transactions take the write lock at their start) before reading what is
left, so concurrent registrations are decided one after the other, in arrival order; a check constraint
(`taken <= capacity`) refuses any write that would overbook.

Seats and the waiting list:
- a full date (no seat left) puts the newcomer on the waiting list;
- asking for more seats than are left, on a date that is not full, is refused (`TooMany`, « il reste 3 places »):
  the person takes what is left, or joins the waiting list explicitly (`waitlist=True`);
- first come, first served, for those who could be served: whenever seats free up (a cancellation, a larger
  capacity, or before deciding a newcomer), the waiting list is read in arrival order and everyone whose seats
  fit in what is left is registered. A person waiting for more seats than are left blocks nobody: they stay
  first in line, and get the seats as soon as enough are free when the list is read again.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from agenda.models import Occurrence, Registration
from core import audit, mail, signing

PURPOSE = "annuler-inscription"
LINK_AGE = timedelta(days=400)


class Closed(Exception):
    """The occurrence takes no registration (cancelled, past, or registration elsewhere)."""

    def __str__(self):
        return _("Les inscriptions ne sont pas ouvertes pour cette date.")


class TooMany(Exception):
    """More seats asked than are left on a date that is not full: take what is left, or wait explicitly."""

    def __init__(self, left: int):
        super().__init__(left)
        self.left = left

    def __str__(self):
        return ngettext(
            "Il reste %(n)s place pour cette date.", "Il reste %(n)s places pour cette date.", self.left
        ) % {"n": self.left}


class AlreadyRegistered(Exception):
    """The same person (name and e-mail, or name and phone, case-insensitive) already holds this date."""

    def __init__(self, registration: Registration):
        super().__init__(registration.pk)
        self.registration = registration

    def __str__(self):
        return _("Vous êtes déjà inscrit(e) à cette date.")


def is_open(occurrence: Occurrence, now=None) -> bool:
    event = occurrence.event
    return (
        event.takes_registrations and event.status == event.Status.PUBLISHED and not occurrence.cancelled
        and occurrence.starts_at > (now or timezone.now())
    )  # fmt: skip


def register(
    occurrence_id: int, *, name: str, email: str = "", phone: str = "", seats: int = 1, waitlist: bool = False
) -> Registration:
    with transaction.atomic():
        occurrence = Occurrence.objects.select_for_update().select_related("event").get(pk=occurrence_id)
        if not is_open(occurrence):
            raise Closed
        duplicate = _same_person(occurrence, name, email, phone)
        if duplicate is not None:
            raise AlreadyRegistered(duplicate)
        promoted = _promote(occurrence)  # nobody who could be served waits behind the newcomer
        left = occurrence.seats_left
        if left is None or seats <= left:
            status = Registration.Status.REGISTERED
            Occurrence.objects.filter(pk=occurrence.pk).update(taken=F("taken") + seats)
        elif left > 0 and not waitlist:
            raise TooMany(left)
        else:
            status = Registration.Status.WAITING
        registration = Registration.objects.create(
            occurrence=occurrence, name=name, email=email, phone=phone, seats=seats, status=status,
            language=translation.get_language() or settings.LANGUAGE_CODE,
        )  # fmt: skip
        audit.record(occurrence.event, "inscription", actor="visiteur", changes={"état": [None, status]})
    tell("agenda_registered", registration)
    _tell_promoted(promoted)
    return registration


def _same_person(occurrence: Occurrence, name: str, email: str, phone: str) -> Registration | None:
    if not email and not phone:
        return None
    same = occurrence.registrations.exclude(status=Registration.Status.CANCELLED).filter(name__iexact=name.strip())
    same = same.filter(email__iexact=email.strip()) if email else same.filter(email="", phone=phone.strip())
    return same.order_by("pk").first()


def resend_confirmation(registration: Registration) -> None:
    """A duplicate attempt with an e-mail: the confirmation (and its cancel link) goes again to that address only."""
    tell("agenda_registered", registration)


def _tell_promoted(promoted: list[Registration]) -> None:
    for person in promoted:
        tell("agenda_promoted", person)


def cancel(registration_id: int, seats: int | None = None) -> list[Registration]:
    """Cancel a registration, or only `seats` of its seats; returns the registrations promoted from the waiting
    list (each is told)."""
    with transaction.atomic():
        registration = Registration.objects.select_related("occurrence").get(pk=registration_id)
        occurrence = Occurrence.objects.select_for_update().select_related("event").get(pk=registration.occurrence_id)
        registration.refresh_from_db()
        if registration.status == Registration.Status.CANCELLED:
            return []
        freed = registration.seats if seats is None else max(1, min(seats, registration.seats))
        if registration.status == Registration.Status.REGISTERED:
            Occurrence.objects.filter(pk=occurrence.pk).update(taken=F("taken") - freed)
        if freed < registration.seats:
            registration.seats -= freed
            registration.save(update_fields=["seats"])
        else:
            registration.status, registration.cancelled_at = Registration.Status.CANCELLED, timezone.now()
            registration.save(update_fields=["status", "cancelled_at"])
        promoted = _promote(occurrence)
        audit.record(occurrence.event, "désinscription", actor="visiteur", changes={"promus": [0, len(promoted)]})
    tell("agenda_cancelled", registration, freed=freed)
    _tell_promoted(promoted)
    return promoted


def _promote(occurrence: Occurrence) -> list[Registration]:
    """Under the occurrence's lock: the waiting list in arrival order; each person whose seats fit in what is left
    is registered (one waiting for more seats than are left keeps their place and blocks nobody)."""
    occurrence.refresh_from_db(fields=["taken", "capacity"])
    promoted = []
    free = None if occurrence.capacity is None else occurrence.capacity - occurrence.taken
    if free == 0:
        return promoted
    for waiting in occurrence.registrations.filter(status=Registration.Status.WAITING).order_by("pk"):
        if free is not None and waiting.seats > free:
            continue
        waiting.status, waiting.promoted_at = Registration.Status.REGISTERED, timezone.now()
        waiting.save(update_fields=["status", "promoted_at"])
        Occurrence.objects.filter(pk=occurrence.pk).update(taken=F("taken") + waiting.seats)
        free = None if free is None else free - waiting.seats
        promoted.append(waiting)
    occurrence.refresh_from_db(fields=["taken"])
    return promoted


def promote_after_change(occurrence_id: int) -> list[Registration]:
    """After the organiser raised the capacity: the waiting list moves up, and is told."""
    with transaction.atomic():
        occurrence = Occurrence.objects.select_for_update().get(pk=occurrence_id)
        promoted = _promote(occurrence)
    _tell_promoted(promoted)
    return promoted


def position(registration: Registration) -> int:
    """1 for the first in line."""
    return Registration.objects.filter(
        occurrence_id=registration.occurrence_id, status=Registration.Status.WAITING, pk__lte=registration.pk
    ).count()


def cancel_token(registration: Registration) -> str:
    return signing.make_token(PURPOSE, registration.pk, single_use=True)


def read_cancel_token(token: str, *, consume: bool) -> Registration:
    pk = signing.read_token(token, PURPOSE, max_age=LINK_AGE, single_use=True, consume=consume)
    return Registration.objects.select_related("occurrence__event").get(pk=pk)


def registration_of_used_token(token: str) -> Registration | None:
    """The registration a link that has already served was made for (to say what became of it), or None."""
    try:
        pk = signing.read_token(token, PURPOSE, max_age=LINK_AGE)
    except signing.LinkError:
        return None
    return Registration.objects.select_related("occurrence__event").filter(pk=pk).first()


def cancel_url(registration: Registration) -> str:
    return settings.ANCRAGE_SITE_URL.rstrip("/") + reverse("agenda:cancel", args=[cancel_token(registration)])


def tell(template: str, registration: Registration, **extra) -> None:
    """E-mail the person about their registration (if they left an address), in the language they registered in,
    whoever or whatever (a visitor, an organiser, the nightly reminders) causes the message."""
    if registration.email:
        with translation.override(registration.language):
            mail.send(template, [registration.email], context(registration, **extra))


def context(registration: Registration, **extra) -> dict:
    occurrence = registration.occurrence
    event = occurrence.event
    site = settings.ANCRAGE_SITE_URL.rstrip("/")
    return {
        "registration": registration,
        "occurrence": occurrence,
        "event": event,
        "where": where(event),
        "event_url": site + event.get_absolute_url(),
        "ics_url": site + reverse("agenda:occurrence-ics", args=[occurrence.pk]),
        "cancel_url": cancel_url(registration) if registration.status != Registration.Status.CANCELLED else "",
        "position": position(registration) if registration.status == Registration.Status.WAITING else 0,
        **extra,
    }


def where(event) -> str:
    if event.mode == event.Mode.ONLINE:
        return _("En ligne")
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
            tell("agenda_reminder", registration)
            sent += 1
    return sent
