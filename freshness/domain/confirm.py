"""A place's information is confirmed: one function, whatever the channel (e-mailed link, campaign, a
coordinator's call or visit, a member's edit or button in the structure space), and the other writes of
this app.

`confirm` records the confirmation, sets the place's information date to its day through the directory's
write function (so the public page says « Informations vérifiées le … » with that day, and the data hub keeps
the date as a correction of its own that an import does not revert), answers the place's open update
requests, and writes the audit log.

A member's applied edit of a place calls `confirm(place, channel=Channel.MEMBER_EDIT, user=member)`
(`contributions.domain.submit` and `review`: `contributions` imports this app, never the reverse);
`confirm_in_space` is the member's button « Mes informations sont à jour » in `/espace/`.
"""

from datetime import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext

from accounts.permissions import is_member
from core import audit
from directory.domain import writes
from directory.models import Place
from freshness.models import Channel, Confirmation, PlaceFreshness, UpdateRequest


def _stored(label) -> str:
    """A choice's label as the audit keeps it: French, whatever the page's language."""
    with translation.override(settings.LANGUAGE_CODE):
        return str(label)


@transaction.atomic
def confirm(
    place: Place, *, channel: str, user=None, at: datetime | None = None, note: str = "", request=None
) -> Confirmation:
    now = timezone.now()
    at = at or now
    if at > now:
        raise ValidationError(gettext("La date de la vérification ne peut pas être dans le futur."))
    by = user if getattr(user, "is_authenticated", False) else None
    confirmation = Confirmation.objects.create(
        place=place, at=at, channel=channel, by=by, note=note.strip(), request=request
    )
    state, _ = PlaceFreshness.objects.get_or_create(place=place)
    if state.last_confirmed_at is None or state.last_confirmed_at < at:
        state.last_confirmed_at = at
        state.save(update_fields=["last_confirmed_at"])
    answer(place, UpdateRequest.Outcome.CONFIRMED, at=at)
    day, before = timezone.localdate(at), place.date_maj
    if place.date_maj is None or place.date_maj < day:
        place.date_maj = day
        writes.save_place(place, user=by, fields=["date_maj"])
    audit.record(
        place,
        "informations confirmées",
        user=by,
        actor="" if by else "le lieu, par le lien reçu par courriel",
        changes={"date_maj": [before, place.date_maj]} if before != place.date_maj else None,
        note=" — ".join(filter(None, [_stored(Channel(channel).label), note.strip()])),
    )
    return confirmation


def confirm_in_space(user, place: Place) -> Confirmation:
    """A member of the place's structure says, from their space, that its information is right."""
    if not is_member(user, place.structure_id):
        raise PermissionDenied(gettext("Seuls les membres de la structure du lieu peuvent confirmer ses informations."))
    return confirm(place, channel=Channel.MEMBER_SPACE, user=user)


def answer(place: Place, outcome: str, at: datetime | None = None) -> int:
    """The place answered (confirmed, or sent a correction): its open requests stop (no reminder)."""
    return UpdateRequest.objects.filter(place=place, answered_at__isnull=True).update(
        answered_at=at or timezone.now(), outcome=outcome
    )


@transaction.atomic
def set_cadence(place: Place, months: int | None, *, user=None) -> PlaceFreshness:
    """A coordinator sets how often the place is checked (None: the territory's default)."""
    state, _ = PlaceFreshness.objects.get_or_create(place=place)
    if state.cadence_months != months:
        change = {"cadence_months": [state.cadence_months, months]}
        audit.record(place, "cadence de vérification", user=user, changes=change)
        state.cadence_months = months
        state.save(update_fields=["cadence_months"])
    return state


# Listeners: an edit or a report after a request is an answer (the « Modifier » link leads to them).
def on_place_edited(sender, instance, user, changes: dict, **kwargs) -> None:
    """`directory.domain.writes.edited`: a person changed the place or one of its services."""
    if set(changes) <= {"date_maj"}:
        return  # a confirmation's own date
    place = instance if sender is Place else instance.place
    answer(place, UpdateRequest.Outcome.EDITED)


def on_report_saved(sender, instance, created: bool, **kwargs) -> None:
    """A « Signaler une erreur » report on the place (the « Modifier » link of the e-mail leads there)."""
    if created:
        answer(instance.place, UpdateRequest.Outcome.EDITED)
