"""Public commitments (participatory-budget projects, the territory's roadmap…) and their follow-up."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Commitment(models.Model):
    class Status(models.TextChoices):
        PLANNED = "prevu", _("prévu")
        IN_PROGRESS = "en-cours", _("en cours")
        DONE = "realise", _("réalisé")
        ABANDONED = "abandonne", _("abandonné")

    class Kind(models.TextChoices):
        ROADMAP = "feuille-de-route", _("feuille de route")
        BUDGET = "budget-participatif", _("projet du budget participatif")
        OTHER = "engagement", _("engagement public")

    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
        verbose_name=_("fait partie de"),
    )
    code = models.CharField(
        _("code"), max_length=60, unique=True, null=True, blank=True,
        help_text=_("Identifiant stable (fichier de données de la feuille de route) ; vide pour un engagement saisi."),
    )  # fmt: skip
    kind = models.CharField(_("nature"), max_length=25, choices=Kind.choices, default=Kind.OTHER)
    title = models.CharField(_("intitulé"), max_length=250)
    slug = models.SlugField(_("adresse"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True)
    origin = models.CharField(
        _("origine"), max_length=500, blank=True, help_text=_("D’où vient cet engagement (délibération, vote…).")
    )
    status = models.CharField(_("état"), max_length=12, choices=Status.choices, default=Status.PLANNED)
    abandon_reason = models.TextField(_("motif de l’abandon"), blank=True)
    progress = models.PositiveSmallIntegerField(_("avancement (%)"), default=0)
    weight = models.PositiveSmallIntegerField(
        _("poids"), default=1, help_text=_("Part de cet engagement dans l’avancement de celui dont il fait partie.")
    )
    starts_on = models.DateField(_("début prévu"), null=True, blank=True)
    due_on = models.DateField(_("fin prévue"), null=True, blank=True)
    position = models.PositiveIntegerField(_("ordre"), default=0)
    proposals = models.ManyToManyField(
        "civic.Proposal", blank=True, related_name="commitments", verbose_name=_("propositions à l’origine")
    )
    updated = models.DateTimeField(_("mis à jour le"), default=timezone.now)

    class Meta:
        verbose_name = _("engagement")
        verbose_name_plural = _("engagements")
        ordering = ["position", "pk"]
        constraints = [models.CheckConstraint(condition=models.Q(progress__lte=100), name="civic_progress_at_most_100")]

    def __str__(self):
        return self.title


class Milestone(models.Model):
    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("étape"), max_length=250)
    due_on = models.DateField(_("date prévue"), null=True, blank=True)
    done_on = models.DateField(_("franchie le"), null=True, blank=True)

    class Meta:
        verbose_name = _("étape")
        ordering = ["due_on", "pk"]

    def __str__(self):
        return self.title


class Update(models.Model):
    """A public note on a commitment: what changed (state, progress) and why."""

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="updates")
    created = models.DateTimeField(_("le"), default=timezone.now)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(_("note publique"))
    status_before = models.CharField(max_length=12, blank=True)
    status_after = models.CharField(max_length=12, blank=True)
    progress_before = models.PositiveSmallIntegerField(null=True, blank=True)
    progress_after = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("mise à jour")
        ordering = ["-created", "-pk"]

    def __str__(self):
        return _("Mise à jour du %(day)s") % {"day": f"{self.created:%d/%m/%Y}"}


class Follower(models.Model):
    """Someone who asked to be told of a commitment's changes: an address, confirmed by a link; never shown."""

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="followers")
    email = models.EmailField(_("adresse e-mail"))
    created = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("abonnement")
        constraints = [models.UniqueConstraint(fields=["commitment", "email"], name="civic_follow_once")]

    def __str__(self):
        return _("Abonnement n° %(pk)s") % {"pk": self.pk}  # never the address
