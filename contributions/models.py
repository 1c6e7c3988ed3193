"""A `Contribution`: one edit, by one person acting for a structure, of a place or of one of its services.

It keeps, field by field (`FieldEdit`), the value before and the value proposed, and what the moderation decided
for each. Following DORA, a validated structure's edit is applied at once and reviewed afterwards
(`PUBLISHED`); another structure's edit waits (`PENDING`) and is applied only when a moderator accepts it.
State changes are the functions of `contributions/domain/`, never a form editing `status`.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class Contribution(models.Model):
    class Status(models.TextChoices):
        PUBLISHED = "publiee", _("publiée, à relire")
        PENDING = "en-attente", _("en attente de modération")
        ACCEPTED = "acceptee", _("acceptée")
        PARTLY = "en-partie", _("acceptée en partie")
        REVERTED = "annulee", _("annulée")

    class Action(models.TextChoices):
        EDIT = "modifier", _("modification")
        ADD = "ajouter", _("ajout d’un service")
        DELETE = "supprimer", _("suppression d’un service")

    WAITING = (Status.PUBLISHED, Status.PENDING)

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("auteur ou autrice"), null=True, on_delete=models.SET_NULL,
        related_name="contributions",
    )  # fmt: skip
    structure = models.ForeignKey(
        "accounts.Structure", verbose_name=_("au nom de la structure"), null=True, on_delete=models.SET_NULL,
        related_name="contributions",
    )  # fmt: skip
    place = models.ForeignKey(
        "directory.Place", verbose_name=_("lieu"), on_delete=models.CASCADE, related_name="contributions"
    )
    service = models.ForeignKey(
        "directory.Service", verbose_name=_("service"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="contributions",
    )  # fmt: skip
    service_name = models.CharField(_("nom du service"), max_length=150, blank=True)
    action = models.CharField(_("action"), max_length=12, choices=Action.choices, default=Action.EDIT)
    status = models.CharField(_("état"), max_length=12, choices=Status.choices, db_index=True)
    created_at = models.DateTimeField(_("proposée le"), auto_now_add=True)
    reviewed_at = models.DateTimeField(_("relue le"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("relue par"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    reason = models.TextField(_("raison donnée à l’auteur"), blank=True)

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.title

    @property
    def title(self) -> str:
        action = self.get_action_display().capitalize()
        if self.service_name:
            return gettext("%(action)s : service « %(service)s » de %(place)s") % {
                "action": action,
                "service": self.service_name,
                "place": self.place.nom,
            }
        return gettext("%(action)s : %(place)s") % {"action": action, "place": self.place.nom}

    @property
    def waiting(self) -> bool:
        return self.status in self.WAITING

    @property
    def applied(self) -> bool:
        """Its values are on the public page (until a moderator reverts them)."""
        return self.status != self.Status.PENDING


class FieldEdit(models.Model):
    class Decision(models.TextChoices):
        NONE = "", _("à relire")
        ACCEPTED = "acceptee", _("acceptée")
        REVERTED = "annulee", _("annulée")

    contribution = models.ForeignKey(Contribution, related_name="fields", on_delete=models.CASCADE)
    field = models.CharField(_("champ"), max_length=60)
    old_value = models.JSONField(_("avant"), null=True, blank=True)
    new_value = models.JSONField(_("après"), null=True, blank=True)
    decision = models.CharField(_("décision"), max_length=10, choices=Decision.choices, blank=True, default="")
    note = models.CharField(_("remarque"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("champ modifié")
        verbose_name_plural = _("champs modifiés")
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["contribution", "field"], name="contributions_field_once")]

    def __str__(self):
        return self.field
