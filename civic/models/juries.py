"""Citizen juries: volunteers and a reproducible stratified draw (`civic/domain/draw.py`)."""

from django.db import models
from django.utils import timezone


class Jury(models.Model):
    class Status(models.TextChoices):
        OPEN = "appel", "appel à volontaires"
        CLOSED = "clos", "candidatures closes, tirage annoncé"
        DRAWN = "tire", "tiré au sort"
        ENDED = "termine", "terminé"

    title = models.CharField("titre", max_length=200)
    slug = models.SlugField("adresse", max_length=80, unique=True)
    question = models.TextField("question posée au jury")
    seats = models.PositiveSmallIntegerField("nombre de jurés")
    status = models.CharField("état", max_length=10, choices=Status.choices, default=Status.OPEN)
    seed_source = models.CharField(
        "source de la graine", max_length=300, blank=True,
        help_text="La valeur publique annoncée avant le tirage : « résultat de l’EuroMillions du 12 mars 2027 ».",
    )  # fmt: skip
    seed = models.CharField("graine", max_length=200, blank=True)
    volunteers_digest = models.CharField("empreinte de la liste", max_length=64, blank=True)
    drawn_at = models.DateTimeField("tiré le", null=True, blank=True)
    ended_at = models.DateTimeField("terminé le", null=True, blank=True)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "jury citoyen"
        verbose_name_plural = "jurys citoyens"
        ordering = ["-created"]

    def __str__(self):
        return self.title


class Volunteer(models.Model):
    class AgeBand(models.TextChoices):
        A16 = "16-29", "16 à 29 ans"
        A30 = "30-44", "30 à 44 ans"
        A45 = "45-59", "45 à 59 ans"
        A60 = "60-74", "60 à 74 ans"
        A75 = "75+", "75 ans ou plus"

    class Sex(models.TextChoices):
        F = "F", "femme"
        M = "M", "homme"

    jury = models.ForeignKey(Jury, on_delete=models.CASCADE, related_name="volunteers")
    number = models.PositiveIntegerField("numéro")
    first_name = models.CharField("prénom", max_length=80)
    last_name = models.CharField("nom", max_length=80)
    email = models.EmailField("adresse e-mail", blank=True)
    phone = models.CharField("téléphone", max_length=30, blank=True)
    area = models.CharField("commune ou quartier", max_length=100)
    age_band = models.CharField("tranche d’âge", max_length=6, choices=AgeBand.choices)
    sex = models.CharField("sexe", max_length=1, choices=Sex.choices)
    created = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(
        "confirmé le", null=True, blank=True, help_text="Une candidature papier : la date de sa réception."
    )
    drawn_rank = models.PositiveSmallIntegerField("rang au tirage", null=True, blank=True)

    class Meta:
        verbose_name = "volontaire"
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["jury", "number"], name="civic_volunteer_number")]

    def __str__(self):
        return f"Volontaire n° {self.number}"

    @property
    def public_name(self) -> str:
        """First name and initial (« Camille D. »), or the number once anonymised."""
        if not self.first_name:
            return f"Volontaire n° {self.number}"
        return f"{self.first_name} {self.last_name[:1]}." if self.last_name else self.first_name
