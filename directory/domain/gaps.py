"""Counting the searches that found nothing or little (need × commune × week), for the observatory's demand
signals. Anonymous by construction: the need's slug, the commune's INSEE code and the week's Monday, nothing else.

One upsert per counted search, portable: an UPDATE … SET n = n + 1 on the row, created first when missing (a
concurrent creation is caught by the unique constraint and retried as an update)."""

from datetime import date, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from directory.models import SearchGap


def week_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def kind(total: int) -> str:
    """ "nothing", "few" or "" for a search that listed `total` places."""
    if total == 0:
        return "nothing"
    return "few" if total < settings.ANCRAGE_SEARCH_FEW_RESULTS else ""


def record(need: str, code_insee: str, total: int, day: date | None = None) -> bool:
    """Count one search; True when it was a gap. Searches without a need or a commune are not counted."""
    column = kind(total)
    if not (column and need and code_insee):
        return False
    week = week_of(day or timezone.localdate())
    rows = SearchGap.objects.filter(need=need, code_insee=code_insee, week=week)
    if rows.update(**{column: F(column) + 1}):
        return True
    try:
        with transaction.atomic():
            SearchGap.objects.create(need=need, code_insee=code_insee, week=week, **{column: 1})
    except IntegrityError:
        rows.update(**{column: F(column) + 1})
    return True
