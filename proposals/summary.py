"""Everything a proposal holds, phrased for people: the proposer's review step and the moderator's page."""

from django.utils.translation import gettext as _

from contributions import hours


def _text(field, value) -> str:
    if value in (None, "", [], {}):
        return ""
    if isinstance(value, bool):
        return _("oui") if value else ""
    choices = dict(getattr(field, "choices", None) or [])
    values = value if isinstance(value, list | tuple) else [value]
    return ", ".join(str(choices.get(v, v)) for v in values if v not in (None, ""))


def sections(form) -> list[tuple[str, list[tuple[str, str]]]]:
    """[(section title, [(label, value as read)])] for a valid form; hours in words, empty fields left out."""
    data = form.cleaned_data
    result = []
    for title, names in type(form).sections if hasattr(type(form), "sections") else []:
        rows = []
        for name in names:
            if name not in form.fields or name.startswith("jour_") or name in ("feries_fermes", "horaires_osm"):
                continue
            text = _text(form.fields[name], data.get(name))
            if text:
                rows.append((str(form.fields[name].label), text))
        if any(name.startswith("jour_") for name in names):
            words = hours.in_words(data.get(form.hours_field) or "")
            if data.get(form.hours_field):
                rows.insert(0, (_("Horaires"), words))
        if rows:
            result.append((title, rows))
    return result


def readable(checked) -> dict:
    who = checked.who.cleaned_data if checked.who.is_valid() else {}
    return {
        "who": [(str(checked.who.fields[name].label), _text(checked.who.fields[name], who.get(name)))
                for name in checked.who.fields if _text(checked.who.fields[name], who.get(name))],
        "place": sections(checked.place) if checked.place is not None and checked.place.is_valid() else [],
        "services": [sections(form) for form in checked.services if form.is_valid()],
    }  # fmt: skip
