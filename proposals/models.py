"""A proposal of a new place (or of new services for an existing place) made without an account.

The draft lives here between the steps (`status` draft, found through the visitor's session), then waits for the
proposer to confirm their e-mail, then for a moderator. The typed values are kept as the forms received them
(`steps`: step name → the posted fields; `services`: one dict per service), so « Précédent » shows exactly what
was typed and the review re-validates everything with the same forms before anything is written.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class Proposal(models.Model):
    class Status(models.TextChoices):
        DRAFT = "brouillon", _("brouillon")
        UNCONFIRMED = "a-confirmer", _("adresse à confirmer")
        PENDING = "a-moderer", _("à modérer")
        ACCEPTED = "acceptee", _("acceptée")
        REFUSED = "refusee", _("refusée")

    status = models.CharField(_("état"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True)
    place = models.ForeignKey(
        "directory.Place", verbose_name=_("lieu existant"), null=True, blank=True, on_delete=models.CASCADE,
        related_name="proposals", help_text=_("Pour une proposition de service dans un lieu déjà connu."),
    )  # fmt: skip
    steps = models.JSONField(_("étapes"), default=dict, blank=True)
    services = models.JSONField(_("services"), default=list, blank=True)
    email = models.EmailField(_("adresse e-mail de la personne"), blank=True)
    wants_admin = models.BooleanField(_("souhaite gérer la fiche"), default=False)
    created = models.DateTimeField(_("créée le"), auto_now_add=True)
    updated = models.DateTimeField(_("modifiée le"), auto_now=True, db_index=True)
    confirmed_at = models.DateTimeField(_("adresse confirmée le"), null=True, blank=True)
    decided_at = models.DateTimeField(_("décidée le"), null=True, blank=True, db_index=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(_("motif du refus"), blank=True)
    created_place = models.ForeignKey(
        "directory.Place", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("proposition")
        ordering = ["confirmed_at", "pk"]

    def __str__(self):
        return gettext("Proposition n° %(pk)s : %(title)s") % {"pk": self.pk, "title": self.title}

    @property
    def title(self) -> str:
        if self.place_id:
            return gettext("service(s) pour « %(name)s »") % {"name": self.place.nom}
        return self._typed("lieu", "nom") or gettext("nouveau lieu")

    @property
    def structure_name(self) -> str:
        return self._typed("qui", "structure")

    def _typed(self, step: str, name: str) -> str:
        values = (self.steps.get(step) or {}).get(name) or [""]
        return " ".join(str(values[0]).split())
