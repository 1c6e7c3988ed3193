"""A citizen's request from the form (or Open311) to its publication, and « Moi aussi » supports.

draft → (similar requests proposed) → send: the author confirms their e-mail by a single-use signed link → received
(public). A support is confirmed the same way, then counted and told of every change.
"""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation

from core import audit, mail, signing
from participation.models import Request, Support, Update

CONFIRM_REQUEST = "demande-confirmer"
CONFIRM_SUPPORT = "soutien-confirmer"
RECEIVED_NOTE = "Demande reçue. Le service responsable va l’étudier."


def link_days() -> timedelta:
    return timedelta(days=settings.ANCRAGE_REQUEST_LINK_DAYS)


def save_draft(request: Request) -> Request:
    """Keep what was typed (with its re-encoded photo) while the author looks at similar requests."""
    request.status = Request.Status.DRAFT
    request.language = translation.get_language() or settings.LANGUAGE_CODE
    request.save()
    return request


@transaction.atomic
def send(request: Request) -> Request:
    """The author sends the request: it waits for their e-mail's confirmation."""
    if request.status != Request.Status.DRAFT:
        raise ValueError("Only a draft is sent")
    request.status = Request.Status.UNCONFIRMED
    request.language = translation.get_language() or settings.LANGUAGE_CODE
    request.save()
    audit.record(request, "envoyée, adresse à confirmer", actor="visiteur")
    token = signing.make_token(CONFIRM_REQUEST, request.pk, single_use=True)
    mail.send(
        "request_confirm",
        [request.email],
        {
            "request": request,
            "url": reverse("participation:confirm", args=[token]),
            "days": settings.ANCRAGE_REQUEST_LINK_DAYS,
        },
    )
    return request


def read_request_link(token: str, *, consume: bool) -> Request:
    pk = signing.read_token(token, CONFIRM_REQUEST, max_age=link_days(), single_use=True, consume=consume)
    request = Request.objects.filter(pk=pk).select_related("category__service").first()
    if request is None:
        raise signing.InvalidLink
    return request


def publish(request: Request, *, actor: str) -> Request:
    """The request becomes public and reaches its service's queue (members told by e-mail)."""
    request.status, request.received_at = Request.Status.RECEIVED, timezone.now()
    request.save()
    Update.objects.create(request=request, status=request.status, note=RECEIVED_NOTE, by_service=False)
    audit.record(request, "reçue (publiée)", actor=actor)
    members = [u.email for u in request.category.service.members.filter(is_active=True)]
    if members:
        with translation.override(settings.LANGUAGE_CODE):  # the services work in French, whatever the author read
            url = reverse("participation:handle", args=[request.pk])
            mail.send("request_new", members, {"request": request, "url": url})
    return request


@transaction.atomic
def confirm(token: str) -> Request:
    """The author confirmed their e-mail (a POST: mail scanners only follow links)."""
    request = read_request_link(token, consume=True)
    if request.status == Request.Status.UNCONFIRMED:
        publish(request, actor="visiteur")
    return request


@transaction.atomic
def support(request: Request, email: str) -> Support | None:
    """« Moi aussi »: ask the supporter to confirm their e-mail; None when they already support it."""
    if not request.is_open:
        raise ValueError("Only an open request is supported")
    email = email.strip().lower()
    try:
        with transaction.atomic():
            row = Support.objects.create(
                request=request, email=email, language=translation.get_language() or settings.LANGUAGE_CODE
            )
    except IntegrityError:
        return None
    audit.record(request, "soutien proposé", actor="visiteur")
    token = signing.make_token(CONFIRM_SUPPORT, row.pk, single_use=True)
    mail.send(
        "support_confirm",
        [email],
        {
            "request": request,
            "url": reverse("participation:confirm-support", args=[token]),
            "days": settings.ANCRAGE_REQUEST_LINK_DAYS,
        },
    )
    return row


def read_support_link(token: str, *, consume: bool) -> Support:
    pk = signing.read_token(token, CONFIRM_SUPPORT, max_age=link_days(), single_use=True, consume=consume)
    row = Support.objects.filter(pk=pk).select_related("request__category").first()
    if row is None:
        raise signing.InvalidLink
    return row


@transaction.atomic
def confirm_support(token: str) -> Support:
    row = read_support_link(token, consume=True)
    if row.confirmed_at is None:
        row.confirmed_at = timezone.now()
        row.save(update_fields=["confirmed_at"])
        audit.record(row.request, "soutien confirmé", actor="visiteur")
    return row


@transaction.atomic
def support_instead(draft: Request, target: Request) -> Support | None:
    """The author of a draft supports `target` instead of posting a duplicate: the draft is deleted."""
    row = support(target, draft.email)
    draft.delete()  # its photo too (participation.apps)
    return row
