"""Published statistics of requests: counts by category, commune and state; median days to plan and to close.
Nothing personal is read (no e-mail, no name, no description)."""

import statistics
from dataclasses import dataclass

from django.db.models import Count

from participation.models import Request


@dataclass(frozen=True)
class Figures:
    total: int
    by_category: list[tuple[str, int]]
    by_commune: list[tuple[str, int]]
    by_status: list[tuple[str, int]]
    median_days_to_plan: float | None
    median_days_to_close: float | None
    planned_count: int
    closed_count: int


def _median_days(pairs) -> float | None:
    days = [(end - start).total_seconds() / 86400 for start, end in pairs if start and end and end >= start]
    return round(statistics.median(days), 1) if days else None


def figures() -> Figures:
    rows = Request.objects.filter(status__in=Request.PUBLIC)
    labels = dict(Request.Status.choices)
    by_status = dict(rows.values_list("status").annotate(n=Count("pk")).order_by())
    plan = list(rows.filter(planned_at__isnull=False).values_list("received_at", "planned_at"))
    close = list(rows.filter(closed_at__isnull=False).values_list("received_at", "closed_at"))
    return Figures(
        total=rows.count(),
        by_category=list(rows.values_list("category__name").annotate(n=Count("pk")).order_by("-n", "category__name")),
        by_commune=list(rows.values_list("commune__nom").annotate(n=Count("pk")).order_by("-n", "commune__nom")),
        by_status=[(labels[s], by_status.get(s, 0)) for s in Request.PUBLIC],
        median_days_to_plan=_median_days(plan),
        median_days_to_close=_median_days(close),
        planned_count=len(plan),
        closed_count=len(close),
    )
