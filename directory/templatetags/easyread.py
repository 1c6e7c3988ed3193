"""`{% easy_version_url as url %}`: the easy-to-read version of the current page, or "" (for the layout's link)."""

from django import template

from directory import easyread

register = template.Library()


@register.simple_tag(takes_context=True)
def easy_version_url(context) -> str:
    request = context.get("request")
    return easyread.easy_version_url(request) if request is not None else ""
