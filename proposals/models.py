"""A proposal of a new place (or of new services for an existing place) made without an account.

The draft lives here between the steps (`status` draft, found through the visitor's session), then waits for the
proposer to confirm their e-mail, then for a moderator. The typed values are kept as the forms received them
(`steps`: step name → the posted fields; `services`: one dict per service), so « Précédent » shows exactly what
was typed and the review re-validates everything with the same forms before anything is written.
"""

from django.conf import settings
from django.db import models


class Proposal(models.Model):
    class Status(models.TextChoices):
        DRAFT = "brouillon", "brouillon"
        UNCONFIRMED = "a-confirmer", "adresse à confirmer"
        PENDING = "a-moderer", "à modérer"
        ACCEPTED = "acceptee", "acceptée"
        REFUSED = "refusee", "refusée"

    status = models.CharField("état", max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True)
    place = models.ForeignKey(
        "directory.Place", verbose_name="lieu existant", null=True, blank=True, on_delete=models.CASCADE,
        related_name="proposals", help_text="Pour une proposition de service dans un lieu déjà connu.",
    )  # fmt: skip
    steps = models.JSONField("étapes", default=dict, blank=True)
    services = models.JSONField("services", default=list, blank=True)
    email = models.EmailField("adresse e-mail de la personne", blank=True)
    wants_admin = models.BooleanField("souhaite gérer la fiche", default=False)
    created = models.DateTimeField("créée le", auto_now_add=True)
    updated = models.DateTimeField("modifiée le", auto_now=True, db_index=True)
    confirmed_at = models.DateTimeField("adresse confirmée le", null=True, blank=True)
    decided_at = models.DateTimeField("décidée le", null=True, blank=True, db_index=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField("motif du refus", blank=True)
    created_place = models.ForeignKey(
        "directory.Place", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "proposition"
        ordering = ["confirmed_at", "pk"]

    def __str__(self):
        return f"Proposition n° {self.pk} : {self.title}"

    @property
    def title(self) -> str:
        if self.place_id:
            return f"service(s) pour « {self.place.nom} »"
        return self._typed("lieu", "nom") or "nouveau lieu"

    @property
    def structure_name(self) -> str:
        return self._typed("qui", "structure")

    def _typed(self, step: str, name: str) -> str:
        values = (self.steps.get(step) or {}).get(name) or [""]
        return " ".join(str(values[0]).split())
