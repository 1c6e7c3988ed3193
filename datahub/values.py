"""Values as the data hub stores, compares and combines them.

A source record keeps what its source said (`SourceRecord.data`, JSON). A place fed by several
sources shows, field by field, the value of the most recently updated source that gives one:
an empty value never erases what another source says, and undoing a merge is recomputing.
"""

import hashlib
import json
from datetime import date

_DATE_FIELDS = {"date_maj"}


def to_json(fields: dict) -> dict:
    """The fields as JSON-ready values (dates as ISO strings)."""
    return {name: (value.isoformat() if isinstance(value, date) else value) for name, value in fields.items()}


def from_json(name: str, value):
    if name in _DATE_FIELDS and isinstance(value, str) and value:
        return date.fromisoformat(value)
    return value


def fingerprint(fields: dict, *extra) -> str:
    payload = json.dumps([to_json(fields), extra], sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()


def comparable(value):
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    if value is None:
        return None
    return value


def is_empty(value) -> bool:
    return value in (None, "", [], False)


def combine(datas: list[tuple[date | str | None, dict]]) -> dict:
    """One value per field from several sources' data: the freshest non-empty one wins.

    `datas` is a list of (date_maj, data); a record of unknown date counts as the oldest.
    """
    ordered = sorted(datas, key=lambda item: str(item[0] or ""), reverse=True)
    combined: dict = {}
    for _, data in ordered:
        for name, value in data.items():
            if name not in combined or (is_empty(combined[name]) and not is_empty(value)):
                combined[name] = value
    return combined


def apply(obj, fields: dict) -> dict[str, tuple]:
    """Set `fields` on `obj`; return {field: (old, new)} for the values that actually changed."""
    changed = {}
    for name, value in fields.items():
        value = from_json(name, value)
        old = getattr(obj, name)
        if comparable(old) != comparable(value):
            changed[name] = (old, value)
            setattr(obj, name, value)
    return changed


def display(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return " | ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "oui" if value else "non"
    return str(value)
