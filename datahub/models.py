"""Provenance of every record: which source said what, when, and through which import run."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models import Place, Service


class ImportRun(models.Model):
    class Status(models.TextChoices):
        QUEUED = "en_attente", _("En attente")
        RUNNING = "en_cours", _("En cours")
        SUCCESS = "reussi", _("Réussi")
        FAILED = "echec", _("Échec (rien n’a été modifié)")

    source_format = models.CharField(_("format"), max_length=40)
    feed = models.CharField(
        _("flux"),
        max_length=200,
        db_index=True,
        help_text=_(
            "Nom du flux importé (par défaut, le nom du fichier) : un enregistrement déjà reçu "
            "par ce flux et absent du nouvel import est signalé absent de la source."
        ),
    )
    file_name = models.CharField(_("fichier"), max_length=300, blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("lancé par"), null=True, blank=True, on_delete=models.SET_NULL
    )
    started_at = models.DateTimeField(_("commencé le"), auto_now_add=True)
    finished_at = models.DateTimeField(_("terminé le"), null=True, blank=True)
    status = models.CharField(_("état"), max_length=20, choices=Status.choices, default=Status.RUNNING)
    error = models.TextField(_("erreur"), blank=True)
    dry_run = models.BooleanField(_("essai à blanc"), default=False)
    rows = models.PositiveIntegerField(_("lignes lues"), default=0)
    created = models.PositiveIntegerField(_("créés"), default=0)
    updated = models.PositiveIntegerField(_("mis à jour"), default=0)
    unchanged = models.PositiveIntegerField(_("inchangés"), default=0)
    merged = models.PositiveIntegerField(_("fusionnés"), default=0)
    absent = models.PositiveIntegerField(
        _("signalés absents"),
        default=0,
        help_text=_("Enregistrements reçus avant par ce flux et absents de ce fichier."),
    )
    rejected = models.PositiveIntegerField(_("rejetés"), default=0)
    warnings = models.PositiveIntegerField(_("avertissements"), default=0)
    # A run queued from the back-office: the file it reads (deleted when the run ends), how to read it, its job.
    upload = models.ForeignKey(
        "core.JobFile", verbose_name=_("fichier envoyé"), null=True, blank=True, on_delete=models.SET_NULL
    )
    options = models.JSONField(_("paramètres"), default=dict, blank=True, help_text=_("Profil, colonnes associées."))
    job_id = models.CharField(_("tâche de fond"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("import")
        ordering = ["-started_at"]

    def __str__(self):
        return f"Import {self.source_format} du {timezone.localtime(self.started_at):%d/%m/%Y %H:%M}"

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.SUCCESS, self.Status.FAILED)

    @property
    def absent_text(self) -> str:
        """« 3 enregistrements signalés absents de la source » (« seraient » for a dry run or a refusal)."""
        noun = "enregistrement" if self.absent < 2 else "enregistrements"
        verb = "seraient signalés" if self.dry_run or self.status == self.Status.FAILED else "signalés"
        if self.absent < 2:
            verb = verb.replace("seraient", "serait").replace("signalés", "signalé")
        return f"{self.absent} {noun} {verb} absent{'s' if self.absent >= 2 else ''} de la source"


class RowIssue(models.Model):
    """A row that was rejected, or read with a warning (a value that could not be used)."""

    class Level(models.TextChoices):
        REJECTED = "rejet", _("Ligne rejetée")
        WARNING = "avertissement", _("Avertissement")

    run = models.ForeignKey(ImportRun, related_name="issues", on_delete=models.CASCADE)
    line = models.PositiveIntegerField("ligne")
    record_id = models.CharField(_("identifiant"), max_length=200, blank=True)
    level = models.CharField(_("gravité"), max_length=20, choices=Level.choices)
    reason = models.TextField("raison")

    class Meta:
        verbose_name = _("problème de ligne")
        verbose_name_plural = _("problèmes de lignes")
        ordering = ["line", "pk"]

    def __str__(self):
        return f"Ligne {self.line} : {self.reason}"


class SourceRecord(models.Model):
    """One record of one source (a lieu, a structure or a service), and where it landed."""

    class Kind(models.TextChoices):
        PLACE = "lieu", _("Lieu ou structure")
        SERVICE = "service", _("Service")

    source = models.CharField(_("source"), max_length=100)
    kind = models.CharField(_("nature"), max_length=10, choices=Kind.choices)
    source_id = models.CharField(_("identifiant dans la source"), max_length=200)
    place = models.ForeignKey(Place, related_name="source_records", null=True, on_delete=models.CASCADE)
    service = models.ForeignKey(Service, related_name="source_records", null=True, on_delete=models.CASCADE)
    feed = models.CharField(_("flux"), max_length=200, db_index=True)
    fingerprint = models.CharField(_("empreinte"), max_length=64)
    date_maj = models.DateField(_("mis à jour dans la source le"), null=True)
    first_run = models.ForeignKey(ImportRun, related_name="+", null=True, on_delete=models.SET_NULL)
    last_run = models.ForeignKey(ImportRun, related_name="+", null=True, on_delete=models.SET_NULL)
    absent_since = models.DateField(_("absent de la source depuis le"), null=True, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("lieu ou structure de rattachement"),
        related_name="children",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        help_text=_("Pour un service : l’enregistrement du lieu ou de la structure qui le propose."),
    )
    data = models.JSONField(
        _("valeurs reçues"),
        default=dict,
        blank=True,
        help_text=_("Les valeurs de cette source, après normalisation, lors du dernier import."),
    )

    class Meta:
        verbose_name = _("enregistrement source")
        verbose_name_plural = _("enregistrements sources")
        constraints = [models.UniqueConstraint(fields=["source", "kind", "source_id"], name="unique_source_record")]

    def __str__(self):
        return f"{self.source} · {self.source_id}"


class FieldChange(models.Model):
    """One value changed on a place or a service: what it was, what it became, and who set it
    (an import run, or a person: a coordinator's correction is a source of its own)."""

    record = models.ForeignKey(
        SourceRecord, verbose_name=_("enregistrement source"), related_name="changes", on_delete=models.CASCADE
    )
    run = models.ForeignKey(
        ImportRun, verbose_name=_("import"), related_name="changes", null=True, blank=True, on_delete=models.CASCADE
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("par"),
        null=True,
        blank=True,
        related_name="+",
        on_delete=models.SET_NULL,
    )
    field = models.CharField(_("champ"), max_length=60)
    old_value = models.TextField(_("ancienne valeur"), blank=True)
    new_value = models.TextField(_("nouvelle valeur"), blank=True)
    changed_at = models.DateTimeField("modifié le")

    class Meta:
        verbose_name = _("modification de champ")
        verbose_name_plural = _("historique des modifications")
        ordering = ["-changed_at", "pk"]

    def __str__(self):
        return f"{self.field} : « {self.old_value} » → « {self.new_value} »"


class MergeCandidate(models.Model):
    """Two places that may be the same one: a coordinator decides."""

    class Status(models.TextChoices):
        PENDING = "a_examiner", _("À examiner")
        CONFIRMED = "confirmee", _("Fusion confirmée")
        REFUSED = "refusee", _("Fusion refusée")

    place = models.ForeignKey(
        Place, verbose_name=_("lieu conservé"), related_name="merge_candidates", on_delete=models.CASCADE
    )
    other = models.ForeignKey(
        Place, verbose_name=_("doublon possible"), null=True, blank=True, related_name="+", on_delete=models.SET_NULL
    )
    other_name = models.CharField(_("nom du doublon possible"), max_length=250, blank=True)
    score = models.FloatField(_("ressemblance des noms"), default=0)
    reasons = models.TextField("raisons")
    status = models.CharField(_("décision"), max_length=20, choices=Status.choices, default=Status.PENDING)
    run = models.ForeignKey(ImportRun, verbose_name=_("import"), null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(_("proposé le"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("décidé par"), null=True, blank=True, on_delete=models.SET_NULL
    )
    decided_at = models.DateTimeField(_("décidé le"), null=True, blank=True)

    class Meta:
        verbose_name = _("doublon à examiner")
        verbose_name_plural = _("doublons à examiner")
        ordering = ["status", "-created_at"]
        constraints = [models.UniqueConstraint(fields=["place", "other"], name="unique_merge_candidate")]

    def __str__(self):
        return f"{self.place.nom} / {self.other_name}"


class Merge(models.Model):
    """Places merged into one: the absorbed place's source records now point to the kept place."""

    place = models.ForeignKey(Place, verbose_name=_("lieu conservé"), related_name="merges", on_delete=models.CASCADE)
    absorbed_name = models.CharField(_("lieu absorbé"), max_length=250)
    record_ids = models.JSONField(_("enregistrements absorbés"), default=list)
    automatic = models.BooleanField(_("automatique"), default=False)
    reasons = models.TextField(_("raisons"), blank=True)
    run = models.ForeignKey(ImportRun, verbose_name=_("import"), null=True, blank=True, on_delete=models.SET_NULL)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("par"),
        null=True,
        blank=True,
        related_name="+",
        on_delete=models.SET_NULL,
    )
    created_at = models.DateTimeField(_("fusionné le"), auto_now_add=True)
    undone_at = models.DateTimeField(_("annulée le"), null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("annulée par"),
        null=True,
        blank=True,
        related_name="+",
        on_delete=models.SET_NULL,
    )
    restored_place = models.ForeignKey(
        Place, verbose_name=_("lieu rétabli"), null=True, blank=True, related_name="+", on_delete=models.SET_NULL
    )
    absorbed_pk = models.PositiveBigIntegerField(_("numéro du lieu absorbé"), null=True, blank=True)
    moved_pks = models.JSONField(
        _("adresses redirigées"), default=list, blank=True, help_text=_("Numéros de lieux redirigés par cette fusion.")
    )

    class Meta:
        verbose_name = _("fusion")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.absorbed_name} → {self.place.nom}"


class MergeDecision(models.Model):
    """Whether two source records describe one place, as decided (a merge, a refusal, an undone merge).

    Keyed by the records' identities ("source|id"), not by places, so that a decision survives the
    deletion of a place and its re-creation by a later import.
    """

    class Verdict(models.TextChoices):
        SAME = "meme", _("Même lieu")
        DIFFERENT = "different", _("Lieux distincts")

    a = models.CharField(_("enregistrement"), max_length=301)
    b = models.CharField(_("autre enregistrement"), max_length=301)
    verdict = models.CharField(_("décision"), max_length=20, choices=Verdict.choices)
    decided_at = models.DateTimeField(_("décidé le"), auto_now=True)

    class Meta:
        verbose_name = _("décision de fusion")
        verbose_name_plural = _("décisions de fusion")
        constraints = [models.UniqueConstraint(fields=["a", "b"], name="unique_merge_decision")]

    def __str__(self):
        return f"{self.a} / {self.b} : {self.get_verdict_display()}"


class Feed(models.Model):
    """A source published at a URL, pulled by `manage.py sync_sources`."""

    name = models.CharField(_("nom du flux"), max_length=200, unique=True)
    source_format = models.CharField(_("format"), max_length=40)
    url = models.CharField(_("adresse"), max_length=500, help_text=_("https://…, ou file:///… pour un fichier local."))
    active = models.BooleanField(_("actif"), default=True)
    last_run = models.ForeignKey(
        ImportRun, verbose_name=_("dernier import"), null=True, blank=True, related_name="+", on_delete=models.SET_NULL
    )

    class Meta:
        verbose_name = _("flux synchronisé")
        verbose_name_plural = _("flux synchronisés")
        ordering = ["name"]

    def __str__(self):
        return self.name
