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
    """No value given. `False` is a value (a precise position is `position_approximative: False`)."""
    return value is None or value == "" or value == []


POSITION = ("latitude", "longitude", "position_approximative")


def _precise(data: dict) -> bool:
    return data.get("latitude") is not None and data.get("longitude") is not None and not data.get(POSITION[2])


def best_position(ordered: list[dict]) -> dict:
    """The position of the freshest record that knows it precisely; a commune centre (approximate)
    only when no record in the same commune does. Fields of a position are never mixed across records."""
    with_position = [d for d in ordered if any(name in d for name in POSITION)]
    if not with_position:
        return {}
    freshest = with_position[0]
    for data in with_position:
        same_commune = not data.get("code_insee") or data.get("code_insee") == freshest.get("code_insee")
        if _precise(data) and same_commune:
            return {name: data.get(name) for name in POSITION if name in data}
    located = next((d for d in with_position if d.get("latitude") is not None), freshest)
    return {name: located.get(name) for name in POSITION if name in located}


def keep_precise_position(obj, values: dict) -> dict:
    """A row giving only its commune centre does not move a place whose precise position is known."""
    known = obj.latitude is not None and not obj.position_approximative
    same_commune = values.get("code_insee", obj.code_insee) == obj.code_insee
    if known and same_commune and values.get(POSITION[2]):
        return {name: value for name, value in values.items() if name not in POSITION}
    return values


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
    combined.update(best_position([data for _, data in ordered]))
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
