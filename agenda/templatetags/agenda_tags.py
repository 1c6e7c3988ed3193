"""Small filters for the agenda's pages: hours as French writes them, a date with its weekday."""

from django import template
from django.utils import formats, timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from web import french
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
    if local.minute:
        return gettext("%(hour)s h %(minute)s") % {"hour": local.hour, "minute": f"{local.minute:02d}"}
    return gettext("%(hour)s h") % {"hour": local.hour}


@register.filter
def weekday_date(value, inline="") -> str:
    """« Mardi 2 mars 2027 », « Jeudi 1er avril 2027 »; `|weekday_date:"inline"` inside a sentence: « mardi 2 mars
    2027 »."""
    if hasattr(value, "tzinfo"):
        value = timezone.localdate(value)
    weekday = formats.date_format(value, "l")
    return gettext("%(weekday)s %(date)s") % {
        "weekday": weekday if inline else weekday.capitalize(),
        "date": day(value),
    }


@register.filter
def get_item(mapping, key):
    return mapping.get(key)


@register.filter
def inner_quotes(title: str) -> str:
    """A title shown inside « » gets “ ” for its own quotes: « Atelier “Mon smartphone” »."""
    return french_inner_quotes(title)


@register.filter
def near(name: str) -> str:
    """« près de Palaiseau », « près d’Évry »: the translation may use the bare %(name)s."""
    return gettext("près %(de_name)s") % {"de_name": french.de(name), "name": name}


@register.filter
def km_from(radius, name: str) -> str:
    """« à 10 km de Palaiseau »: the translation may use the bare %(name)s."""
    text = gettext("à %(n)s&nbsp;km %(de_name)s")
    return mark_safe(text % {"n": escape(radius), "de_name": escape(french.de(name)), "name": escape(name)})
