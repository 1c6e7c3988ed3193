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
