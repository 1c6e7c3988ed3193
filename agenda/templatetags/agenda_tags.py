"""Small filters for the agenda's pages: hours as French writes them, a date with its weekday."""

from django import template
from django.utils import formats, timezone

from web.french import day


def french_inner_quotes(title: str) -> str:
    text = title or ""
    for old, new in (("«\u00a0", "“"), ("\u00a0»", "”"), ("« ", "“"), (" »", "”"), ("«", "“"), ("»", "”")):
        text = text.replace(old, new)
    return text


register = template.Library()


@register.filter
def hour(moment) -> str:
    """« 14 h », « 9 h 30 » (in the site's zone)."""
    local = timezone.localtime(moment)
    return f"{local.hour}\u00a0h" + (f"\u00a0{local.minute:02d}" if local.minute else "")


@register.filter
def weekday_date(value, inline="") -> str:
    """« Mardi 2 mars 2027 », « Jeudi 1er avril 2027 »; `|weekday_date:"inline"` inside a sentence: « mardi 2 mars
    2027 »."""
    if hasattr(value, "tzinfo"):
        value = timezone.localdate(value)
    weekday = formats.date_format(value, "l")
    return f"{weekday if inline else weekday.capitalize()} {day(value)}"


@register.filter
def get_item(mapping, key):
    return mapping.get(key)


@register.filter
def inner_quotes(title: str) -> str:
    """A title shown inside « » gets “ ” for its own quotes: « Atelier “Mon smartphone” »."""
    return french_inner_quotes(title)
