"""A structure's member edits a place or a service: the edit becomes a `Contribution`.

Following DORA: a validated structure's edit is applied at once (through `directory.domain.writes`, recorded by
the data hub as the structure's own source) and waits for a moderator's review afterwards; a structure not yet
validated sees its edit wait, unapplied, until a moderator accepts it. A coordinator's or a moderator's edit is
applied and needs no review.

A member's edit of a place is also an answer to freshness: once applied (at once, or when a moderator accepts
it) it is a confirmation (`freshness.domain.confirm.confirm`, channel « modification par un membre », the
member as author); a member's edit left waiting answers the place's open update request, so no reminder
follows it.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from accounts.permissions import ADD_SERVICE, DELETE, EDIT, can, is_coordinator, is_member, is_moderator
from contributions.models import Contribution, FieldEdit
from core import audit
from datahub.provenance import COORDINATION, STRUCTURE
from datahub.values import apply, comparable, from_json, to_json
from directory.domain import writes
from directory.models import Place, Service
from freshness.domain.confirm import answer, confirm
from freshness.models import Channel, UpdateRequest

Status, Action = Contribution.Status, Contribution.Action


def _trusted(user) -> bool:
    return is_coordinator(user) or is_moderator(user)


def first_status(user, place) -> str:
    """Published at once (then reviewed) for a validated structure; waiting for a new one's."""
    if _trusted(user) and not is_member(user, place.structure_id):
        return Status.ACCEPTED
    structure = place.structure
    return Status.PUBLISHED if structure is not None and structure.validated else Status.PENDING


def source_for(user) -> str:
    return COORDINATION if _trusted(user) else STRUCTURE


def _same(a, b) -> bool:
    a, b = comparable(a), comparable(b)
    if isinstance(a, list) and isinstance(b, list):
        return sorted(map(str, a)) == sorted(map(str, b))  # checkboxes give their own order
    return a == b


def _diff(obj, values: dict) -> dict[str, tuple]:
    return {name: (getattr(obj, name), value) for name, value in values.items() if not _same(getattr(obj, name), value)}


def changed(obj, values: dict) -> dict:
    """The values that differ from `obj`'s."""
    return {name: new for name, (_, new) in _diff(obj, values).items()}


def _create(user, place, status, changes, *, service=None, service_name="", action=Action.EDIT) -> Contribution:
    contribution = Contribution.objects.create(
        author=user, structure=place.structure, place=place, service=service, service_name=service_name,
        action=action, status=status,
    )  # fmt: skip
    FieldEdit.objects.bulk_create(
        FieldEdit(contribution=contribution, field=name, old_value=to_json({name: old})[name],
                  new_value=to_json({name: new})[name],
                  decision=FieldEdit.Decision.ACCEPTED if status == Status.ACCEPTED else "")
        for name, (old, new) in changes.items()
    )  # fmt: skip
    verb = {Status.PENDING: "proposée", Status.PUBLISHED: "publiée, à relire"}.get(status, "appliquée")
    audit.record(contribution, verb, user=user, changes={name: [str(o), str(n)] for name, (o, n) in changes.items()})
    if status == Status.PENDING:
        answer(place, UpdateRequest.Outcome.EDITED)  # an applied edit answers through `writes.edited`
    return contribution


def _supersede_pending(contribution: Contribution) -> None:
    """An older edit still waiting on the same fields gives way to this newer one."""
    from contributions.domain.review import settle

    older = FieldEdit.objects.filter(
        contribution__place=contribution.place, contribution__service=contribution.service,
        contribution__status=Status.PENDING, contribution__action=Action.EDIT, decision="",
        field__in=contribution.fields.values("field"),
    ).exclude(contribution=contribution)  # fmt: skip
    touched = set(older.values_list("contribution_id", flat=True))
    older.update(decision=FieldEdit.Decision.REVERTED, note="Remplacée par une modification plus récente.")
    for previous in Contribution.objects.filter(pk__in=touched):
        settle(previous)


def write(obj, values: dict, *, user, source: str) -> None:
    """Apply values (JSON form) to a place or a service through the directory's write functions."""
    changed = apply(obj, {name: from_json(name, value) for name, value in values.items()})
    if not changed:
        return
    if isinstance(obj, Place):
        writes.save_place(obj, user=user, fields=list(changed), source=source)
    else:
        writes.save_service(obj, user=user, fields=list(changed), source=source)


@transaction.atomic
def edit(user, obj: Place | Service, values: dict) -> Contribution | None:
    """`user` changes these fields of a place or a service; None when nothing changed."""
    if not can(user, EDIT, obj):
        raise PermissionDenied
    place = obj if isinstance(obj, Place) else obj.place
    changes = _diff(obj, values)
    if not changes:
        return None
    status = first_status(user, place)
    service = obj if isinstance(obj, Service) else None
    contribution = _create(user, place, status, changes, service=service, service_name=service.nom if service else "")
    if status == Status.PENDING:
        _supersede_pending(contribution)
    else:
        write(obj, to_json({name: new for name, (_, new) in changes.items()}), user=user, source=source_for(user))
        if service is None:
            confirmed_by_edit(place, user)
    return contribution


def confirmed_by_edit(place: Place, author) -> None:
    """A place edit by a member of its structure, now applied, confirms the place's information (freshness)."""
    if author is not None and is_member(author, place.structure_id):
        confirm(place, channel=Channel.MEMBER_EDIT, user=author)


@transaction.atomic
def add_service(user, place: Place, values: dict) -> Contribution:
    """A new service at `place`: created now (validated structure) or when accepted."""
    if not can(user, ADD_SERVICE, place):
        raise PermissionDenied
    status = first_status(user, place)
    changes = {name: (None, value) for name, value in values.items() if value not in (None, "", [])}
    service = None
    if status != Status.PENDING:
        service = create_service(place, to_json(values))
    return _create(user, place, status, changes, service=service, service_name=values["nom"], action=Action.ADD)


def create_service(place: Place, values: dict) -> Service:
    service = Service(place=place, source=STRUCTURE, **{name: from_json(name, v) for name, v in values.items()})
    return writes.save_service(service)


@transaction.atomic
def delete_service(user, service: Service) -> Contribution:
    """Removing a service: now (validated structure, restorable by a moderator) or when accepted."""
    if not can(user, DELETE, service):
        raise PermissionDenied
    from contributions.fields import SERVICE_FIELDS

    place = service.place
    status = first_status(user, place)
    changes = {
        name: (getattr(service, name), None) for name in SERVICE_FIELDS if getattr(service, name) not in ("", [])
    }
    contribution = _create(
        user, place, status, changes, service=service, service_name=service.nom, action=Action.DELETE
    )
    if status != Status.PENDING:
        writes.delete_service(service)
    return contribution
