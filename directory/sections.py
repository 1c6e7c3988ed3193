"""The place page's extension point: newer apps (the agenda's next events, referrals for professionals…) add a
section to the place page without `directory` importing them.

An app registers from its `AppConfig.ready()`:

    sections.register("agenda", "agenda/_place_section.html", context, order=10)

`context(request, place)` returns the template's context (a dict), or None when the section has nothing to show
for this visitor. The anonymous visitor's place page is kept for a minute (`views.remembered_page`): a section
that depends on the visitor must return None for anonymous visitors, or accept that minute.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    key: str
    template: str
    context: Callable
    order: int = 50


@dataclass(frozen=True)
class Shown:
    template: str
    context: dict


_sections: dict[str, Section] = {}


def register(key: str, template: str, context: Callable, order: int = 50) -> None:
    _sections[key] = Section(key, template, context, order)


def for_place(request, place) -> list[Shown]:
    shown = []
    for section in sorted(_sections.values(), key=lambda s: (s.order, s.key)):
        context = section.context(request, place)
        if context is not None:
            shown.append(Shown(section.template, context))
    return shown
