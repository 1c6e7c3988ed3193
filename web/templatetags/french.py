"""Template filters for written French: `{{ n|count:"lieu,lieux" }}`, `{{ n|plural:"trouvé,trouvés" }}`,
`autour {{ commune|de }}`, `le {{ date|day }}` (« 1er août 2026 »), `{{ 2.5|days }}` (« 2,5 jours »)."""

from django import template

from web import french

register = template.Library()


def _forms(arg: str) -> tuple[str, str]:
    singular, _, plural_form = arg.partition(",")
    return singular, plural_form


@register.filter
def count(n, arg: str) -> str:
    return french.count(n or 0, *_forms(arg))


@register.filter
def plural(n, arg: str) -> str:
    return french.plural(n or 0, *_forms(arg))


@register.filter
def days(n) -> str:
    return french.days(n or 0)


@register.filter
def de(name: str) -> str:
    return french.de(name)


@register.filter
def day(value) -> str:
    return french.day(value)


@register.filter
def phone(value) -> str:
    return french.phone(value)
