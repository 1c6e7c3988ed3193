from core.jobs import job
from rights.domain import followup


@job(label="Envoi des suivis de droits")
def send_followups() -> int:
    return followup.send_due()
