"""What the public and the services see of requests (one place for each rule)."""

from django.db.models import Count, Q

from participation.models import Request


def public():
    """Published requests, with their confirmed supports counted."""
    return (
        Request.objects.filter(status__in=Request.PUBLIC)
        .select_related("category", "commune")
        .annotate(support_count=Count("supports", filter=Q(supports__confirmed_at__isnull=False)))
    )


def queue(user):
    """The requests a person handles: their services' (a coordinator: all)."""
    rows = public()
    if not (user.is_authenticated and user.is_active):
        return rows.none()
    if user.is_coordinator:
        return rows
    return rows.filter(category__service__members=user)


def handles_any(user) -> bool:
    return bool(user.is_authenticated and user.is_active and (user.is_coordinator or user.request_services.exists()))
