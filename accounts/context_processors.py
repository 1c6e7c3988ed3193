"""What the site's menu needs to know of the visitor: whether to offer the moderation queue."""

from accounts.permissions import MODERATE, can


def roles(request) -> dict:
    return {"can_moderate": can(getattr(request, "user", None), MODERATE)}
