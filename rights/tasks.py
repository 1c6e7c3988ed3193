from django.utils.translation import gettext_lazy as _

from core.jobs import job
from rights.domain import followup


@job(label=_("Envoi des suivis de droits"))
def send_followups() -> int:
    return followup.send_due()
