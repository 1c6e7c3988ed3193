"""Practice sheets: written by a structure's members, a new author's first sheet read by the moderation before
it is published; later sheets publish at once; a moderator may unpublish one, saying why. Every change is
audited (status only) and the author is told of each decision (`moderation.notify`)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.permissions import DELETE, EDIT, MODERATE, can
from core import audit
from moderation import notify
from network.models import Practice

S = Practice.Status
FIELDS = ["structure", "title", "summary", "themes", "publics", "time_needed", "people_needed", "equipment_needed",
          "worked", "avoid"]  # fmt: skip


def trusted(user) -> bool:
    """An author the moderation already published once: their sheets publish at once."""
    return Practice.objects.filter(author_id=user.pk, published_at__isnull=False).exists()


def _status_after_edit(practice: Practice, user) -> str:
    if practice.pk is None:
        return S.PUBLISHED if trusted(user) else S.PENDING
    if practice.status == S.PUBLISHED:
        return S.PUBLISHED
    return S.PENDING  # waiting, refused or unpublished: read again


@transaction.atomic
def submit(practice: Practice, *, user) -> Practice:
    """Save a new or changed sheet (its fields already set, e.g. by the form)."""
    if not can(user, EDIT, practice):
        raise PermissionDenied(_("Seuls les membres de la structure écrivent ses fiches."))
    created = practice.pk is None
    before = Practice.objects.get(pk=practice.pk).status if not created else ""
    if created:
        practice.author = user
    practice.status = _status_after_edit(practice, user)
    if practice.status == S.PUBLISHED and practice.published_at is None:
        practice.published_at = timezone.now()
    practice.save()
    if created:
        audit.record(practice, "fiche créée", user=user, changes={"status": ["", practice.status]})
    else:
        audit.record(practice, "fiche modifiée", user=user, changes={"status": [before, practice.status]})
    return practice


def _decide(practice: Practice, user, *, expected, status: str, reason: str, verb: str) -> None:
    if not can(user, MODERATE, practice):
        raise PermissionDenied(_("Seules la modération et la coordination décident des fiches."))
    if practice.status not in expected:
        raise ValidationError(_("Cette fiche a déjà été décidée : rechargez la page."))
    before = practice.status
    practice.status, practice.reason = status, reason
    practice.decided_by, practice.decided_at = user, timezone.now()
    if status == S.PUBLISHED and practice.published_at is None:
        practice.published_at = practice.decided_at
    practice.save(update_fields=["status", "reason", "decided_by", "decided_at", "published_at"])
    audit.record(practice, verb, user=user, changes={"status": [before, status]}, note=reason)
    if practice.author is not None and practice.author.email:
        notify.decision(
            practice.author.email,
            subject=(
                _("votre fiche pratique « %(title)s », publiée jusqu’ici")
                if before == S.PUBLISHED
                else _("votre fiche pratique « %(title)s »")
            )
            % {"title": practice.title},
            accepted=status == S.PUBLISHED,
            reason=reason,
            url=practice.get_absolute_url(),
        )


def accept(practice: Practice, *, user) -> None:
    _decide(practice, user, expected=(S.PENDING,), status=S.PUBLISHED, reason="", verb="fiche acceptée")


def refuse(practice: Practice, *, user, reason: str) -> None:
    _require(reason)
    _decide(practice, user, expected=(S.PENDING,), status=S.REFUSED, reason=reason, verb="fiche refusée")


def unpublish(practice: Practice, *, user, reason: str) -> None:
    _require(reason)
    _decide(practice, user, expected=(S.PUBLISHED,), status=S.UNPUBLISHED, reason=reason, verb="fiche dépubliée")


def _require(reason: str) -> None:
    if not reason.strip():
        raise ValidationError(_("Dites à l’auteur pourquoi : ce message lui est envoyé."))


def delete(practice: Practice, *, user) -> None:
    if not can(user, DELETE, practice):
        raise PermissionDenied
    audit.record(practice, "fiche supprimée", user=user, changes={"status": [practice.status, ""]})
    practice.delete()
