"""What the site's menu needs to know of the visitor: whether to offer the moderation queue, the orientation."""

from accounts.permissions import MODERATE, ORIENT, can


def roles(request) -> dict:
    user = getattr(request, "user", None)
    return {"can_moderate": can(user, MODERATE), "can_orient": can(user, ORIENT)}
