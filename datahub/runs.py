"""An import run: read a file, parse each row, write what is good, report the rest.

The run is one transaction: a crash leaves the database as it was, and the run is recorded as
failed with its error. Rows are written a batch at a time (see `datahub.writer`). Run by a job (an upload in the
back-office, a feed sync), it reports its progress (`core.jobs.report_progress`): rows read of the total when the
format tells it (CSV, XLSX), and its phase.
"""

import traceback
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from core.jobs import current_job, report_progress
from datahub import normalize
from datahub.importers import dataincl, lieux, tableur
from datahub.importers.columns import checked_rows
from datahub.importers.files import UnreadableFile, count_rows, read_rows
from datahub.merging.detect import detect_duplicates
from datahub.models import ImportRun, RowIssue
from datahub.records import Rejected, fit_to_columns
from datahub.structures import attach_places
from datahub.writer import CREATED, UPDATED, Rejection, Writer

IMPORTERS = {
    lieux.FORMAT: lieux,
    dataincl.STRUCTURES_FORMAT: dataincl.Structures,
    dataincl.SERVICES_FORMAT: dataincl.Services,
    tableur.FORMAT: tableur,
}
FORMAT_LABELS = {
    lieux.FORMAT: gettext_lazy("Lieux de médiation numérique (CSV ou JSON, v1 ou anciennes versions)"),
    dataincl.STRUCTURES_FORMAT: gettext_lazy("data·inclusion — structures (JSON, CSV ou page d’API)"),
    dataincl.SERVICES_FORMAT: gettext_lazy("data·inclusion — services (JSON, CSV ou page d’API)"),
    tableur.FORMAT: gettext_lazy("Tableur du territoire (CSV ou XLSX, avec correspondance des colonnes)"),
}
BATCH_SIZE = 1000
PHASE_ROWS = gettext_lazy("Lecture et écriture des lignes")
PHASE_DUPLICATES = gettext_lazy("Recherche des doublons")
PHASE_REPORT = gettext_lazy("Enregistrement du rapport")


class _DryRun(Exception):
    pass


class _TooManyAbsent(Exception):
    pass


def close_interrupted_runs() -> int:
    """Runs still « En cours » long after they started died with their process: marked failed.

    (A run that fails in Python is marked failed by `run_import` itself; a killed process cannot.)"""
    limit = timezone.now() - timedelta(hours=settings.ANCRAGE_IMPORT_MAX_HOURS)
    return ImportRun.objects.filter(status=ImportRun.Status.RUNNING, started_at__lt=limit).update(
        status=ImportRun.Status.FAILED,
        finished_at=timezone.now(),
        error=gettext(
            "Import interrompu : toujours en cours %(hours)s heures après son début "
            "(processus arrêté ?). Rien n’a été modifié ; relancez l’import."
        )
        % {"hours": settings.ANCRAGE_IMPORT_MAX_HOURS},
    )


def absent_share_error(run: ImportRun, present_before: int, max_percent: int) -> str:
    """The French refusal when a run would flag too large a share of its feed as absent, or ""."""
    if not present_before or run.absent * 100 <= max_percent * present_before:
        return ""
    share = round(run.absent * 100 / present_before)
    return gettext(
        "%(absent)s enregistrements sur %(total)s (%(share)s %%) seraient signalés absents de la source, "
        "plus que le seuil de %(max)s %% : rien n’a été modifié. Vérifiez le fichier reçu (incomplet ?) ; "
        "s’il est juste, confirmez (sync_sources --confirm-absent)."
    ) % {"absent": run.absent, "total": present_before, "share": share, "max": max_percent}


