"""One model: a survey response, stored without any identity (no name, e-mail, address or IP)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Response(models.Model):
    class Channel(models.TextChoices):
        ONLINE = "en_ligne", _("en ligne")
        PAPER = "papier", _("questionnaire papier saisi par un médiateur")
        IMPORT = "import", _("import de fichier")

    version = models.CharField(_("version du questionnaire"), max_length=8)
    channel = models.CharField(_("canal"), max_length=10, choices=Channel.choices)
    # The day only: a time of day would help recognise a respondent who answered in front of someone.
    received_on = models.DateField(_("reçue le"))
    commune = models.ForeignKey(
        "territory.Commune", verbose_name=_("commune"), null=True, blank=True, on_delete=models.PROTECT
    )
    birth_year = models.PositiveSmallIntegerField(_("année de naissance"), null=True, blank=True)
    sex = models.CharField(_("sexe"), max_length=10, blank=True)
    in_qpv = models.CharField(_("habite un QPV (déclaré)"), max_length=12, blank=True)
    answers = models.JSONField(_("réponses"), default=dict)
    demo = models.BooleanField(_("donnée de démonstration"), default=False, db_index=True)

    class Meta:
        verbose_name = _("réponse à l’enquête")
        verbose_name_plural = _("réponses à l’enquête")
        indexes = [models.Index(fields=["commune", "birth_year"])]

    def __str__(self):
        return _("Réponse n° %(number)s (%(channel)s, %(date)s)") % {
            "number": self.pk,
            "channel": self.get_channel_display(),
            "date": f"{self.received_on:%d/%m/%Y}",
        }
