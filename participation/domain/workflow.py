"""A request's life once public: every change is one function here (validate, save, audit, notify followers).

States: received → qualified → planned (an expected date) → in progress → done, or closed with a reason from a
list, from any open state. « Fait » may be contested by the author or a supporter within
ANCRAGE_REQUEST_CONTEST_DAYS (a signed link in the e-mail): the request reopens.
"""

import datetime
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core import audit, mail, signing
from participation.models import InternalNote, Request, Support, Update

S = Request.Status
CONTEST = "demande-contester"
TRANSITIONS = {
    S.RECEIVED: {S.QUALIFIED, S.PLANNED, S.IN_PROGRESS, S.DONE, S.CLOSED},
    S.QUALIFIED: {S.PLANNED, S.IN_PROGRESS, S.DONE, S.CLOSED},
    S.PLANNED: {S.PLANNED, S.IN_PROGRESS, S.DONE, S.CLOSED},
    S.IN_PROGRESS: {S.PLANNED, S.DONE, S.CLOSED},
    S.DONE: {S.RECEIVED},  # reopened by the service
    S.CLOSED: {S.RECEIVED},
}
AUDITED = ["status", "close_reason", "planned_for"]


def followers(request: Request) -> dict[str, str]:
    """The author and the confirmed supporters (their addresses, never shown), each with their language."""
    people = [(request.email, request.language)] if request.email else []
    people += (
        Support.objects.filter(request=request, confirmed_at__isnull=False)
        .exclude(email="")
        .values_list("email", "language")
    )
    found = {}
    for email, language in people:
        found.setdefault(email.lower(), language)
    return found


def allowed(request: Request) -> set:
    return TRANSITIONS.get(request.status, set())


def _notify(request: Request, update: Update, recipients: dict[str, str]) -> None:
    """One message per follower, in their language (each with their own contest link when done)."""
    for email, language in recipients.items():
        with translation.override(language):
            context = {"request": request, "update": update, "url": reverse("participation:detail", args=[request.pk])}
            if update.status == S.DONE:
                token = signing.make_token(CONTEST, {"r": request.pk, "u": update.pk}, single_use=True)
                context["contest_url"] = reverse("participation:contest", args=[token])
                context["contest_days"] = settings.ANCRAGE_REQUEST_CONTEST_DAYS
            mail.send("request_update", [email], context)


@transaction.atomic
def change_status(
    request: Request,
    status: str,
    note: str,
    *,
    user=None,
    planned_for: datetime.date | None = None,
    close_reason: str = "",
    actor: str = "",
) -> Update:
    """Move `request` to `status` with a public note; followers are told. Raises ValidationError in French."""
    request = Request.objects.select_for_update().get(pk=request.pk)
    note = (note or "").strip()
    if status not in allowed(request):
        raise ValidationError(
            _("Une demande « %(status)s » ne peut pas passer à cet état.") % {"status": request.get_status_display()}
        )
    if not note:
        raise ValidationError(_("Écrivez une note publique : elle explique ce changement aux personnes qui suivent."))
    if status == S.PLANNED:
        if planned_for is None:
            raise ValidationError(_("Indiquez la date d’intervention prévue."))
        if planned_for < timezone.localdate():
            raise ValidationError(_("La date d’intervention prévue ne peut pas être passée."))
    if status == S.CLOSED and close_reason not in Request.CloseReason.values:
        raise ValidationError(_("Choisissez le motif de clôture."))
    before = audit.snapshot(request, AUDITED)
    now = timezone.now()
    request.status = status
    request.close_reason = close_reason if status == S.CLOSED else ""
    if status == S.PLANNED:
        request.planned_for, request.planned_at = planned_for, request.planned_at or now
    elif status == S.RECEIVED:
        request.planned_for = None  # reopened: the old date is past, it must be planned again
    request.closed_at = now if status in (S.DONE, S.CLOSED) else None
    request.save()
    update = Update.objects.create(
        request=request,
        status=status,
        note=note,
        planned_for=request.planned_for if status == S.PLANNED else None,
        close_reason=request.close_reason,
    )
    audit.record(
        request,
        "état changé",
        user=user,
        actor=actor,
        changes=audit.changes_between(before, audit.snapshot(request, AUDITED)),
    )
    _notify(request, update, followers(request))  # queued jobs: they roll back with the transaction
    return update


