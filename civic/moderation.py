"""Flagged debate texts in the moderation queue, and the page where a moderator hides (with a reason) or keeps."""

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from civic.models import Comment, Flag, Proposal
from moderation import registry

KEY = "debats"


def _flagged(model):
    pending = Flag.objects.filter(decision=Flag.Decision.PENDING, **{model._meta.model_name: OuterRef("pk")})
    return model.objects.filter(Exists(pending), hidden_at__isnull=True).order_by("created", "pk")


def pending(user):
    for proposal in _flagged(Proposal).iterator(chunk_size=100):
        yield registry.Item(
            kind=KEY, title=_("Proposition signalée : %(title)s") % {"title": proposal.title},
            url=reverse("civic:review", args=["proposition", proposal.pk]), created=proposal.created,
            author=proposal.author_name,
        )  # fmt: skip
    for note in _flagged(Comment).select_related("proposal").iterator(chunk_size=100):
        yield registry.Item(
            kind=KEY, title=_("Commentaire signalé sous « %(title)s »") % {"title": note.proposal.title},
            url=reverse("civic:review", args=["commentaire", note.pk]), created=note.created, author=note.author_name,
        )  # fmt: skip


def register():
    registry.register(
        KEY,
        gettext_lazy("Débats : textes signalés"),
        pending,
        count=lambda user: _flagged(Proposal).count() + _flagged(Comment).count(),
    )
