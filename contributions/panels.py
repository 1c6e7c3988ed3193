"""What is due, on a member's home page (`/espace/`): a list of panels other apps add to.

An app registers a panel from its `AppConfig.ready()`:

    from contributions import panels
    panels.register("fraicheur", "Fiches à confirmer", due_places)

`items(user, places)` receives the member and their places (a list) and returns `panels.Entry`s: one line each,
with a link. A panel with no entry is not shown. The freshness reminders and, later, referrals received plug in
here; this app's own panel lists the edits waiting for moderation.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Entry:
    text: str
    url: str = ""
    link_text: str = ""


@dataclass(frozen=True)
class Panel:
    key: str
    title: str
    items: Callable[[object, list], Iterable[Entry]]


_panels: dict[str, Panel] = {}


def register(key: str, title: str, items: Callable[[object, list], Iterable[Entry]]) -> None:
    """Declare a panel (idempotent: `ready()` may run twice in tests)."""
    _panels[key] = Panel(key, title, items)


def shown(user, places: list) -> list[tuple[Panel, list[Entry]]]:
    """The panels that have something to say to this member, in registration order."""
    out = []
    for panel in _panels.values():
        entries = list(panel.items(user, places))
        if entries:
            out.append((panel, entries))
    return out
