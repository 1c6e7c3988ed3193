"""A professional refers a person to one service (`Referral`); what happened to it (`ReferralEvent`, the
timeline); who read it (`ReferralReading`); structures that accept referrals for all their services
(`ReferralOptIn`).

The person's data are the `PERSONAL_FIELDS` only: blanked by the retention rule (`referrals/retention.py`) and by
the erasure command; never in `__str__`, the audit, logs, exports or statistics. The service's and place's
details are copied at sending, so the referral still says where the person was sent after the listing changes.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse


class Status(models.TextChoices):
    SENT = "envoyee", "envoyée"
    SEEN = "vue", "vue"
    ACCEPTED = "acceptee", "acceptée"
    REFUSED = "refusee", "refusée"
    EXPIRED = "expiree", "expirée"
    ATTENDED = "venue", "la personne est venue"
    NOT_ATTENDED = "non-venue", "la personne n’est pas venue"


class RefusalReason(models.TextChoices):
    NOT_OUR_PUBLIC = "pas-notre-public", "La personne ne fait pas partie du public de ce service"
    FULL = "complet", "Le service est complet pour le moment"
    NOT_OUR_SERVICE = "pas-notre-service", "Nous ne proposons pas (ou plus) ce service"
    UNREACHABLE = "injoignable", "Nous n’avons pas pu joindre la personne"
    OTHER = "autre", "Autre raison (précisez)"


PERSONAL_FIELDS = ("person_first_name", "person_last_name", "person_phone", "person_email", "message", "refusal_note")
BLANK = dict.fromkeys(PERSONAL_FIELDS, "")


class Referral(models.Model):
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="professionnel(le)",
        related_name="referrals_sent",
        null=True,
        on_delete=models.SET_NULL,
    )
    service = models.ForeignKey(
        "directory.Service", verbose_name="service", related_name="+", null=True, on_delete=models.SET_NULL
    )
    # The professional's situation sheet the referral came from (their own; never sent to the structure).
    situation = models.ForeignKey(
        "orientation.Situation",
        verbose_name="fiche de situation",
        related_name="referrals",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    place = models.ForeignKey(
        "directory.Place", verbose_name="lieu", related_name="+", null=True, on_delete=models.SET_NULL
    )
    structure = models.ForeignKey(
        "accounts.Structure", verbose_name="structure", related_name="+", null=True, on_delete=models.SET_NULL
    )
    status = models.CharField("statut", max_length=20, choices=Status.choices, default=Status.SENT, db_index=True)

    # The person (personal data: PERSONAL_FIELDS)
    person_first_name = models.CharField("prénom de la personne", max_length=100, blank=True)
    person_last_name = models.CharField("nom de la personne", max_length=100, blank=True)
    person_phone = models.CharField("téléphone de la personne", max_length=20, blank=True)
    person_email = models.EmailField("courriel de la personne", blank=True)
    message = models.TextField("message", max_length=500, blank=True)

    # The person's consent, as it was worded when given
    consent_text = models.TextField("texte du consentement")
    consent_version = models.CharField("version du consentement", max_length=20)
    consent_at = models.DateTimeField("consentement recueilli le")

    # Copied at sending
    service_name = models.CharField("service (à l’envoi)", max_length=150)
    place_name = models.CharField("lieu (à l’envoi)", max_length=250)
    place_address = models.CharField("adresse (à l’envoi)", max_length=500, blank=True)
    phone = models.CharField("téléphone (à l’envoi)", max_length=30, blank=True)
    destination = models.TextField("adressé à (courriels)", help_text="Les adresses de la structure, à l’envoi.")

    # The structure's answer
    refusal_reason = models.CharField("motif du refus", max_length=30, choices=RefusalReason.choices, blank=True)
    refusal_note = models.CharField("précision sur le refus", max_length=500, blank=True)

    sent_at = models.DateTimeField("envoyé le")
    seen_at = models.DateTimeField("vu le", null=True, blank=True)
    reminded_at = models.DateTimeField("relancé le", null=True, blank=True)
    decided_at = models.DateTimeField("réponse le", null=True, blank=True)
    attendance_at = models.DateTimeField("venue indiquée le", null=True, blank=True)
    last_event_at = models.DateTimeField("dernier événement le", db_index=True)

    class Meta:
        verbose_name = "adressage"
        verbose_name_plural = "adressages"
        ordering = ["-sent_at", "-pk"]

    def __str__(self):  # never the person's name: this is what the audit and the admin show
        return f"Adressage n° {self.pk} vers « {self.service_name} »"

    def get_absolute_url(self):
        return reverse("referrals:detail", kwargs={"pk": self.pk})

    @property
    def anonymised(self) -> bool:
        return not any(getattr(self, f) for f in PERSONAL_FIELDS)

    @property
    def person_name(self) -> str:
        return f"{self.person_first_name} {self.person_last_name}".strip()


class ReferralEvent(models.Model):
    class Kind(models.TextChoices):
        SENT = "envoi", "Adressage envoyé à la structure"
        SEEN = "vue", "Vu par la structure"
        REMINDED = "relance", "Structure relancée par courriel"
        ACCEPTED = "acceptation", "Accepté par la structure"
        REFUSED = "refus", "Refusé par la structure"
        CONTACT = "contact", "La structure demande à être contactée"
        EXPIRED = "expiration", "Expiré sans réponse"
        ATTENDED = "venue", "La personne est venue"
        NOT_ATTENDED = "non-venue", "La personne n’est pas venue"
        ERASED = "effacement", "Données personnelles effacées à la demande de la personne"

    referral = models.ForeignKey(Referral, related_name="events", on_delete=models.CASCADE)
    kind = models.CharField("événement", max_length=20, choices=Kind.choices)
    at = models.DateTimeField("le")
    by = models.CharField("par", max_length=40, help_text="« professionnel(le) », « structure », « Ancrage »…")
    detail = models.CharField("précision", max_length=200, blank=True, help_text="Jamais de donnée personnelle.")

    class Meta:
        verbose_name = "événement d’un adressage"
        verbose_name_plural = "événements des adressages"
        ordering = ["at", "pk"]

    def __str__(self):
        return self.get_kind_display()


class ReferralReading(models.Model):
    """Who read a referral's personal data, and when: a person with an account, or the structure's link."""

    class Via(models.TextChoices):
        ACCOUNT = "compte", "compte"
        LINK = "lien", "lien de la structure"
        COMMAND = "commande", "commande de droit d’accès"

    referral = models.ForeignKey(Referral, related_name="readings", on_delete=models.CASCADE)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="par", null=True, related_name="+", on_delete=models.SET_NULL
    )
    via = models.CharField("par", max_length=10, choices=Via.choices)
    at = models.DateTimeField("le", auto_now_add=True)

    class Meta:
        verbose_name = "lecture d’un adressage"
        verbose_name_plural = "lectures des adressages"
        ordering = ["-at", "-pk"]

    def __str__(self):
        return self.reader

    @property
    def reader(self) -> str:
        if self.via == self.Via.ACCOUNT and self.user_id:
            return self.user.get_full_name()
        return self.get_via_display()


class ReferralOptIn(models.Model):
    """A structure that receives referrals for all its services, even those not marked « mobilisable par des
    professionnels » in the data."""

    structure = models.OneToOneField(
        "accounts.Structure", verbose_name="structure", related_name="referral_opt_in", on_delete=models.CASCADE
    )
    created_at = models.DateTimeField("depuis le", auto_now_add=True)

    class Meta:
        verbose_name = "structure qui accepte les adressages"
        verbose_name_plural = "structures qui acceptent les adressages"

    def __str__(self):
        return str(self.structure)
