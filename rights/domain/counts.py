"""The anonymous counts of pre-checks (`CheckCount`), for the observatory's non-recours indicator."""

from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import F

from rights.domain.precheck import PROBABLE, Check
from rights.models import CheckCount


def record(check: Check, code_insee: str) -> None:
    """One pre-check more for the commune and the month, and per benefit: likely entitled, and likely entitled but
    not claimed. Only counters change: nothing identifies the person."""
    month = date(check.month.year, check.month.month, 1)
    for outcome in check.outcomes:
        key = {"month": month, "code_insee": code_insee, "benefit": outcome.benefit.key}
        increments = {
            "checks": F("checks") + 1,
            "likely": F("likely") + int(outcome.status == PROBABLE),
            "non_recours": F("non_recours") + int(outcome.new_right),
        }
        with transaction.atomic():
            if not CheckCount.objects.filter(**key).update(**increments):
                try:
                    with transaction.atomic():
                        CheckCount.objects.create(
                            **key, checks=1, likely=int(outcome.status == PROBABLE), non_recours=int(outcome.new_right)
                        )
                except IntegrityError:  # created meanwhile by another request
                    CheckCount.objects.filter(**key).update(**increments)
