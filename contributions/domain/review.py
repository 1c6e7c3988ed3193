"""A moderator's decision on a contribution, field by field: accept it, or revert it (with a reason).

Reverting a published field writes the value before back through the directory's write functions (as the
coordination's correction) and withdraws it from the structure's source record; accepting a waiting field
applies it. The author is told (`moderation.notify.decision`, with the reason), the decision is audited.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.permissions import MODERATE, can
from contributions.fields import label, model_of
from contributions.models import Contribution, FieldEdit
from core import audit
from datahub.provenance import COORDINATION, STRUCTURE, withdraw
from datahub.values import comparable, to_json
from moderation import notify

Status, Action, Decision = Contribution.Status, Contribution.Action, FieldEdit.Decision


def settle(contribution: Contribution) -> None:
    """The contribution's state from its fields' decisions, once every field is decided."""
    decisions = set(contribution.fields.values_list("decision", flat=True))
    if not decisions or "" in decisions:
        return
    status = {frozenset({Decision.ACCEPTED}): Status.ACCEPTED, frozenset({Decision.REVERTED}): Status.REVERTED}
    contribution.status = status.get(frozenset(decisions), Status.PARTLY)
    contribution.save(update_fields=["status"])


def _current(obj, field: str):
    return comparable(to_json({field: getattr(obj, field)})[field])


def _revert_published(contribution: Contribution, edits: list[FieldEdit], moderator) -> None:
    from contributions.domain.submit import create_service, write
    from directory.domain import writes

    if contribution.action == Action.ADD:
        if contribution.service is not None:
            writes.delete_service(contribution.service)
            contribution.service = None
        return
    if contribution.action == Action.DELETE:
        values = {e.field: e.old_value for e in contribution.fields.all()}
        service = create_service(contribution.place, values)
        contribution.service = service
        contribution.save(update_fields=["service"])
        return
    obj = contribution.service if contribution.service_name else contribution.place
    if obj is None:  # the service was deleted since
        for e in edits:
            e.note = "Le service a été supprimé depuis : rien à remettre."
        return
    back = {}
    for e in edits:
        if _current(obj, e.field) == comparable(e.new_value):
            back[e.field] = e.old_value
        else:
            e.note = "La valeur a changé depuis : elle est laissée telle quelle."
    if back:
        write(obj, back, user=moderator, source=COORDINATION)
        withdraw(STRUCTURE, obj, list(back))


def _apply_pending(contribution: Contribution, edits: list[FieldEdit]) -> None:
    from contributions.domain.submit import confirmed_by_edit, create_service, write
    from directory.domain import writes

    author = contribution.author
    if contribution.action == Action.ADD:
        values = {e.field: e.new_value for e in contribution.fields.all()}
        contribution.service = create_service(contribution.place, values)
        contribution.save(update_fields=["service"])
    elif contribution.action == Action.DELETE:
        if contribution.service is not None:
            writes.delete_service(contribution.service)
            contribution.service = None
    else:
        obj = contribution.service if contribution.service_name else contribution.place
        if obj is not None:
            write(obj, {e.field: e.new_value for e in edits}, user=author, source=STRUCTURE)
        if not contribution.service_name:  # the place itself: its member's edit, now applied, confirms it
            confirmed_by_edit(contribution.place, author)


@transaction.atomic
def decide(contribution: Contribution, moderator, accepted: dict[str, bool], reason: str = "") -> Contribution:
    """`accepted`: {group (see `fields.group`): True to accept, False to revert}. A revert needs a reason."""
    if not can(moderator, MODERATE, contribution):
        raise PermissionDenied
    contribution = Contribution.objects.select_for_update().get(pk=contribution.pk)
    if not contribution.waiting:
        raise ValueError(_("Cette contribution a déjà été relue."))
    from contributions.fields import group

    edits = list(contribution.fields.filter(decision=""))
    whole = contribution.action != Action.EDIT  # an added or deleted service is decided as a whole
    for e in edits:
        ok = all(accepted.values()) if whole else accepted.get(group(e.field), True)
        e.decision = Decision.ACCEPTED if ok else Decision.REVERTED
    reverted = [e for e in edits if e.decision == Decision.REVERTED]
    kept = [e for e in edits if e.decision == Decision.ACCEPTED]
    if reverted and not reason.strip():
        raise ValueError(_("Un refus doit dire pourquoi."))
    if contribution.status == Status.PUBLISHED and reverted:
        _revert_published(contribution, reverted, moderator)
    if contribution.status == Status.PENDING and kept:
        _apply_pending(contribution, kept)
    FieldEdit.objects.bulk_update(edits, ["decision", "note"])
    contribution.reviewed_at, contribution.reviewed_by, contribution.reason = timezone.now(), moderator, reason
    contribution.save(update_fields=["reviewed_at", "reviewed_by", "reason"])
    settle(contribution)
    audit.record(
        contribution, "relue", user=moderator, note=reason,
        changes={e.field: ["à relire", e.get_decision_display()] for e in edits},
    )  # fmt: skip
    _tell_author(contribution, reverted, reason, partly=bool(reverted and kept))
    return contribution


def _tell_author(contribution: Contribution, reverted: list[FieldEdit], reason: str, partly: bool = False) -> None:
    author = contribution.author
    if author is None or not author.is_active:
        return
    model = model_of(contribution)
    if reverted and contribution.action == Action.EDIT:
        names = sorted({label(model, e.field) for e in reverted})
        reason = _("%(reason)s\n\nAnnulé : %(fields)s.") % {"reason": reason.strip(), "fields": ", ".join(names)}
    notify.decision(
        author.email, subject=contribution.title, accepted=not reverted, partly=partly, reason=reason,
        url=reverse("contributions:place", args=[contribution.place_id]),
    )  # fmt: skip
