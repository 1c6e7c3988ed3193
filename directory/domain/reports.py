"""A moderator's decision on a visitor's error report: handled or not followed up, and the visitor is told."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext

from directory.domain import writes
from directory.models import ErrorReport
from moderation import notify

DECISIONS = (ErrorReport.Status.DONE, ErrorReport.Status.REJECTED)


def decide(report: ErrorReport, status: str, *, user, reply: str = "", notes: str = "") -> ErrorReport:
    """Close the report (« traité » or « sans suite »), keep the team's notes, write the audit entry (through
    `set_report_status`) and answer the visitor when they left an address (they asked for an answer)."""
    reply = reply.strip()
    if report.status != ErrorReport.Status.NEW:
        raise ValidationError(gettext("Ce signalement a déjà été traité : la décision est enregistrée."))
    if status not in DECISIONS:
        raise ValidationError(gettext("Choisissez « Traité » ou « Sans suite »."))
    if status == ErrorReport.Status.REJECTED and report.email and not reply:
        raise ValidationError(gettext("Dites à la personne pourquoi son signalement reste sans suite."))
    previous = report.status
    report.notes = "\n".join(filter(None, [report.notes, notes.strip()]))
    writes.set_report_status(report, status, previous=previous, user=user)
    if report.email:
        notify.decision(
            report.email,
            subject=gettext("votre signalement sur « %(name)s »") % {"name": report.place.nom},
            accepted=status == ErrorReport.Status.DONE,
            reason=reply,
            url=report.place.get_absolute_url(),
        )
    return report
