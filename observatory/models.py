"""One model: a survey response, stored without any identity (no name, e-mail, address or IP)."""

from django.db import models


class Response(models.Model):
    class Channel(models.TextChoices):
        ONLINE = "en_ligne", "en ligne"
        PAPER = "papier", "questionnaire papier saisi par un médiateur"
        IMPORT = "import", "import de fichier"

    version = models.CharField("version du questionnaire", max_length=8)
    channel = models.CharField("canal", max_length=10, choices=Channel.choices)
    # The day only: a time of day would help recognise a respondent who answered in front of someone.
    received_on = models.DateField("reçue le")
    commune = models.ForeignKey(
        "territory.Commune", verbose_name="commune", null=True, blank=True, on_delete=models.PROTECT
    )
    birth_year = models.PositiveSmallIntegerField("année de naissance", null=True, blank=True)
    sex = models.CharField("sexe", max_length=10, blank=True)
    in_qpv = models.CharField("habite un QPV (déclaré)", max_length=12, blank=True)
    answers = models.JSONField("réponses", default=dict)
    demo = models.BooleanField("donnée de démonstration", default=False, db_index=True)

    class Meta:
        verbose_name = "réponse à l’enquête"
        verbose_name_plural = "réponses à l’enquête"
        indexes = [models.Index(fields=["commune", "birth_year"])]

    def __str__(self):
        return f"Réponse n° {self.pk} ({self.get_channel_display()}, {self.received_on:%d/%m/%Y})"
