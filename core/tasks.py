"""The platform's own periodic jobs (scheduled in settings.ANCRAGE_PERIODIC_JOBS)."""

from django.core.management import call_command
from django.utils.translation import gettext_lazy as _

from core import retention, signing, throttle
from core.jobs import job


@job(label=_("Compteurs de limites périmés effacés"))
def purge_throttle() -> int:
    return throttle.purge()


@job(label=_("Tâches terminées de plus de 30 jours effacées"))
def prune_job_results() -> None:
    """Finished jobs hold their arguments (an e-mail address, a file name): keep them 30 days."""
    call_command("prune_db_task_results", min_age_days=30, failed_min_age_days=30, verbosity=0)


@job(label=_("Données personnelles et fichiers envoyés effacés après leur délai"))
def apply_retention() -> dict[str, int]:
    return retention.apply()


@job(label=_("Liens à usage unique expirés oubliés"))
def purge_used_tokens() -> int:
    return signing.forget_expired()


@job(label=_("Sessions expirées effacées"))
def clear_sessions() -> None:
    """Django keeps a row per session, expired or not, until this runs."""
    call_command("clearsessions", verbosity=0)
