"""Cleaning shared by structures and services before validation."""

from django.utils.translation import gettext

from datahub import normalize
from datahub.importers.common import text
from territory import overseas


def first(value):
    """data·inclusion v0 sometimes gives lists where v1 has one value."""
    if isinstance(value, (list, tuple)):
        return value[0] if value else ""
    return value


def clean_contacts(row: dict, data: dict, warnings: list) -> None:
    raw_phone = text(row, "telephone")
    if raw_phone:
        departement = overseas.departement_of(text(row, "code_insee") or text(row, "code_postal"))
        data["telephone"] = normalize.phone(raw_phone, departement)
        if not data["telephone"]:
            warnings.append(gettext("Téléphone illisible ignoré : « %(value)s »") % {"value": raw_phone})
    raw_email = str(first(row.get("courriel")) or "").strip()
    if raw_email:
        data["courriel"] = normalize.email(raw_email)
        if not data["courriel"]:
            warnings.append(gettext("Courriel invalide ignoré : « %(value)s »") % {"value": raw_email})


def clean_url(raw, label: str, warnings: list) -> str:
    raw = str(first(raw) or "").strip()
    value = normalize.url(raw)
    if raw and not value:
        warnings.append(gettext("%(label)s invalide ignoré : « %(value)s »") % {"label": label, "value": raw[:100]})
    return value


def text_value(value) -> str:
    return "" if value is None else str(value.value if hasattr(value, "value") else value)


def values(items) -> list[str]:
    return sorted(text_value(v) for v in items or [])


def as_list(value) -> list[str]:
    """A list cell as JSON (`["a", "b"]`), PostgreSQL array (`{a,b}`) or delimited text (`a|b`, `a,b`)."""
    import json

    from standards.parsing import split_cell

    if isinstance(value, str):
        stripped = value.strip()
        if stripped.startswith("["):
            try:
                return [str(v) for v in json.loads(stripped) if v not in (None, "")]
            except ValueError:
                pass
        if stripped.startswith("{") and stripped.endswith("}"):
            stripped = stripped[1:-1].replace('"', "")
        return split_cell(stripped)
    return split_cell(value)
