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
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    SENT = "envoyee", _("envoyée")
    SEEN = "vue", _("vue")
    ACCEPTED = "acceptee", _("acceptée")
    REFUSED = "refusee", _("refusée")
    EXPIRED = "expiree", _("expirée")
    ATTENDED = "venue", _("la personne est venue")
    NOT_ATTENDED = "non-venue", _("la personne n’est pas venue")


class RefusalReason(models.TextChoices):
    NOT_OUR_PUBLIC = "pas-notre-public", _("La personne ne fait pas partie du public de ce service")
    FULL = "complet", _("Le service est complet pour le moment")
    NOT_OUR_SERVICE = "pas-notre-service", _("Nous ne proposons pas (ou plus) ce service")
    UNREACHABLE = "injoignable", _("Nous n’avons pas pu joindre la personne")
    OTHER = "autre", _("Autre raison (précisez)")


PERSONAL_FIELDS = ("person_first_name", "person_last_name", "person_phone", "person_email", "message", "refusal_note")
BLANK = dict.fromkeys(PERSONAL_FIELDS, "")


class Referral(models.Model):
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("professionnel(le)"),
        related_name="referrals_sent",
        null=True,
        on_delete=models.SET_NULL,
    )
    service = models.ForeignKey(
        "directory.Service", verbose_name=_("service"), related_name="+", null=True, on_delete=models.SET_NULL
    )
    # The professional's situation sheet the referral came from (their own; never sent to the structure).
    situation = models.ForeignKey(
        "orientation.Situation",
        verbose_name=_("fiche de situation"),
        related_name="referrals",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    place = models.ForeignKey(
        "directory.Place", verbose_name=_("lieu"), related_name="+", null=True, on_delete=models.SET_NULL
    )
    structure = models.ForeignKey(
        "accounts.Structure", verbose_name=_("structure"), related_name="+", null=True, on_delete=models.SET_NULL
    )
    status = models.CharField(_("statut"), max_length=20, choices=Status.choices, default=Status.SENT, db_index=True)

    # The person (personal data: PERSONAL_FIELDS)
    person_first_name = models.CharField(_("prénom de la personne"), max_length=100, blank=True)
    person_last_name = models.CharField(_("nom de la personne"), max_length=100, blank=True)
    person_phone = models.CharField(_("téléphone de la personne"), max_length=20, blank=True)
    person_email = models.EmailField(_("courriel de la personne"), blank=True)
    message = models.TextField(_("message"), max_length=500, blank=True)

    # The person's consent, as it was worded when given
    consent_text = models.TextField(_("texte du consentement"))
    consent_version = models.CharField(_("version du consentement"), max_length=20)
    consent_at = models.DateTimeField(_("consentement recueilli le"))

    # Copied at sending
    service_name = models.CharField(_("service (à l’envoi)"), max_length=150)
    place_name = models.CharField(_("lieu (à l’envoi)"), max_length=250)
    place_address = models.CharField(_("adresse (à l’envoi)"), max_length=500, blank=True)
    phone = models.CharField(_("téléphone (à l’envoi)"), max_length=30, blank=True)
    destination = models.TextField(_("adressé à (courriels)"), help_text=_("Les adresses de la structure, à l’envoi."))

    # The structure's answer
    refusal_reason = models.CharField(_("motif du refus"), max_length=30, choices=RefusalReason.choices, blank=True)
    refusal_note = models.CharField(_("précision sur le refus"), max_length=500, blank=True)

    sent_at = models.DateTimeField(_("envoyé le"))
    seen_at = models.DateTimeField(_("vu le"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("relancé le"), null=True, blank=True)
    decided_at = models.DateTimeField(_("réponse le"), null=True, blank=True)
    attendance_at = models.DateTimeField(_("venue indiquée le"), null=True, blank=True)
    last_event_at = models.DateTimeField(_("dernier événement le"), db_index=True)

    class Meta:
        verbose_name = _("adressage")
        verbose_name_plural = _("adressages")
        ordering = ["-sent_at", "-pk"]

    def __str__(self):  # never the person's name: this is what the audit and the admin show (stored: not translated)
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
        SENT = "envoi", _("Adressage envoyé à la structure")
        SEEN = "vue", _("Vu par la structure")
        REMINDED = "relance", _("Structure relancée par courriel")
        ACCEPTED = "acceptation", _("Accepté par la structure")
        REFUSED = "refus", _("Refusé par la structure")
        CONTACT = "contact", _("La structure demande à être contactée")
        EXPIRED = "expiration", _("Expiré sans réponse")
        ATTENDED = "venue", _("La personne est venue")
        NOT_ATTENDED = "non-venue", _("La personne n’est pas venue")
        ERASED = "effacement", _("Données personnelles effacées à la demande de la personne")

    referral = models.ForeignKey(Referral, related_name="events", on_delete=models.CASCADE)
    kind = models.CharField(_("événement"), max_length=20, choices=Kind.choices)
    at = models.DateTimeField(_("le"))
    by = models.CharField(_("par"), max_length=40, help_text=_("« professionnel(le) », « structure », « Ancrage »…"))
    detail = models.CharField(_("précision"), max_length=200, blank=True, help_text=_("Jamais de donnée personnelle."))

    class Meta:
        verbose_name = _("événement d’un adressage")
        verbose_name_plural = _("événements des adressages")
        ordering = ["at", "pk"]

    def __str__(self):
        return self.get_kind_display()


class ReferralReading(models.Model):
    """Who read a referral's personal data, and when: a person with an account, or the structure's link."""

    class Via(models.TextChoices):
        ACCOUNT = "compte", _("compte")
        LINK = "lien", _("lien de la structure")
        COMMAND = "commande", _("commande de droit d’accès")

    referral = models.ForeignKey(Referral, related_name="readings", on_delete=models.CASCADE)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("par"), null=True, related_name="+", on_delete=models.SET_NULL
    )
    via = models.CharField(_("par"), max_length=10, choices=Via.choices)
    at = models.DateTimeField(_("le"), auto_now_add=True)

    class Meta:
        verbose_name = _("lecture d’un adressage")
        verbose_name_plural = _("lectures des adressages")
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
        "accounts.Structure", verbose_name=_("structure"), related_name="referral_opt_in", on_delete=models.CASCADE
    )
    created_at = models.DateTimeField(_("depuis le"), auto_now_add=True)

    class Meta:
        verbose_name = _("structure qui accepte les adressages")
        verbose_name_plural = _("structures qui acceptent les adressages")

    def __str__(self):
        return str(self.structure)
