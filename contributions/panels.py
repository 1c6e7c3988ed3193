"""What is due, on a member's home page (`/espace/`): a list of panels other apps add to.

An app registers a panel from its `AppConfig.ready()`:

    from contributions import panels
    panels.register("orientations", "Orientations reçues", referrals_received)

`items(user, places)` receives the member and their places (a list) and returns `panels.Entry`s: one line each,
with a link, and optionally a button that POSTs to `action`. A panel with no entry is not shown. Registered
here: the edits waiting for moderation, and the places due for a freshness check (with the button
« Mes informations sont à jour », handled by `freshness`); later, referrals received.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone

from directory.models import Place
from freshness.domain.due import OVERDUE, due_by, due_date_of, status
from web.french import count, day


@dataclass(frozen=True)
class Entry:
    text: str
    url: str = ""
    link_text: str = ""
    action: str = ""  # a path the button POSTs to
    button: str = ""
    button_detail: str = ""  # read by screen readers after the button's text (which place it is for)


@dataclass(frozen=True)
class Panel:
    key: str
    title: str
    items: Callable[[object, list], Iterable[Entry]]


_panels: dict[str, Panel] = {}


def register(key: str, title: str, items: Callable[[object, list], Iterable[Entry]]) -> None:
    """Declare a panel (idempotent: `ready()` may run twice in tests)."""
    _panels[key] = Panel(key, title, items)


def waiting_edits(user, places: list) -> list[Entry]:
    """This app's own panel: the places whose edits wait, unpublished, for a moderator."""
    return [
        Entry(f"{place.nom} : {count(place.n_pending, 'changement attend', 'changements attendent')} "
              "la relecture avant publication.", reverse("contributions:preview", args=[place.pk]),
              f"Voir l’aperçu de {place.nom}")
        for place in places if getattr(place, "n_pending", 0)
    ]  # fmt: skip


def due_for_confirmation(user, places: list) -> list[Entry]:
    """The member's published places due or overdue for a freshness check, the most overdue first, each with its
    due date and the button that confirms it from the space."""
    today = timezone.localdate()
    due = (
        Place.objects.published()
        .filter(pk__in=[place.pk for place in places])
        .filter(due_by(today))
        .select_related("freshness")
    )
    entries = []
    for place in sorted(due, key=lambda p: (due_date_of(p), p.nom)):
        on = due_date_of(place)
        late = " (en retard)" if status(on, today) == OVERDUE else ""
        entries.append(
            Entry(
                f"{place.nom} : informations à vérifier depuis le {day(on)}{late}.",
                reverse("contributions:place", args=[place.pk]),
                f"Relire la fiche {place.nom}",
                action=reverse("freshness:confirm-in-space", args=[place.pk]),
                button="Mes informations sont à jour",
                button_detail=place.nom,
            )
        )
    return entries


def shown(user, places: list) -> list[tuple[Panel, list[Entry]]]:
    """The panels that have something to say to this member, in registration order."""
    out = []
    for panel in _panels.values():
        entries = list(panel.items(user, places))
        if entries:
            out.append((panel, entries))
    return out
