"""Facts every public page reads, kept in the shared cache (the database cache, common to all app servers).

A value is stored with the generation it was computed under; any write to places or services starts a new
generation (`forget`), at once and again when its transaction commits. A reader takes both in one cache
query and recomputes when they differ, so a value computed from data read before a write commits is never
served after it: it carries the old generation. The home, results and place pages are remembered for the minute
they were computed in (`directory.views.remembered_page`). `derived.refresh_places` (every write path: the admin,
`writes.py`, the imports' batched writer) and the models' save and delete signals call `forget`.
"""

import uuid

from django.core.cache import cache
from django.db import transaction

GENERATION = "directory:generation"
MAX_AGE = 600  # seconds: a safety net only; writes make a value obsolete at once


def remembered(key: str, compute, timeout: int = MAX_AGE):
    """The value of `compute()`, from the shared cache when it was computed since the last write."""
    key = f"directory:{key}"
    found = cache.get_many([GENERATION, key])
    generation = found.get(GENERATION)
    if generation is None:
        generation = uuid.uuid4().hex
        if not cache.add(GENERATION, generation, timeout=None):
            generation = cache.get(GENERATION) or generation
    stored = found.get(key)
    if stored is not None and stored[0] == generation:
        return stored[1]
    value = compute()
    cache.set(key, (generation, value), timeout)
    return value


def _new_generation() -> None:
    cache.set(GENERATION, uuid.uuid4().hex, timeout=None)


def forget() -> None:
    """Places or services changed: every remembered value is obsolete (now, and when the transaction commits)."""
    _new_generation()
    transaction.on_commit(_new_generation)
