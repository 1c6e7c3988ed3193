"""The activity summary's extension point: an app that knows a structure's activity registers a provider.

From the app's `AppConfig.ready()`:

    from network import activity
    activity.register("agenda", agenda_counts)

where `agenda_counts(structure, year) -> dict[str, int]` counts what the structure did that calendar year,
with the keys below (a provider may add keys of its own, labelled with `labels=`). `network` imports no app to
its right: the agenda registers itself, the summary (`network.domain.activity.summary`) reads every provider.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

EVENTS_HELD = "events_held"
REGISTRATIONS = "registrations"
ATTENDANCE = "attendance"

LABELS = {
    EVENTS_HELD: _("Événements tenus"),
    REGISTRATIONS: _("Inscriptions"),
    ATTENDANCE: _("Présences"),
}


@dataclass(frozen=True)
class Provider:
    key: str
    counts: Callable[[object, int], dict[str, int]]
    labels: dict[str, str] = field(default_factory=dict)


_providers: dict[str, Provider] = {}


def register(key: str, counts: Callable[[object, int], dict[str, int]], labels: dict[str, str] | None = None):
    """Declare a provider (idempotent: an app's `ready()` may run twice in tests)."""
    _providers[key] = Provider(key, counts, dict(labels or {}))


def unregister(key: str) -> None:
    _providers.pop(key, None)


def providers() -> list[Provider]:
    return list(_providers.values())
