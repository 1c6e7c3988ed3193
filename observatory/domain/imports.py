"""Importing responses from a CSV or XLSX file: every row validated by `questionnaire.validate`, a report per row
(each rejected row with its French reasons), all or nothing in one transaction, and a dry run."""

from dataclasses import dataclass, field

from django.db import transaction

from datahub.importers.files import UnreadableFile, read_rows
from observatory.domain import responses
from observatory.models import Response
from observatory.survey import questionnaire


@dataclass
class RowReport:
    line: int
    errors: list[str]


@dataclass
class ImportReport:
    rows: int = 0
    accepted: int = 0
    rejected: list[RowReport] = field(default_factory=list)
    saved: int = 0
    dry_run: bool = True
    error: str = ""
    unknown_columns: list[str] = field(default_factory=list)


def _normalise(row: dict) -> dict:
    return {str(k).strip().lower(): ("" if v is None else v) for k, v in row.items()}


def import_file(name: str, content: bytes, *, dry_run: bool = True, user=None) -> ImportReport:
    report = ImportReport(dry_run=dry_run)
    survey = questionnaire.load()
    labels = {q.key: q.label for q in survey.questions}
    built: list[Response] = []
    try:
        for line, row in read_rows(name, content):
            row = _normalise(row)
            if report.rows == 0:
                report.unknown_columns = sorted(k for k in row if k not in labels)
            report.rows += 1
            answers, errors = questionnaire.validate(row)
            if errors:
                report.rejected.append(RowReport(line, [f"{labels[k]} : {m}" for k, m in errors.items()]))
            else:
                built.append(responses.build(answers, Response.Channel.IMPORT))
    except UnreadableFile as exc:
        report.error = str(exc)
        return report
    report.accepted = len(built)
    if not dry_run and built and not report.rejected:
        with transaction.atomic():
            report.saved = responses.record_many(built, user=user, note=name)
    return report
