"""Freshness of the places' information: how often each place is checked, the confirmations, the e-mailed
update requests (periodic or in a campaign) and the campaigns.

- `PlaceFreshness`: a place's own cadence (empty: the territory's default) and its last confirmation.
- `Confirmation`: someone said the place's information is right, on a day, through a channel.
- `UpdateRequest`: one e-mail asking a place to confirm or correct, for one due period (or one campaign);
  its dates (sent, reminded, escalated, answered) are the state the periodic job reads, so nothing is sent
  twice. No e-mail address is stored here: the recipients are read from the place when a message is sent.
- `Campaign`: a coordinator's request to a set of places at once.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models import Place


class PlaceFreshness(models.Model):
    place = models.OneToOneField(
        Place, verbose_name=_("lieu"), primary_key=True, related_name="freshness", on_delete=models.CASCADE
    )
    cadence_months = models.PositiveSmallIntegerField(
        _("vérifier tous les (mois)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(36)],
        help_text=_("Nombre de mois entre deux vérifications. Vide : la valeur du territoire."),
    )
    last_confirmed_at = models.DateTimeField(_("dernière confirmation"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("vérification périodique")
        verbose_name_plural = _("vérification périodique")

    def __str__(self):
        return f"Vérification de {self.place}"


class Channel(models.TextChoices):
    EMAIL_LINK = "lien-courriel", _("Lien reçu par courriel")
    CAMPAIGN = "campagne", _("Lien reçu lors d’une campagne")
    MEMBER_EDIT = "modification-membre", _("Modification par un membre de la structure")
    MEMBER_SPACE = "confirmation-membre", _("Confirmation par un membre dans son espace")
    PHONE = "appel", _("Appel téléphonique d’un coordinateur")
    VISIT = "visite", _("Visite sur place")
    OTHER = "autre", _("Autre vérification par la coordination")


# What a coordinator records by hand on a place's page.
COORDINATOR_CHANNELS = [Channel.PHONE, Channel.VISIT, Channel.OTHER]


class Campaign(models.Model):
    name = models.CharField(_("nom de la campagne"), max_length=200)
    scope = models.TextField(_("lieux concernés"), blank=True, help_text=_("Les critères choisis, en clair."))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("lancée par"), null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(_("lancée le"), auto_now_add=True)

    class Meta:
        verbose_name = _("campagne de mise à jour")
        verbose_name_plural = _("campagnes de mise à jour")
        ordering = ["-created_at"]

    def __str__(self):
        return self.name


class UpdateRequest(models.Model):
    class Outcome(models.TextChoices):
        CONFIRMED = "confirme", _("Informations confirmées")
        EDITED = "modifie", _("Modification reçue")

    place = models.ForeignKey(Place, verbose_name=_("lieu"), related_name="update_requests", on_delete=models.CASCADE)
    campaign = models.ForeignKey(
        Campaign, verbose_name=_("campagne"), null=True, blank=True, related_name="requests", on_delete=models.CASCADE
    )
    due_on = models.DateField(
        _("échéance"), help_text=_("La date de vérification prévue à laquelle la demande répond.")
    )
    recipients_count = models.PositiveSmallIntegerField(_("destinataires"), default=0)
    created_at = models.DateTimeField(_("créée le"), default=timezone.now)
    sent_at = models.DateTimeField(_("envoyée le"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("relancée le"), null=True, blank=True)
    escalated_at = models.DateTimeField(_("signalée à la coordination le"), null=True, blank=True)
    answered_at = models.DateTimeField(_("réponse le"), null=True, blank=True)
    outcome = models.CharField(_("réponse"), max_length=20, choices=Outcome.choices, blank=True)

    class Meta:
        verbose_name = _("demande de mise à jour")
        verbose_name_plural = _("demandes de mise à jour")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # The periodic job sends one request per place and due period; a campaign, one per place.
            models.UniqueConstraint(
                fields=["place", "due_on"], condition=Q(campaign__isnull=True), name="freshness_one_per_period"
            ),
            models.UniqueConstraint(
                fields=["place", "campaign"], condition=Q(campaign__isnull=False), name="freshness_one_per_campaign"
            ),
        ]
        indexes = [models.Index(fields=["answered_at", "sent_at"], name="freshness_open_requests")]

    def __str__(self):
        return f"Demande de mise à jour — {self.place}"

    class State(models.TextChoices):
        NO_ADDRESS = "sans-courriel", _("Pas de courriel connu")
        QUEUED = "en-attente", _("En attente d’envoi")
        SENT = "envoye", _("Envoyée, sans réponse pour l’instant")
        REMINDED = "relance", _("Relancée")
        NO_ANSWER = "sans-reponse", _("Relance sans réponse")
        CONFIRMED = "confirme", _("Informations confirmées")
        EDITED = "modifie", _("Modification reçue")

    @property
    def state(self) -> str:
        if self.outcome:
            return self.outcome
        if self.sent_at is None:
            return self.State.NO_ADDRESS if self.recipients_count == 0 else self.State.QUEUED
        if self.escalated_at:
            return self.State.NO_ANSWER
        return self.State.REMINDED if self.reminded_at else self.State.SENT

    def get_state_display(self) -> str:
        return self.State(self.state).label


class Confirmation(models.Model):
    place = models.ForeignKey(Place, verbose_name=_("lieu"), related_name="confirmations", on_delete=models.CASCADE)
    at = models.DateTimeField(_("le"), default=timezone.now)
    channel = models.CharField(_("comment"), max_length=30, choices=Channel.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("par"), null=True, blank=True, on_delete=models.SET_NULL
    )
    note = models.TextField(_("note"), blank=True)
    request = models.ForeignKey(
        UpdateRequest, verbose_name=_("demande"), null=True, blank=True, on_delete=models.SET_NULL, editable=False
    )

    class Meta:
        verbose_name = _("vérification")
        verbose_name_plural = _("vérifications")
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.get_channel_display()} — {self.place}"
