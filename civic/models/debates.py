"""Debates (a space per topic), the citizens' proposals and comments in them, supports, flags."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def default_threshold() -> int:
    return settings.ANCRAGE_CIVIC_SUPPORT_THRESHOLD


class Debate(models.Model):
    class Status(models.TextChoices):
        OPEN = "ouvert", _("ouvert aux propositions")
        CLOSED = "clos", _("clos")

    title = models.CharField(_("titre"), max_length=200)
    slug = models.SlugField(_("adresse"), max_length=80, unique=True)
    description = models.TextField(
        _("présentation"), help_text=_("La question posée, le cadre, ce qui sera fait des propositions.")
    )
    status = models.CharField(_("état"), max_length=10, choices=Status.choices, default=Status.OPEN)
    threshold = models.PositiveIntegerField(
        _("seuil de soutiens"), default=default_threshold,
        help_text=_("Une proposition qui atteint ce nombre de soutiens reçoit une réponse officielle."),
    )  # fmt: skip
    officials = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="civic_debates_answered",
        verbose_name=_("répondants officiels"),
        help_text=_("Les élus ou agents désignés qui publient une réponse officielle (en plus de la coordination)."),
    )  # fmt: skip
    created = models.DateTimeField(_("créé le"), default=timezone.now)

    class Meta:
        verbose_name = _("débat")
        verbose_name_plural = _("débats")
        ordering = ["-created"]

    def __str__(self):
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


class Hideable(models.Model):
    """Moderation never deletes: a hidden text stays in place, replaced by the moderator's reason."""

    hidden_at = models.DateTimeField(_("masqué le"), null=True, blank=True)
    hidden_reason = models.CharField(_("motif du masquage"), max_length=300, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        abstract = True

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None


class Proposal(Hideable):
    class Answer(models.TextChoices):
        NONE = "", _("pas encore de réponse")
        ACCEPTED = "retenue", _("retenue")
        STUDY = "etude", _("à l’étude")
        REJECTED = "non-retenue", _("non retenue")

    debate = models.ForeignKey(Debate, on_delete=models.CASCADE, related_name="proposals", verbose_name=_("débat"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="civic_proposals"
    )
    author_name = models.CharField(_("nom affiché"), max_length=80)
    title = models.CharField(_("titre"), max_length=150)
    body = models.TextField(_("proposition"), max_length=5000)
    created = models.DateTimeField(_("publiée le"), default=timezone.now)
    supports_count = models.PositiveIntegerField(_("soutiens"), default=0)
    threshold_reached_at = models.DateTimeField(_("seuil atteint le"), null=True, blank=True)
    answer = models.TextField(_("réponse officielle"), blank=True)
    answer_status = models.CharField(_("décision"), max_length=15, choices=Answer.choices, blank=True, default="")
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_as = models.CharField(
        _("signée"), max_length=150, blank=True, help_text=_("Nom et fonction, tels qu’affichés.")
    )
    answered_at = models.DateTimeField(_("répondue le"), null=True, blank=True)

    class Meta:
        verbose_name = _("proposition citoyenne")
        verbose_name_plural = _("propositions citoyennes")
        ordering = ["-supports_count", "-created"]

    def __str__(self):
        return self.title

    @property
    def awaits_answer(self) -> bool:
        """« Soumise à réponse officielle »: past the threshold, not answered yet."""
        return self.threshold_reached_at is not None and self.answered_at is None


class Support(models.Model):
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="supports")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="civic_supports")
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("soutien")
        constraints = [models.UniqueConstraint(fields=["proposal", "user"], name="civic_one_support_per_person")]

    def __str__(self):
        return _("Soutien à « %(proposal)s »") % {"proposal": self.proposal}


class Comment(Hideable):
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="civic_comments"
    )
    author_name = models.CharField(_("nom affiché"), max_length=80)
    body = models.TextField(_("commentaire"), max_length=3000)
    created = models.DateTimeField(_("publié le"), default=timezone.now)

    class Meta:
        verbose_name = _("commentaire")
        ordering = ["created"]

    def __str__(self):
        return _("Commentaire de %(author)s sur « %(proposal)s »") % {
            "author": self.author_name,
            "proposal": self.proposal,
        }


class Flag(models.Model):
    """Someone asks moderators to look at a proposal or a comment; decided once (hidden, or kept)."""

    class Decision(models.TextChoices):
        PENDING = "", _("à examiner")
        HIDDEN = "masque", _("masqué")
        KEPT = "garde", _("laissé visible")

    proposal = models.ForeignKey(Proposal, null=True, blank=True, on_delete=models.CASCADE, related_name="flags")
    comment = models.ForeignKey(Comment, null=True, blank=True, on_delete=models.CASCADE, related_name="flags")
    reason = models.CharField(_("motif"), max_length=500)
    created = models.DateTimeField(default=timezone.now)
    decision = models.CharField(max_length=10, choices=Decision.choices, blank=True, default="")
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("signalement (débats)")
        ordering = ["created", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(proposal__isnull=False, comment__isnull=True)
                | models.Q(proposal__isnull=True, comment__isnull=False),
                name="civic_flag_one_target",
            )
        ]

    def __str__(self):
        return f"Signalement : {self.reason[:60]}"

    @property
    def target(self):
        return self.proposal or self.comment
