"""Retention of personal data: each app declares what it keeps about people and for how long.

An app registers a `Rule` from its `AppConfig.ready()`; `apply()` (the daily job `core.tasks.apply_retention`,
or `manage.py purge_personal_data`) blanks the listed fields of every row older than the rule's setting.
Rows are kept (statistics and history stay true); only what identifies a person goes.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Rule:
    name: str  # French: what is kept, as the privacy page says it
    rows: Callable[[], QuerySet]
    age_field: str  # the date the retention period starts from
    days_setting: str  # name of the setting that holds the number of days
    blank: dict = field(default_factory=dict)  # field → the value it gets

    @property
    def days(self) -> int:
        return getattr(settings, self.days_setting)

    def due(self, now) -> QuerySet:
        already = Q(**self.blank)
        return self.rows().filter(**{f"{self.age_field}__lt": now - timedelta(days=self.days)}).exclude(already)


RULES: list[Rule] = []


def register(rule: Rule) -> None:
    if all(r.name != rule.name for r in RULES):
        RULES.append(rule)


def apply(now=None, dry_run: bool = False) -> dict[str, int]:
    """Anonymise what is past its retention period; returns the count per rule (to do, or done)."""
    now = now or timezone.now()
    counts = {}
    for rule in RULES:
        rows = rule.due(now)
        counts[rule.name] = rows.count() if dry_run else rows.update(**rule.blank)
        if counts[rule.name] and not dry_run:
            logger.info("Retention: %s anonymised (%d rows)", rule.name, counts[rule.name])
    return counts
