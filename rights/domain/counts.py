"""The anonymous counts of pre-checks (`CheckCount`), for the observatory's non-recours indicator."""

from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import F

from rights.domain.precheck import PROBABLE, Check
from rights.models import CheckCount


def bump(model, key: dict, **amounts: int) -> None:
    """Add `amounts` to the counters of the row `key`, creating it at those amounts; a row created meanwhile by
    another request is updated instead."""
    increments = {name: F(name) + n for name, n in amounts.items()}
    with transaction.atomic():
        if model.objects.filter(**key).update(**increments):
            return
        try:
            with transaction.atomic():
                model.objects.create(**key, **amounts)
        except IntegrityError:
            model.objects.filter(**key).update(**increments)


def record(check: Check, code_insee: str) -> None:
    """One pre-check more for the commune and the month, and per benefit: likely entitled, and likely entitled but
    not claimed. Only counters change: nothing identifies the person."""
    month = date(check.month.year, check.month.month, 1)
    for o in check.outcomes:
        key = {"month": month, "code_insee": code_insee, "benefit": o.benefit.key}
        bump(CheckCount, key, checks=1, likely=int(o.status == PROBABLE), non_recours=int(o.new_right))
