"""What a situation sheet keeps, and for how long (`core.retention`): the whole sheet goes N days after its
last change. The uncovered needs it counted stay: they name no one."""

from django.utils.translation import gettext_noop

from core import retention
from orientation.models import Situation


def register() -> None:
    retention.register(retention.Rule(
        name=gettext_noop("Fiches situations (orientation)"),
        rows=Situation.objects.all,
        age_field="updated", days_setting="ANCRAGE_SITUATION_RETENTION_DAYS", delete=True,
    ))  # fmt: skip
