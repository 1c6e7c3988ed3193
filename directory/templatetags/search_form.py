"""`{{ form.public|check_grid }}`: a filter's checkboxes, written in Python.

The same markup as `{% for box in field %}<div>{{ box.tag }} <label …>…</label></div>{% endfor %}`, without a
template rendered per checkbox: the search form has about 35 of them on every results page.
"""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from directory.forms import NO_PLACE_YET

register = template.Library()


@register.filter
def check_grid(field) -> str:
    selected = {str(value) for value in field.value() or []}
    invalid = mark_safe(' aria-invalid="true"') if field.errors else ""
    checked = mark_safe(" checked")
    rows = []
    for index, (value, label) in enumerate(field.field.choices):
        box_id = f"{field.auto_id}_{index}"
        rows.append((field.html_name, value, box_id, invalid, checked if str(value) in selected else "", box_id, label))
    return format_html_join(
        "", '<div><input type="checkbox" name="{}" value="{}" id="{}"{}{}> <label for="{}">{}</label></div>', rows
    )


@register.filter
def select(field) -> str:
    """A choice field as `<select>`, as its widget renders it (a `NeedSelect`'s unavailable needs disabled, with
    « aucun lieu pour l’instant »), without a template rendered per option."""
    value = field.value()
    chosen = "" if value is None else str(value)
    unavailable = getattr(field.field.widget, "unavailable", frozenset())
    options = []
    for option, label in field.field.choices:
        option = "" if option is None else str(option)
        flags = (" selected" if option == chosen else "") + (" disabled" if option in unavailable else "")
        text = f"{label} — {NO_PLACE_YET}" if option in unavailable else label
        options.append((option, mark_safe(flags), text))
    invalid = format_html(' aria-invalid="true" aria-describedby="{}_error"', field.auto_id) if field.errors else ""
    return format_html(
        '<select name="{}"{} id="{}">{}</select>',
        field.html_name,
        invalid,
        field.auto_id,
        format_html_join("", '<option value="{}"{}>{}</option>', options),
    )