def read_contest_link(token: str, *, consume: bool) -> Request:
    value = signing.read_token(
        token, CONTEST, max_age=timedelta(days=settings.ANCRAGE_REQUEST_CONTEST_DAYS), single_use=True, consume=consume
    )
    request = Request.objects.filter(pk=value["r"]).select_related("category", "commune").first()
    if request is None or request.status != S.DONE or not request.updates.filter(pk=value["u"], status=S.DONE).exists():
        raise signing.InvalidLink
    latest_done = request.updates.filter(status=S.DONE).order_by("-pk").values_list("pk", flat=True).first()
    if latest_done != value["u"]:
        raise signing.InvalidLink
    return request


@transaction.atomic
def contest(token: str, reason: str) -> Request:
    """« Ce n’est pas réglé »: the request reopens (received), with the person's words as the public note."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Dites en quelques mots ce qui n’est pas réglé."))
    request = read_contest_link(token, consume=True)
    before = audit.snapshot(request, AUDITED)
    request.status, request.closed_at, request.planned_for = S.RECEIVED, None, None  # to be planned again
    request.save()
    update = Update.objects.create(
        request=request,
        status=S.RECEIVED,
        by_service=False,
        note=f"Rouverte : ce n’est pas réglé selon une personne qui suit la demande. « {reason} »",
    )
    audit.record(
        request,
        "rouverte (contestée)",
        actor="visiteur",
        changes=audit.changes_between(before, audit.snapshot(request, AUDITED)),
    )
    _notify(request, update, followers(request))  # queued jobs: they roll back with the transaction
    return request


def set_priority(request: Request, priority: int, *, user) -> Request:
    if priority not in Request.Priority.values:
        raise ValidationError(_("Choisissez une priorité de la liste."))
    before = audit.snapshot(request, ["priority"])
    request.priority = priority
    request.save(update_fields=["priority", "updated"])
    audit.record(request, "priorité changée", user=user, changes=audit.changes_between(before, {"priority": priority}))
    return request


def add_internal_note(request: Request, text: str, *, user) -> InternalNote:
    text = (text or "").strip()
    if not text:
        raise ValidationError(_("La note interne est vide."))
    note = InternalNote.objects.create(request=request, author=user, text=text)
    audit.record(request, "note interne ajoutée", user=user)  # the text stays out of the journal
    return note


@transaction.atomic
def merge(duplicate: Request, survivor: Request, note: str, *, user) -> Request:
    """`duplicate` is closed as a duplicate pointing to `survivor`; its author and supporters follow `survivor`."""
    if duplicate.pk == survivor.pk:
        raise ValidationError(_("Une demande ne peut pas être fusionnée avec elle-même."))
    if not survivor.is_open:
        raise ValidationError(_("La demande qui reste doit être ouverte."))
    if not duplicate.is_open:
        raise ValidationError(_("Seule une demande ouverte peut être fusionnée."))
    note = (note or "").strip() or f"Même demande que la n° {survivor.pk} : elle est suivie là-bas."
    duplicate.merged_into = survivor
    duplicate.save(update_fields=["merged_into", "updated"])
    change_status(duplicate, S.CLOSED, note, user=user, close_reason=Request.CloseReason.DUPLICATE)
    already = set(Support.objects.filter(request=survivor).values_list("email", flat=True)) | {survivor.email}
    moved = [(row.email, row.confirmed_at) for row in Support.objects.filter(request=duplicate)]
    if duplicate.email:
        moved.append((duplicate.email, timezone.now()))
    for email, confirmed_at in moved:
        if email and email not in already:
            Support.objects.create(request=survivor, email=email, confirmed_at=confirmed_at)
            already.add(email)
    Support.objects.filter(request=duplicate).delete()
    audit.record(survivor, f"demande n° {duplicate.pk} fusionnée ici", user=user)
    return survivor
