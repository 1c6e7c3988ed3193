from django.db import models
from django.utils.translation import gettext_lazy as _


class CheckCount(models.Model):
    """Anonymous counts for the observatory: pre-checks made, and likely rights found, per month, commune and
    benefit. No personal data: no answer, no amount, no person; one row per (month, commune, benefit)."""

    month = models.DateField(_("mois"), help_text=_("Le premier jour du mois."))
    code_insee = models.CharField(_("commune (code INSEE)"), max_length=5)
    benefit = models.CharField(_("aide"), max_length=30)
    checks = models.PositiveIntegerField(_("vérifications"), default=0)
    likely = models.PositiveIntegerField(_("droit probable"), default=0)
    non_recours = models.PositiveIntegerField(_("droit probable non demandé"), default=0)

    class Meta:
        verbose_name = _("décompte des vérifications de droits")
        verbose_name_plural = _("décomptes des vérifications de droits")
        constraints = [models.UniqueConstraint(fields=["month", "code_insee", "benefit"], name="rights_count_unique")]

    def __str__(self):
        return f"{self.month:%Y-%m} {self.code_insee} {self.benefit}"


class FollowUp(models.Model):
    """A person's explicit consent to be asked once, a few days later, what became of their likely rights.

    Holds the e-mail address and nothing else about them (the benefits asked about, the commune for the counts);
    deleted as soon as they answer, and `ANCRAGE_RIGHTS_FOLLOWUP_KEEP_DAYS` after the message otherwise."""

    email = models.EmailField(_("adresse e-mail"))
    code_insee = models.CharField(_("commune (code INSEE)"), max_length=5)
    benefits = models.CharField(_("aides demandées"), max_length=300, help_text=_("Clés séparées par « | »."))
    consented_at = models.DateTimeField(_("consentement donné le"))
    send_after = models.DateTimeField(_("à envoyer après le"))
    sent_at = models.DateTimeField(_("envoyé le"), null=True, blank=True)

    class Meta:
        verbose_name = _("suivi de droits")
        verbose_name_plural = _("suivis de droits")

    def __str__(self):
        return _("Suivi n° %(number)s") % {"number": self.pk}

    @property
    def benefit_keys(self) -> list[str]:
        return [k for k in self.benefits.split("|") if k]


class FollowUpCount(models.Model):
    """Anonymous answers to the follow-up, per month, commune, benefit and outcome (the local non-recours
    indicator)."""

    class Outcome(models.TextChoices):
        RECEIVED = "percue", _("Je la perçois maintenant")
        APPLIED = "demandee", _("Je l’ai demandée, j’attends la réponse")
        FAILED = "echec", _("Je l’ai demandée, sans succès")
        NOTHING = "rien", _("Je n’ai rien fait")

    month = models.DateField(_("mois de la réponse"))
    code_insee = models.CharField(_("commune (code INSEE)"), max_length=5)
    benefit = models.CharField(_("aide"), max_length=30)
    outcome = models.CharField(_("réponse"), max_length=10, choices=Outcome.choices)
    count = models.PositiveIntegerField(_("nombre"), default=0)

    class Meta:
        verbose_name = _("réponse au suivi (décompte)")
        verbose_name_plural = _("réponses au suivi (décomptes)")
        constraints = [
            models.UniqueConstraint(fields=["month", "code_insee", "benefit", "outcome"], name="rights_followup_unique")
        ]

    def __str__(self):
        return f"{self.month:%Y-%m} {self.code_insee} {self.benefit} {self.outcome}"


class Handover(models.Model):
    """A result handed, with the person's explicit consent, to the professional or structure accompanying them.

    Holds the result's summary (benefits, statuses, amounts, conditions to check; not the answers), the recipient
    (an address, or the account of the professional who kept it), the consent as worded; deleted at `expires_at`
    by a retention rule (`ANCRAGE_RIGHTS_HANDOVER_DAYS` after its creation)."""

    summary = models.JSONField(_("résumé du résultat"))
    recipient_email = models.EmailField(_("adresse du destinataire"), blank=True)
    recipient_user = models.ForeignKey(
        "accounts.User",
        verbose_name=_("gardé par"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="rights_handovers",
    )
    consent_text = models.TextField(_("consentement (texte affiché)"))
    consent_version = models.CharField(_("version du consentement"), max_length=20)
    consented_at = models.DateTimeField(_("consentement donné le"))
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expire le"))

    class Meta:
        verbose_name = _("résultat de droits transmis")
        verbose_name_plural = _("résultats de droits transmis")

    def __str__(self):
        return _("Transmission n° %(number)s") % {"number": self.pk}
