"""New authors' practice sheets in the moderation queue (`moderation.registry`, registered in `apps.py`)."""

from django.urls import reverse
from django.utils.translation import gettext, gettext_lazy

from moderation import registry
from network.models import Practice

KEY = "pratiques"


def _waiting():
    return Practice.objects.filter(status=Practice.Status.PENDING).select_related("structure", "author")


def pending(user):
    for practice in _waiting().order_by("updated_at", "pk").iterator(chunk_size=100):
        yield registry.Item(
            kind=KEY,
            title=gettext("Fiche pratique : %(title)s") % {"title": practice.title},
            url=reverse("network:review-practice", args=[practice.pk]),
            created=practice.updated_at,
            author=practice.author.get_full_name() if practice.author else "",
            summary=gettext("Structure : %(name)s") % {"name": practice.structure.name},
        )


def register():
    registry.register(KEY, gettext_lazy("Fiches pratiques à relire"), pending, count=lambda user: _waiting().count())
