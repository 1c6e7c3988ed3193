"""Citizen juries: volunteers and a reproducible stratified draw (`civic/domain/draw.py`)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Jury(models.Model):
    class Status(models.TextChoices):
        OPEN = "appel", _("appel à volontaires")
        CLOSED = "clos", _("candidatures closes, tirage annoncé")
        DRAWN = "tire", _("tiré au sort")
        ENDED = "termine", _("terminé")

    title = models.CharField(_("titre"), max_length=200)
    slug = models.SlugField(_("adresse"), max_length=80, unique=True)
    question = models.TextField(_("question posée au jury"))
    seats = models.PositiveSmallIntegerField(_("nombre de jurés"))
    status = models.CharField(_("état"), max_length=10, choices=Status.choices, default=Status.OPEN)
    seed_source = models.CharField(
        _("source de la graine"), max_length=300, blank=True,
        help_text=_("La valeur publique annoncée avant le tirage : « résultat de l’EuroMillions du 12 mars 2027 »."),
    )  # fmt: skip
    seed = models.CharField(_("graine"), max_length=200, blank=True)
    volunteers_digest = models.CharField(_("empreinte de la liste"), max_length=64, blank=True)
    drawn_at = models.DateTimeField(_("tiré le"), null=True, blank=True)
    ended_at = models.DateTimeField(_("terminé le"), null=True, blank=True)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("jury citoyen")
        verbose_name_plural = _("jurys citoyens")
        ordering = ["-created"]

    def __str__(self):
        return self.title


class Volunteer(models.Model):
    class AgeBand(models.TextChoices):
        A16 = "16-29", _("16 à 29 ans")
        A30 = "30-44", _("30 à 44 ans")
        A45 = "45-59", _("45 à 59 ans")
        A60 = "60-74", _("60 à 74 ans")
        A75 = "75+", _("75 ans ou plus")

    class Sex(models.TextChoices):
        F = "F", _("femme")
        M = "M", _("homme")

    jury = models.ForeignKey(Jury, on_delete=models.CASCADE, related_name="volunteers")
    number = models.PositiveIntegerField(_("numéro"))
    first_name = models.CharField(_("prénom"), max_length=80)
    last_name = models.CharField(_("nom"), max_length=80)
    email = models.EmailField(_("adresse e-mail"), blank=True)
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    area = models.CharField(_("commune ou quartier"), max_length=100)
    age_band = models.CharField(_("tranche d’âge"), max_length=6, choices=AgeBand.choices)
    sex = models.CharField(_("sexe"), max_length=1, choices=Sex.choices)
    created = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(
        _("confirmé le"), null=True, blank=True, help_text=_("Une candidature papier : la date de sa réception.")
    )
    drawn_rank = models.PositiveSmallIntegerField(_("rang au tirage"), null=True, blank=True)

    class Meta:
        verbose_name = _("volontaire")
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["jury", "number"], name="civic_volunteer_number")]

    def __str__(self):
        return _("Volontaire n° %(number)s") % {"number": self.number}

    @property
    def public_name(self) -> str:
        """First name and initial (« Camille D. »), or the number once anonymised."""
        if not self.first_name:
            return _("Volontaire n° %(number)s") % {"number": self.number}
        return f"{self.first_name} {self.last_name[:1]}." if self.last_name else self.first_name
