"""A `Contribution`: one edit, by one person acting for a structure, of a place or of one of its services.

It keeps, field by field (`FieldEdit`), the value before and the value proposed, and what the moderation decided
for each. Following DORA, a validated structure's edit is applied at once and reviewed afterwards
(`PUBLISHED`); another structure's edit waits (`PENDING`) and is applied only when a moderator accepts it.
State changes are the functions of `contributions/domain/`, never a form editing `status`.
"""

from django.conf import settings
from django.db import models


class Contribution(models.Model):
    class Status(models.TextChoices):
        PUBLISHED = "publiee", "publiée, à relire"
        PENDING = "en-attente", "en attente de modération"
        ACCEPTED = "acceptee", "acceptée"
        PARTLY = "en-partie", "acceptée en partie"
        REVERTED = "annulee", "annulée"

    class Action(models.TextChoices):
        EDIT = "modifier", "modification"
        ADD = "ajouter", "ajout d’un service"
        DELETE = "supprimer", "suppression d’un service"

    WAITING = (Status.PUBLISHED, Status.PENDING)

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="auteur ou autrice", null=True, on_delete=models.SET_NULL,
        related_name="contributions",
    )  # fmt: skip
    structure = models.ForeignKey(
        "accounts.Structure", verbose_name="au nom de la structure", null=True, on_delete=models.SET_NULL,
        related_name="contributions",
    )  # fmt: skip
    place = models.ForeignKey(
        "directory.Place", verbose_name="lieu", on_delete=models.CASCADE, related_name="contributions"
    )
    service = models.ForeignKey(
        "directory.Service", verbose_name="service", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="contributions",
    )  # fmt: skip
    service_name = models.CharField("nom du service", max_length=150, blank=True)
    action = models.CharField("action", max_length=12, choices=Action.choices, default=Action.EDIT)
    status = models.CharField("état", max_length=12, choices=Status.choices, db_index=True)
    created_at = models.DateTimeField("proposée le", auto_now_add=True)
    reviewed_at = models.DateTimeField("relue le", null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="relue par", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    reason = models.TextField("raison donnée à l’auteur", blank=True)

    class Meta:
        verbose_name = "contribution"
        verbose_name_plural = "contributions"
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.title

    @property
    def title(self) -> str:
        what = f"service « {self.service_name} » de " if self.service_name else ""
        return f"{self.get_action_display().capitalize()} : {what}{self.place.nom}"

    @property
    def waiting(self) -> bool:
        return self.status in self.WAITING

    @property
    def applied(self) -> bool:
        """Its values are on the public page (until a moderator reverts them)."""
        return self.status != self.Status.PENDING


class FieldEdit(models.Model):
    class Decision(models.TextChoices):
        NONE = "", "à relire"
        ACCEPTED = "acceptee", "acceptée"
        REVERTED = "annulee", "annulée"

    contribution = models.ForeignKey(Contribution, related_name="fields", on_delete=models.CASCADE)
    field = models.CharField("champ", max_length=60)
    old_value = models.JSONField("avant", null=True, blank=True)
    new_value = models.JSONField("après", null=True, blank=True)
    decision = models.CharField("décision", max_length=10, choices=Decision.choices, blank=True, default="")
    note = models.CharField("remarque", max_length=300, blank=True)

    class Meta:
        verbose_name = "champ modifié"
        verbose_name_plural = "champs modifiés"
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["contribution", "field"], name="contributions_field_once")]

    def __str__(self):
        return self.field
