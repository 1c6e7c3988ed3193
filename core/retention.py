"""Retention of personal data: each app declares what it keeps about people and for how long.

An app registers a `Rule` from its `AppConfig.ready()`; `apply()` (the daily job `core.tasks.apply_retention`,
or `manage.py purge_personal_data`) blanks the listed fields of every row older than the rule's setting
(the row stays, so statistics and history stay true; only what identifies a person goes), or deletes the
rows when the rule says `delete=True`.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Rule:
    name: str  # French: what is kept, as the privacy page says it
    rows: Callable[[], QuerySet]
    age_field: str  # the date the retention period starts from
    days_setting: str  # name of the setting that holds the number of days
    blank: dict = field(default_factory=dict)  # field → the value it gets
    delete: bool = False  # delete the rows instead

    @property
    def label(self) -> str:
        """The name in the language of the page (the apps mark their names with gettext_noop)."""
        return gettext(self.name)

    @property
    def days(self) -> int:
        return getattr(settings, self.days_setting)

    def due(self, now) -> QuerySet:
        rows = self.rows().filter(**{f"{self.age_field}__lt": now - timedelta(days=self.days)})
        return rows if self.delete else rows.exclude(Q(**self.blank))

    def enforce(self, rows: QuerySet) -> int:
        return rows.delete()[0] if self.delete else rows.update(**self.blank)


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
        counts[rule.name] = rows.count() if dry_run else rule.enforce(rows)
        if counts[rule.name] and not dry_run:
            logger.info("Retention: %s, %d rows", rule.name, counts[rule.name])
    return counts
