"""The platform's own tables: no domain words here.

- `PeriodicJob`: when each scheduled job is next due (claimed by a conditional UPDATE, so one worker enqueues it).
- `WorkerHeartbeat`: the last time each worker process polled the queue (health and system checks read it).
- `AuditEntry`: who (a person or a job) did what to which object, with the fields before and after.
- `UsedToken`: the signed links that may act once and were used.
- `ThrottleBucket`: one token bucket per client and scope, shared by every app server.
- `JobProgress`: how far a running job is (written through the "progress" connection, see `core.routers`).
- `JobFile`: a file handed to a background job (an uploaded import), its bytes in the database so that a worker on
  another server reads it.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class PeriodicJob(models.Model):
    name = models.CharField(_("tâche"), max_length=200, primary_key=True)
    next_run_at = models.DateTimeField(_("prochain lancement"))
    last_enqueued_at = models.DateTimeField(_("dernier lancement"), null=True, blank=True)

    class Meta:
        verbose_name = _("tâche planifiée")
        verbose_name_plural = _("tâches planifiées")

    def __str__(self):
        return self.name


class WorkerHeartbeat(models.Model):
    worker_id = models.CharField(_("processus"), max_length=200, primary_key=True)
    seen_at = models.DateTimeField(_("vu le"))

    class Meta:
        verbose_name = _("processus de tâches")
        verbose_name_plural = _("processus de tâches")

    def __str__(self):
        return self.worker_id


class AuditEntry(models.Model):
    at = models.DateTimeField(_("le"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("personne"), null=True, blank=True, on_delete=models.SET_NULL
    )
    actor = models.CharField(_("auteur"), max_length=200, help_text=_("La personne ou la tâche automatique."))
    verb = models.CharField(_("action"), max_length=100)
    content_type = models.ForeignKey(ContentType, verbose_name=_("type d’objet"), on_delete=models.CASCADE)
    object_id = models.CharField(_("identifiant"), max_length=64)
    object_repr = models.CharField(_("objet"), max_length=300)
    changes = models.JSONField(_("changements"), default=dict, blank=True, help_text=_("champ → [avant, après]"))
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("entrée du journal")
        verbose_name_plural = _("journal des actions")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "-at"])]

    def __str__(self):
        return f"{self.actor} · {self.verb} · {self.object_repr}"


class UsedToken(models.Model):
    digest = models.CharField(max_length=64, primary_key=True)
    purpose = models.CharField(max_length=100)
    used_at = models.DateTimeField(auto_now_add=True)
    # After this the token is refused as expired anyway: the row may go (`core.tasks.purge_used_tokens`).
    expires_at = models.DateTimeField(null=True, db_index=True)

    def __str__(self):
        return f"{self.purpose} · {self.used_at:%Y-%m-%d %H:%M}"


class ThrottleBucket(models.Model):
    key = models.CharField(max_length=200, primary_key=True)
    tokens = models.FloatField()
    stamp = models.FloatField(help_text=_("Unix time of the last refill."))

    def __str__(self):
        return self.key


class JobProgress(models.Model):
    job_id = models.CharField(_("tâche"), max_length=64, primary_key=True)
    done = models.PositiveBigIntegerField(_("fait"), null=True, blank=True)
    total = models.PositiveBigIntegerField(_("total"), null=True, blank=True)
    phase = models.CharField(_("étape"), max_length=200, blank=True)
    updated_at = models.DateTimeField(_("mis à jour le"))

    class Meta:
        verbose_name = _("avancement d’une tâche")
        verbose_name_plural = _("avancement des tâches")

    def __str__(self):
        return self.text

    @property
    def text(self) -> str:
        """« Lecture des lignes : 1 200 sur 3 400 » (the counts as far as they are known)."""
        from django.contrib.humanize.templatetags.humanize import intcomma

        if self.done is None:
            return self.phase
        count = intcomma(self.done) if self.total is None else f"{intcomma(self.done)} sur {intcomma(self.total)}"
        return f"{self.phase} : {count}" if self.phase else count

    @property
    def percent(self) -> int | None:
        if self.done is None or not self.total:
            return None
        return min(100, self.done * 100 // self.total)


class JobFile(models.Model):
    name = models.CharField(_("nom du fichier"), max_length=300)
    content = models.BinaryField(_("contenu"))
    size = models.PositiveBigIntegerField(_("taille (octets)"))
    created_at = models.DateTimeField(_("envoyé le"), auto_now_add=True, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("envoyé par"), null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        verbose_name = _("fichier envoyé")
        verbose_name_plural = _("fichiers envoyés")

    def __str__(self):
        return self.name
