"""An import run: read a file, parse each row, write what is good, report the rest.

The run is one transaction: a crash leaves the database as it was, and the run is recorded as
failed with its error.
"""

import traceback
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from datahub.importers import lieux
from datahub.importers.files import UnreadableFile, read_rows
from datahub.models import ImportRun, RowIssue
from datahub.records import Rejected
from datahub.writer import Writer

IMPORTERS = {lieux.FORMAT: lieux}


class _DryRun(Exception):
    pass


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
) -> ImportRun:
    importer = IMPORTERS[source_format]
    path = Path(path)
    run = ImportRun.objects.create(
        source_format=source_format, feed=feed or path.stem, file_name=path.name, started_by=user, dry_run=dry_run
    )
    issues: list[RowIssue] = []
    try:
        with transaction.atomic():
            writer = Writer(run)
            for line, row in read_rows(path, content):
                run.rows += 1
                if progress:
                    progress()
                record_id = str(row.get("id", ""))[:200]
                try:
                    if "__invalid__" in row:
                        raise Rejected("Enregistrement qui n’est pas un objet JSON")
                    parsed = importer.parse_row(row, default_source or path.stem)
                except Rejected as exc:
                    run.rejected += 1
                    issues.append(RowIssue(run=run, line=line, record_id=record_id, level="rejet", reason=str(exc)))
                    continue
                for warning in parsed.warnings:
                    issues.append(
                        RowIssue(run=run, line=line, record_id=record_id, level="avertissement", reason=warning)
                    )
                run.warnings += len(parsed.warnings)
                outcome = writer.write(parsed)
                if outcome.created:
                    run.created += 1
                elif outcome.changed:
                    run.updated += 1
                else:
                    run.unchanged += 1
            writer.mark_absent(timezone.localdate())
            if dry_run:
                raise _DryRun
        run.status = ImportRun.Status.SUCCESS
    except _DryRun:
        run.status = ImportRun.Status.SUCCESS
    except UnreadableFile as exc:
        run.status, run.error = ImportRun.Status.FAILED, str(exc)
    except Exception as exc:
        run.status = ImportRun.Status.FAILED
        run.error = f"{exc.__class__.__name__}: {exc}\n{traceback.format_exc(limit=5)}"
        _finish(run, issues)
        raise
    _finish(run, issues)
    return run


def _finish(run: ImportRun, issues: list[RowIssue]) -> None:
    if run.status == ImportRun.Status.FAILED:
        run.created = run.updated = run.unchanged = run.merged = 0
    run.finished_at = timezone.now()
    run.save()
    RowIssue.objects.bulk_create(issues, batch_size=1000)
