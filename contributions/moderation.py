"""The edits awaiting review, as items of the moderation queue (`moderation.registry`, registered in `apps.py`)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from contributions.models import Contribution
from moderation.registry import Item

KEY = "modifications"
LABEL = _("Modifications des structures")


def pending(user) -> list[Item]:
    waiting = Contribution.objects.filter(status__in=Contribution.WAITING).select_related("place", "author")
    return [
        Item(
            kind=KEY,
            title=c.title,
            url=reverse("contributions:review", args=[c.pk]),
            created=c.created_at,
            author=c.author.get_full_name() if c.author else "",
            summary=c.get_status_display(),
        )
        for c in waiting.prefetch_related("fields")
    ]
