"""The moderation queue's one extension point: each app declares what it asks moderators to look at.

An app registers a provider from its `AppConfig.ready()`:

    from moderation import registry
    registry.register("propositions", "Nouvelles propositions", pending_proposals)

A provider takes the moderator and returns the `Item`s waiting for a decision. The item's `url` is the app's own
review page, where the decision is taken by the app's own domain function (which writes the audit entry and
tells the author through `moderation.notify.decision`). The queue (`/moderation/`) only lists and counts: it
knows no model of the apps to its right.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from accounts.permissions import MODERATE, can


@dataclass(frozen=True)
class Item:
    kind: str  # the provider's key, e.g. "propositions"
    title: str  # what a moderator reads first: « Horaires modifiés : Médiathèque de Massy »
    url: str  # the review page, where the decision is taken
    created: datetime
    author: str = ""  # who asked (shown to moderators only)
    summary: str = ""  # one line of detail


@dataclass(frozen=True)
class Provider:
    key: str
    label: str  # the queue's section title: « Nouvelles propositions »
    pending: Callable[[object], Iterable[Item]]


_providers: dict[str, Provider] = {}


def register(key: str, label: str, pending: Callable[[object], Iterable[Item]]) -> None:
    """Declare a kind of item (idempotent: an app's `ready()` may run twice in tests)."""
    _providers[key] = Provider(key, label, pending)


def providers() -> list[Provider]:
    return list(_providers.values())


def pending(user) -> dict[str, list[Item]]:
    """What waits for this moderator, by kind, oldest first; nothing for someone who may not moderate."""
    if not can(user, MODERATE):
        return {}
    return {p.key: sorted(p.pending(user), key=lambda item: item.created) for p in providers()}
