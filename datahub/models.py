"""Provenance of every record: which source said what, when, and through which import run."""

from django.conf import settings
from django.db import models

from directory.models import Place, Service


class ImportRun(models.Model):
    class Status(models.TextChoices):
        RUNNING = "en_cours", "En cours"
        SUCCESS = "reussi", "Réussi"
        FAILED = "echec", "Échec (rien n’a été modifié)"

    source_format = models.CharField("format", max_length=40)
    feed = models.CharField(
        "flux",
        max_length=200,
        db_index=True,
        help_text="Nom du flux importé (par défaut, le nom du fichier) : un enregistrement déjà reçu "
        "par ce flux et absent du nouvel import est signalé absent de la source.",
    )
    file_name = models.CharField("fichier", max_length=300, blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="lancé par", null=True, blank=True, on_delete=models.SET_NULL
    )
    started_at = models.DateTimeField("commencé le", auto_now_add=True)
    finished_at = models.DateTimeField("terminé le", null=True, blank=True)
    status = models.CharField("état", max_length=20, choices=Status.choices, default=Status.RUNNING)
    error = models.TextField("erreur", blank=True)
    dry_run = models.BooleanField("essai à blanc", default=False)
    rows = models.PositiveIntegerField("lignes lues", default=0)
    created = models.PositiveIntegerField("créés", default=0)
    updated = models.PositiveIntegerField("mis à jour", default=0)
    unchanged = models.PositiveIntegerField("inchangés", default=0)
    merged = models.PositiveIntegerField("fusionnés", default=0)
    rejected = models.PositiveIntegerField("rejetés", default=0)
    warnings = models.PositiveIntegerField("avertissements", default=0)

    class Meta:
        verbose_name = "import"
        ordering = ["-started_at"]

    def __str__(self):
        return f"Import {self.source_format} du {self.started_at:%d/%m/%Y %H:%M}"


class RowIssue(models.Model):
    """A row that was rejected, or read with a warning (a value that could not be used)."""

    class Level(models.TextChoices):
        REJECTED = "rejet", "Ligne rejetée"
        WARNING = "avertissement", "Avertissement"

    run = models.ForeignKey(ImportRun, related_name="issues", on_delete=models.CASCADE)
    line = models.PositiveIntegerField("ligne")
    record_id = models.CharField("identifiant", max_length=200, blank=True)
    level = models.CharField("gravité", max_length=20, choices=Level.choices)
    reason = models.TextField("raison")

    class Meta:
        verbose_name = "problème de ligne"
        verbose_name_plural = "problèmes de lignes"
        ordering = ["line", "pk"]

    def __str__(self):
        return f"Ligne {self.line} : {self.reason}"


class SourceRecord(models.Model):
    """One record of one source (a lieu, a structure or a service), and where it landed."""

    class Kind(models.TextChoices):
        PLACE = "lieu", "Lieu ou structure"
        SERVICE = "service", "Service"

    source = models.CharField("source", max_length=100)
    kind = models.CharField("nature", max_length=10, choices=Kind.choices)
    source_id = models.CharField("identifiant dans la source", max_length=200)
    place = models.ForeignKey(Place, related_name="source_records", null=True, on_delete=models.CASCADE)
    service = models.ForeignKey(Service, related_name="source_records", null=True, on_delete=models.CASCADE)
    feed = models.CharField("flux", max_length=200, db_index=True)
    fingerprint = models.CharField("empreinte", max_length=64)
    date_maj = models.DateField("mis à jour dans la source le", null=True)
    first_run = models.ForeignKey(ImportRun, related_name="+", null=True, on_delete=models.SET_NULL)
    last_run = models.ForeignKey(ImportRun, related_name="+", null=True, on_delete=models.SET_NULL)
    absent_since = models.DateField("absent de la source depuis le", null=True, blank=True)

    class Meta:
        verbose_name = "enregistrement source"
        constraints = [models.UniqueConstraint(fields=["source", "kind", "source_id"], name="unique_source_record")]

    def __str__(self):
        return f"{self.source} · {self.source_id}"
