"""E-mailed update requests: who gets them, their signed links, and the three steps the periodic job runs
(send what is due, remind, escalate to the coordinators).

A request is claimed before its message is queued, in the same transaction: the periodic job inserts the
request row (unique per place and due date, so a second worker's insert fails and it sends nothing); a
reminder is claimed by a conditional UPDATE on `reminded_at`. No address is logged or stored.
"""

import logging
from datetime import date, datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Case, F, When
from django.urls import reverse
from django.utils import timezone

from accounts.models import Membership
from core import mail, signing
from directory.models import Place
from freshness.domain.due import due_by, due_date_of
from freshness.models import UpdateRequest

logger = logging.getLogger(__name__)

PURPOSE = "fiche-a-jour"
MAIL = "fraicheur_demande"


def members(place: Place) -> list[str]:
    """The addresses of the active members of the place's structure, its admins first."""
    if place.structure_id is None:
        return []
    admin = Case(When(role=Membership.Role.ADMIN, then=0), default=1)
    found = (
        Membership.objects.filter(structure_id=place.structure_id, user__is_active=True)
        .order_by(admin, "user__email")
        .values_list("user__email", flat=True)
    )
    return list(found)


def recipients(place: Place) -> list[str]:
    """The addresses asked to check a place: the active members of its structure (admins first); only when it
    has none (or the place no structure), its public e-mail contact (public data, shown on its page), at most
    three. Every sender (periodic requests, reminders, campaigns, the dashboard's count) reads this one
    function. The addresses are never logged nor stored: they are read again for each message."""
    return members(place) or _public_contact(place)


def staffed_structures() -> set[int]:
    """The structures with at least one active member (one query), for counting many places at once."""
    active = Membership.objects.filter(user__is_active=True)
    return set(active.values_list("structure_id", flat=True).distinct())


def reachable(place: Place, staffed: set[int]) -> bool:
    """Whether `recipients(place)` is not empty, without a query per place (`staffed`: `staffed_structures()`)."""
    return place.structure_id in staffed or bool(_public_contact(place))


def _public_contact(place: Place) -> list[str]:
    seen = []
    for address in place.courriels:
        if address and address.lower() not in (s.lower() for s in seen):
            seen.append(address)
    return seen[:3]


def edit_url(place: Place) -> str:
    """Where « Modifier » leads (a path): the member's edit page in the structure space when the place's
    structure has active members (an anonymous visitor logs in first, then comes back to it); otherwise the
    public « Signaler une erreur » form."""
    if members(place):
        return reverse("contributions:edit-place", kwargs={"pk": place.pk})
    return reverse("directory:report", kwargs={"pk": place.pk})


def link_max_age() -> timedelta:
    return timedelta(days=settings.ANCRAGE_FRESHNESS_LINK_DAYS)


def confirm_path(request: UpdateRequest) -> str:
    """The signed, single-use link « Mes informations sont à jour » (a path): it opens a page whose button
    confirms. A GET never confirms: mail scanners open links on their own."""
    token = signing.make_token(PURPOSE, {"d": request.pk, "l": request.place_id}, single_use=True)
    return reverse("freshness:confirm", kwargs={"pk": request.place_id, "token": token})


def read_link(token: str, pk: int, *, consume: bool) -> UpdateRequest:
    """The request a link was made for, if it is genuine, unexpired, unused and made for place `pk`.
    Raises `signing.LinkError` (with a French message) otherwise. Consumes it only when `consume`."""
    value = signing.read_token(token, PURPOSE, max_age=link_max_age(), single_use=True, consume=False)
    if not isinstance(value, dict) or value.get("l") != pk:
        raise signing.InvalidLink
    found = UpdateRequest.objects.select_related("place", "campaign").filter(pk=value.get("d"), place_id=pk).first()
    if found is None:
        raise signing.InvalidLink
    if consume:
        signing.read_token(token, PURPOSE, max_age=link_max_age(), single_use=True, consume=True)
    return found


def send(request: UpdateRequest, to: list[str], *, reminder: bool = False) -> None:
    """Queue the request's one message to its recipients (in the caller's transaction)."""
    place, site = request.place, settings.ANCRAGE_SITE_URL
    team = place.structure if members(place) else None  # the message speaks to the structure's people
    mail.send(
        MAIL,
        to,
        {
            "place": place,
            "structure": team,
            "reminder": reminder,
            "campaign": request.campaign,
            "confirm_url": site + confirm_path(request),
            "edit_url": site + edit_url(place),
            "place_url": site + place.get_absolute_url(),
            "expires_on": timezone.localdate() + link_max_age(),
        },
        reply_to=settings.ANCRAGE_LEGAL.get("email", ""),
    )
    logger.info("Update request %s queued for place %s (%s)", request.pk, place.pk, "reminder" if reminder else "first")


def _due_places(today: date):
    return (
        Place.objects.published()
        .filter(due_by(today))
        .select_related("freshness")
        .order_by(F("date_maj").asc(nulls_first=True), "pk")
    )


def send_due(today: date | None = None, limit: int | None = None) -> int:
    """One request to each due place that has none for its due date and has someone to write to."""
    today = today or timezone.localdate()
    limit = settings.ANCRAGE_FRESHNESS_DAILY_MAX if limit is None else limit
    places = _due_places(today)
    known = set(
        UpdateRequest.objects.filter(place__in=places.values("pk")).values_list("place_id", "due_on").distinct()
    )
    sent = 0
    for place in places.iterator(chunk_size=500):
        if sent >= limit:
            break
        due = due_date_of(place)
        if (place.pk, due) in known or not (to := recipients(place)):
            continue
        if claim_and_send(place, due, to):
            sent += 1
    return sent


def claim_and_send(place: Place, due: date, to: list[str]) -> UpdateRequest | None:
    """Insert the request for this due period, then queue its message; None if another process claimed it."""
    with transaction.atomic():
        try:
            with transaction.atomic():
                request = UpdateRequest.objects.create(
                    place=place, due_on=due, recipients_count=len(to), sent_at=timezone.now()
                )
        except IntegrityError:
            return None
        send(request, to)
        return request


def send_reminders(now: datetime | None = None) -> int:
    """Remind, once, the requests unanswered ANCRAGE_FRESHNESS_REMIND_DAYS after they were sent."""
    now = now or timezone.now()
    waiting = UpdateRequest.objects.filter(
        answered_at__isnull=True,
        reminded_at__isnull=True,
        sent_at__lte=now - timedelta(days=settings.ANCRAGE_FRESHNESS_REMIND_DAYS),
    )
    reminded = 0
    for pk in list(waiting.values_list("pk", flat=True)):
        with transaction.atomic():
            claimed = UpdateRequest.objects.filter(pk=pk, reminded_at__isnull=True, answered_at__isnull=True).update(
                reminded_at=now
            )
            if not claimed:
                continue
            request = UpdateRequest.objects.select_related("place", "campaign").get(pk=pk)
            if to := recipients(request.place):
                send(request, to, reminder=True)
                reminded += 1
    return reminded


def escalate(now: datetime | None = None) -> int:
    """Requests still unanswered ANCRAGE_FRESHNESS_ESCALATE_DAYS after their reminder go to the coordinators
    (« Relance sans réponse » in the back-office, and the weekly digest)."""
    now = now or timezone.now()
    return UpdateRequest.objects.filter(
        answered_at__isnull=True,
        escalated_at__isnull=True,
        reminded_at__lte=now - timedelta(days=settings.ANCRAGE_FRESHNESS_ESCALATE_DAYS),
    ).update(escalated_at=now)
