"""The moderation queue's one extension point: each app declares what it asks moderators to look at.

An app registers a provider from its `AppConfig.ready()`:

    from moderation import registry
    registry.register("propositions", "Nouvelles propositions", pending_proposals)

A provider takes the moderator and returns the `Item`s waiting for a decision, oldest first, lazily (a generator
over a queryset: the queue reads only the first page). Give `count=` a function that counts in the database, or
the queue counts by reading everything. The item's `url` is the app's own review page, where the decision is
taken by the app's own domain function (which writes the audit entry and tells the author through
`moderation.notify.decision`). The queue (`/moderation/`) only lists and counts: it
knows no model of the apps to its right.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from itertools import islice

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
    items: Callable[[object], Iterable[Item]]
    count: Callable[[object], int] | None = None

    def total(self, user) -> int:
        return self.count(user) if self.count else sum(1 for _ in self.items(user))

    def page(self, user, start: int, stop: int) -> list[Item]:
        return list(islice(self.items(user), start, stop))


_providers: dict[str, Provider] = {}


def register(
    key: str, label: str, pending: Callable[[object], Iterable[Item]], count: Callable[[object], int] | None = None
) -> None:
    """Declare a kind of item (idempotent: an app's `ready()` may run twice in tests)."""
    _providers[key] = Provider(key, label, pending, count)


def providers() -> list[Provider]:
    return list(_providers.values())


def provider(key: str) -> Provider | None:
    return _providers.get(key)


def pending(user, limit: int = 20) -> dict[str, list[Item]]:
    """The first `limit` items waiting for this moderator, by kind, oldest first; nothing for someone who may
    not moderate."""
    if not can(user, MODERATE):
        return {}
    return {p.key: p.page(user, 0, limit) for p in providers()}