def run_import(
    path: Path | str,
    source_format: str,
    *,
    feed: str = "",
    default_source: str = "",
    user=None,
    dry_run: bool = False,
    content: bytes | None = None,
    progress=None,
    mapping: dict[str, str] | None = None,
    file_name: str = "",
    max_absent_percent: int | None = None,
    profile: str = "",
    run: ImportRun | None = None,
) -> ImportRun:
    """Import a file; `max_absent_percent`: refuse (and roll back) a run that would flag a larger share
    of the feed's records as absent from the source (None: no limit). `run`: a run created beforehand (queued by
    the back-office, claimed by the job that calls this), else a new one."""
    importer = IMPORTERS[source_format]
    close_interrupted_runs()
    path = Path(path)
    if run is None:
        job = current_job()
        run = ImportRun.objects.create(
            source_format=source_format,
            feed=(feed or path.stem)[:200],
            file_name=(file_name or path.name)[:300],
            started_by=user,
            dry_run=dry_run,
            job_id=job.id if job else "",
        )
    if source_format == tableur.FORMAT:
        profile = profile or ("" if mapping else tableur.detect_profile(path, content))  # a synced feed
        parse_row = importer.parser(mapping or {}, profile=profile, file_name=run.file_name)
    else:
        parse_row = importer.parse_row
    source = default_source or run.feed
    issues: list[RowIssue] = []
    normalize.reset_commune_cache()
    try:
        total = count_rows(path, content) if current_job() else None  # for the progress a coordinator reads
        rows_phase = str(PHASE_ROWS)  # translated once, not once per row
        report_progress(0, total, rows_phase)
        with transaction.atomic():
            writer = Writer(run)
            batch: list = []
            for line, row in checked_rows(read_rows(path, content), getattr(importer, "check_columns", None)):
                run.rows += 1
                if progress:
                    progress()
                report_progress(run.rows, total, rows_phase)
                record_id = str(row.get("id", ""))[:200]
                try:
                    if "__invalid__" in row:
                        raise Rejected(gettext("Enregistrement qui n’est pas un objet JSON"))
                    parsed = fit_to_columns(parse_row(row, source))
                except Rejected as exc:
                    issues.append(_issue(run, line, record_id, RowIssue.Level.REJECTED, str(exc)))
                    continue
                if not record_id and parsed.places:  # a spreadsheet's own id column, or its derived id
                    record_id = parsed.places[0].source_id[:200]
                issues.extend(_issue(run, line, record_id, RowIssue.Level.WARNING, w) for w in parsed.warnings)
                batch.append((line, record_id, parsed))
                if len(batch) >= BATCH_SIZE:
                    _write(writer, batch, run, issues)
                    batch = []
            _write(writer, batch, run, issues)
            writer.refresh_places()
            run.absent = writer.mark_absent(timezone.localdate())
            if max_absent_percent is not None and not dry_run:
                run.error = absent_share_error(run, writer.present_before, max_absent_percent)
                if run.error:
                    raise _TooManyAbsent
            report_progress(run.rows, run.rows, str(PHASE_DUPLICATES))
            run.merged = detect_duplicates(writer.created_place_ids, run)
            run.created -= run.merged
            attach_places(run)
            if dry_run:
                raise _DryRun
        run.status = ImportRun.Status.SUCCESS
    except _DryRun:
        run.status = ImportRun.Status.SUCCESS
    except UnreadableFile as exc:
        run.status, run.error = ImportRun.Status.FAILED, str(exc)
    except _TooManyAbsent:
        run.status = ImportRun.Status.FAILED
    except BaseException as exc:  # also an interrupted command (KeyboardInterrupt, SystemExit)
        run.status, run.absent = ImportRun.Status.FAILED, 0
        run.error = f"{exc.__class__.__name__}: {exc}\n{traceback.format_exc(limit=5)}"
        _finish(run, issues)
        raise
    _finish(run, issues)
    return run


def _issue(run, line, record_id, level, reason) -> RowIssue:
    return RowIssue(run=run, line=line, record_id=record_id, level=level, reason=reason)


def _write(writer: Writer, batch: list, run: ImportRun, issues: list) -> None:
    if not batch:
        return
    for (line, record_id, _), outcome in zip(batch, writer.write_batch([parsed for *_, parsed in batch]), strict=False):
        if isinstance(outcome, Rejection):
            issues.append(_issue(run, line, record_id, RowIssue.Level.REJECTED, outcome.reason))
        elif outcome == CREATED:
            run.created += 1
        elif outcome == UPDATED:
            run.updated += 1
        else:
            run.unchanged += 1


def _finish(run: ImportRun, issues: list[RowIssue]) -> None:
    report_progress(run.rows, run.rows, str(PHASE_REPORT))
    run.rejected = sum(1 for issue in issues if issue.level == RowIssue.Level.REJECTED)
    run.warnings = len(issues) - run.rejected
    if run.status == ImportRun.Status.FAILED:
        # Nothing was written; only the count of records that would be absent explains a refusal.
        run.created = run.updated = run.unchanged = run.merged = 0
    run.finished_at = timezone.now()
    run.save()
    RowIssue.objects.bulk_create(issues, batch_size=1000)
