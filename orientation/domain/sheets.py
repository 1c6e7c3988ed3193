"""Writing a situation sheet: the one place a sheet is saved, completed or deleted (audited, without its values:
the audit keeps who and when, never a person's circumstances)."""

from django.db import transaction

from core import audit
from orientation.domain import matching
from orientation.models import Situation


def save(form, author, complete: bool) -> Situation:
    """Save the sheet from a valid `SituationForm`, as a draft or complete; completing it counts the needs no
    service answers (once per sheet, `matching.record_gaps`)."""
    situation = form.instance
    created = situation.pk is None
    if created:
        situation.author = author
    situation.status = Situation.Status.COMPLETE if complete else Situation.Status.DRAFT
    with transaction.atomic():
        situation = form.save()
        audit.record(situation, "créée" if created else ("complétée" if complete else "modifiée"), user=author)
        if complete:
            matching.record_gaps(situation, matching.match(situation))
    return situation


def delete(situation: Situation, user) -> None:
    with transaction.atomic():
        audit.record(situation, "supprimée", user=user)
        situation.delete()
