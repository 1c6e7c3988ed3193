from django.db import models


class CheckCount(models.Model):
    """Anonymous counts for the observatory: pre-checks made, and likely rights found, per month, commune and
    benefit. No personal data: no answer, no amount, no person; one row per (month, commune, benefit)."""

    month = models.DateField("mois", help_text="Le premier jour du mois.")
    code_insee = models.CharField("commune (code INSEE)", max_length=5)
    benefit = models.CharField("aide", max_length=30)
    checks = models.PositiveIntegerField("vérifications", default=0)
    likely = models.PositiveIntegerField("droit probable", default=0)
    non_recours = models.PositiveIntegerField("droit probable non demandé", default=0)

    class Meta:
        verbose_name = "décompte des vérifications de droits"
        verbose_name_plural = "décomptes des vérifications de droits"
        constraints = [models.UniqueConstraint(fields=["month", "code_insee", "benefit"], name="rights_count_unique")]

    def __str__(self):
        return f"{self.month:%Y-%m} {self.code_insee} {self.benefit}"


class FollowUp(models.Model):
    """A person's explicit consent to be asked once, a few days later, what became of their likely rights.

    Holds the e-mail address and nothing else about them (the benefits asked about, the commune for the counts);
    deleted as soon as they answer, and `ANCRAGE_RIGHTS_FOLLOWUP_KEEP_DAYS` after the message otherwise."""

    email = models.EmailField("adresse e-mail")
    code_insee = models.CharField("commune (code INSEE)", max_length=5)
    benefits = models.CharField("aides demandées", max_length=300, help_text="Clés séparées par « | ».")
    consented_at = models.DateTimeField("consentement donné le")
    send_after = models.DateTimeField("à envoyer après le")
    sent_at = models.DateTimeField("envoyé le", null=True, blank=True)

    class Meta:
        verbose_name = "suivi de droits"
        verbose_name_plural = "suivis de droits"

    def __str__(self):
        return f"Suivi n° {self.pk}"

    @property
    def benefit_keys(self) -> list[str]:
        return [k for k in self.benefits.split("|") if k]


class FollowUpCount(models.Model):
    """Anonymous answers to the follow-up, per month, commune, benefit and outcome (the local non-recours
    indicator)."""

    class Outcome(models.TextChoices):
        RECEIVED = "percue", "Je la perçois maintenant"
        APPLIED = "demandee", "Je l’ai demandée, j’attends la réponse"
        FAILED = "echec", "Je l’ai demandée, sans succès"
        NOTHING = "rien", "Je n’ai rien fait"

    month = models.DateField("mois de la réponse")
    code_insee = models.CharField("commune (code INSEE)", max_length=5)
    benefit = models.CharField("aide", max_length=30)
    outcome = models.CharField("réponse", max_length=10, choices=Outcome.choices)
    count = models.PositiveIntegerField("nombre", default=0)

    class Meta:
        verbose_name = "réponse au suivi (décompte)"
        verbose_name_plural = "réponses au suivi (décomptes)"
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

    summary = models.JSONField("résumé du résultat")
    recipient_email = models.EmailField("adresse du destinataire", blank=True)
    recipient_user = models.ForeignKey(
        "accounts.User",
        verbose_name="gardé par",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="rights_handovers",
    )
    consent_text = models.TextField("consentement (texte affiché)")
    consent_version = models.CharField("version du consentement", max_length=20)
    consented_at = models.DateTimeField("consentement donné le")
    created_at = models.DateTimeField("créé le", auto_now_add=True)
    expires_at = models.DateTimeField("expire le")

    class Meta:
        verbose_name = "résultat de droits transmis"
        verbose_name_plural = "résultats de droits transmis"

    def __str__(self):
        return f"Transmission n° {self.pk}"
