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

from directory.models import Place


class PlaceFreshness(models.Model):
    place = models.OneToOneField(
        Place, verbose_name="lieu", primary_key=True, related_name="freshness", on_delete=models.CASCADE
    )
    cadence_months = models.PositiveSmallIntegerField(
        "vérifier tous les (mois)",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(36)],
        help_text="Nombre de mois entre deux vérifications. Vide : la valeur du territoire.",
    )
    last_confirmed_at = models.DateTimeField("dernière confirmation", null=True, blank=True, editable=False)

    class Meta:
        verbose_name = "vérification périodique"
        verbose_name_plural = "vérification périodique"

    def __str__(self):
        return f"Vérification de {self.place}"


class Channel(models.TextChoices):
    EMAIL_LINK = "lien-courriel", "Lien reçu par courriel"
    CAMPAIGN = "campagne", "Lien reçu lors d’une campagne"
    MEMBER_EDIT = "modification-membre", "Modification par un membre de la structure"
    MEMBER_SPACE = "confirmation-membre", "Confirmation par un membre dans son espace"
    PHONE = "appel", "Appel téléphonique d’un coordinateur"
    VISIT = "visite", "Visite sur place"
    OTHER = "autre", "Autre vérification par la coordination"


# What a coordinator records by hand on a place's page.
COORDINATOR_CHANNELS = [Channel.PHONE, Channel.VISIT, Channel.OTHER]


class Campaign(models.Model):
    name = models.CharField("nom de la campagne", max_length=200)
    scope = models.TextField("lieux concernés", blank=True, help_text="Les critères choisis, en clair.")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="lancée par", null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField("lancée le", auto_now_add=True)

    class Meta:
        verbose_name = "campagne de mise à jour"
        verbose_name_plural = "campagnes de mise à jour"
        ordering = ["-created_at"]

    def __str__(self):
        return self.name


class UpdateRequest(models.Model):
    class Outcome(models.TextChoices):
        CONFIRMED = "confirme", "Informations confirmées"
        EDITED = "modifie", "Modification reçue"

    place = models.ForeignKey(Place, verbose_name="lieu", related_name="update_requests", on_delete=models.CASCADE)
    campaign = models.ForeignKey(
        Campaign, verbose_name="campagne", null=True, blank=True, related_name="requests", on_delete=models.CASCADE
    )
    due_on = models.DateField("échéance", help_text="La date de vérification prévue à laquelle la demande répond.")
    recipients_count = models.PositiveSmallIntegerField("destinataires", default=0)
    created_at = models.DateTimeField("créée le", default=timezone.now)
    sent_at = models.DateTimeField("envoyée le", null=True, blank=True)
    reminded_at = models.DateTimeField("relancée le", null=True, blank=True)
    escalated_at = models.DateTimeField("signalée à la coordination le", null=True, blank=True)
    answered_at = models.DateTimeField("réponse le", null=True, blank=True)
    outcome = models.CharField("réponse", max_length=20, choices=Outcome.choices, blank=True)

    class Meta:
        verbose_name = "demande de mise à jour"
        verbose_name_plural = "demandes de mise à jour"
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
        NO_ADDRESS = "sans-courriel", "Pas de courriel connu"
        QUEUED = "en-attente", "En attente d’envoi"
        SENT = "envoye", "Envoyée, sans réponse pour l’instant"
        REMINDED = "relance", "Relancée"
        NO_ANSWER = "sans-reponse", "Relance sans réponse"
        CONFIRMED = "confirme", "Informations confirmées"
        EDITED = "modifie", "Modification reçue"

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
    place = models.ForeignKey(Place, verbose_name="lieu", related_name="confirmations", on_delete=models.CASCADE)
    at = models.DateTimeField("le", default=timezone.now)
    channel = models.CharField("comment", max_length=30, choices=Channel.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="par", null=True, blank=True, on_delete=models.SET_NULL
    )
    note = models.TextField("note", blank=True)
    request = models.ForeignKey(
        UpdateRequest, verbose_name="demande", null=True, blank=True, on_delete=models.SET_NULL, editable=False
    )

    class Meta:
        verbose_name = "vérification"
        verbose_name_plural = "vérifications"
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.get_channel_display()} — {self.place}"
