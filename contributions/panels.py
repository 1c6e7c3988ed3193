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
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from directory.models import Place
from freshness.domain.due import OVERDUE, due_by, due_date_of, status
from web.french import day


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
        Entry(ngettext("%(place)s : %(n)s changement attend la relecture avant publication.",
                       "%(place)s : %(n)s changements attendent la relecture avant publication.",
                       place.n_pending) % {"place": place.nom, "n": place.n_pending},
              reverse("contributions:preview", args=[place.pk]),
              _("Voir l’aperçu de %(place)s") % {"place": place.nom})
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
        if status(on, today) == OVERDUE:
            text = _("%(place)s : informations à vérifier depuis le %(day)s (en retard).")
        else:
            text = _("%(place)s : informations à vérifier depuis le %(day)s.")
        entries.append(
            Entry(
                text % {"place": place.nom, "day": day(on)},
                reverse("contributions:place", args=[place.pk]),
                _("Relire la fiche %(place)s") % {"place": place.nom},
                action=reverse("freshness:confirm-in-space", args=[place.pk]),
                button=_("Mes informations sont à jour"),
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
