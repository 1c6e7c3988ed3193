"""The data hub's background jobs: imports sent from the back-office, and the periodic ones (scheduled in
settings.ANCRAGE_PERIODIC_JOBS)."""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from core import jobfiles
from core.jobs import Failed, current_job, job
from datahub import runs
from datahub.models import ImportRun
from datahub.sync import sync_all


class SyncFailed(RuntimeError):
    pass


@job(retries=2, retry_delay=900, label=gettext_lazy("Synchronisation des flux"))
def sync_feeds() -> list[dict]:
    """Import every active feed (Données › Flux synchronisés); a failed feed fails the job, which is retried."""
    results = sync_all(wet_run=True)
    summary = [{"flux": r.feed.name, "import": r.run.pk if r.run else None, "erreur": r.error} for r in results]
    failed = [s for s in summary if s["erreur"]]
    if failed:
        raise SyncFailed("; ".join(f"{s['flux']} : {s['erreur']}" for s in failed))
    return summary


@job(label=gettext_lazy("Imports interrompus marqués en échec"))
def close_interrupted_runs() -> int:
    return runs.close_interrupted_runs()


def queue_import(run: ImportRun) -> ImportRun:
    """Hand a run created « En attente » (its file stored in `run.upload`) to a worker."""
    result = import_upload.enqueue(run.pk)
    run.job_id = str(result.id)
    run.save(update_fields=["job_id"])
    return run


@job(retries=2, retry_delay=60, label=gettext_lazy("Import d’un fichier envoyé"))
def import_upload(run_id: int) -> dict:
    """Import the file sent with a queued run. Only a run still « En attente » is taken, by one conditional UPDATE:
    two workers, a job queued twice or a late retry never import it twice (and the import is one transaction)."""
    running = current_job()
    claimed = ImportRun.objects.filter(pk=run_id, status=ImportRun.Status.QUEUED).update(
        status=ImportRun.Status.RUNNING, started_at=timezone.now(), job_id=running.id if running else "", error="",
        rows=0, created=0, updated=0, unchanged=0, merged=0, absent=0, rejected=0, warnings=0,
    )  # fmt: skip
    if not claimed:
        return {"import": run_id, "pris": False}
    run = ImportRun.objects.select_related("started_by").get(pk=run_id)
    run.issues.all().delete()  # what a failed attempt reported
    upload = jobfiles.read(run.upload_id)
    if upload is None:
        run.status, run.finished_at = ImportRun.Status.FAILED, timezone.now()
        run.error = gettext(
            "Le fichier envoyé n’est plus disponible (il est effacé %(days)s jours après son envoi) : "
            "rien n’a été modifié, envoyez-le de nouveau."
        ) % {"days": settings.ANCRAGE_UPLOAD_RETENTION_DAYS}
        run.save()
        raise Failed(run.error)
    try:
        runs.run_import(
            upload.name, run.source_format, feed=run.feed, user=run.started_by, dry_run=run.dry_run,
            content=bytes(upload.content), mapping=run.options.get("mapping"), profile=run.options.get("profile", ""),
            file_name=run.file_name, run=run,
        )  # fmt: skip
    except Exception as exc:
        if running and running.will_retry:
            ImportRun.objects.filter(pk=run_id).update(
                status=ImportRun.Status.QUEUED, finished_at=None,
                error=gettext("L’essai n° %(attempt)s a échoué (%(kind)s : %(error)s) : rien n’a été "
                              "modifié, l’import est relancé automatiquement dans quelques minutes.")
                % {"attempt": running.attempt, "kind": exc.__class__.__name__, "error": exc},
            )  # fmt: skip
            run.issues.all().delete()
        else:
            ImportRun.objects.filter(pk=run_id).update(
                error=gettext(
                    "Erreur inattendue pendant l’import (%(kind)s : %(error)s) : rien n’a été modifié. Réessayez "
                    "plus tard ; si l’erreur revient, transmettez ce rapport à l’équipe technique.\n\n"
                    "Détail technique :\n%(detail)s"
                )
                % {"kind": exc.__class__.__name__, "error": exc, "detail": run.error}
            )
            jobfiles.discard(run.upload_id)
        raise
    jobfiles.discard(run.upload_id)
    if run.status == ImportRun.Status.FAILED:  # the file was refused (its columns, every row…): shown as such
        raise Failed(run.error)
    return {"import": run_id, "pris": True, "etat": run.status}
