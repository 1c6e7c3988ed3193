"""Long identifiers and URLs may wrap on a small screen: `{{ value|breakable }}`."""

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()

_BREAK_AFTER = re.compile(r"([_/?&=.]|--)")


@register.filter
def breakable(value) -> str:
    """The escaped text with a line-break opportunity (<wbr>) after `_ / ? & = .` and `--`."""
    parts = _BREAK_AFTER.split(str(value))
    return mark_safe("".join(escape(p) + ("<wbr>" if _BREAK_AFTER.fullmatch(p) else "") for p in parts))
