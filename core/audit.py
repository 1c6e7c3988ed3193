"""The audit log: every change a person makes, and every automated change a person would ask about.

`record(obj, "statut changé", user=request.user, changes=changes_between(before, after))`, or with
`actor="import #12"` for a job. Entries are read on the object's admin page (`AuditedAdmin`) and exported in
CSV from Administration › Plateforme › Journal des actions.
"""

from datetime import date, datetime
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType

from core.models import AuditEntry


def _jsonable(value):
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (list, tuple, set)):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool, dict)):
        return value
    return str(value)


def snapshot(obj, fields: list[str]) -> dict:
    """The values of `fields` on `obj` now (foreign keys by id)."""
    return {f: _jsonable(getattr(obj, obj._meta.get_field(f).attname)) for f in fields}


def changes_between(before: dict, after: dict) -> dict:
    return {k: [before.get(k), v] for k, v in after.items() if before.get(k) != v}


def record(obj, verb: str, *, user=None, actor: str = "", changes: dict | None = None, note: str = "") -> AuditEntry:
    person = user if user is not None and user.is_authenticated else None
    return AuditEntry.objects.create(
        user=person,
        actor=(actor or (person.get_username() if person else "système"))[:200],
        verb=verb[:100],
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        changes={k: [_jsonable(a), _jsonable(b)] for k, (a, b) in (changes or {}).items()},
        note=note,
    )


def entries_for(obj):
    ct = ContentType.objects.get_for_model(obj, for_concrete_model=False)
    return AuditEntry.objects.filter(content_type=ct, object_id=str(obj.pk)).select_related("user")
