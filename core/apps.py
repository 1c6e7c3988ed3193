from allauth.mfa.apps import MFAConfig as AllauthMFAConfig
from axes.apps import AppConfig as AxesAppConfig
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from django_tasks_db.apps import TasksAppConfig


class CoreConfig(AppConfig):
    name = "core"
    default = True  # this module also names django-tasks-db in French (TasksConfig)
    verbose_name = _("Plateforme")

    def ready(self):
        from core import checks, retention  # noqa: F401  (checks: registers the deployment checks)
        from core.models import JobFile

        retention.register(
            retention.Rule(
                name=gettext_noop("Fichier envoyé pour un import (il peut nommer des personnes)"),
                rows=JobFile.objects.all,
                age_field="created_at",
                days_setting="ANCRAGE_UPLOAD_RETENTION_DAYS",
                delete=True,
            )
        )
        _forget_login_logs()


def _forget_login_logs():
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    from core import retention

    for model, name in [
        (AccessLog, gettext_noop("Connexions à l’administration (adresse IP, navigateur, compte)")),
        (AccessFailureLog, gettext_noop("Échecs de connexion (adresse IP, navigateur, compte saisi)")),
        (AccessAttempt, gettext_noop("Tentatives de connexion en cours de comptage (adresse IP, compte saisi)")),
    ]:
        retention.register(
            retention.Rule(name, model.objects.all, "attempt_time", "ANCRAGE_LOGIN_LOG_DAYS", delete=True)
        )


class TasksConfig(TasksAppConfig):
    """django-tasks-db, named in French in the back-office."""

    verbose_name = _("Tâches de fond")

    def ready(self):
        super().ready()
        model = self.get_model("DBTaskResult")
        model._meta.verbose_name, model._meta.verbose_name_plural = _("tâche de fond"), _("tâches de fond")
        model.__str__ = _job_title  # « Import d’un fichier envoyé (03/12/2026 23:31) », not « DBTaskResult object »


def _job_title(result) -> str:
    from django.utils import timezone

    from core.jobs import JOBS

    info = JOBS.get(result.task_path)
    return f"{info.label if info else result.task_path} ({timezone.localtime(result.enqueued_at):%d/%m/%Y %H:%M})"


class AxesConfig(AxesAppConfig):
    """django-axes (admin login lockout), named in French in the back-office."""

    verbose_name = _("Sécurité des connexions")

    def ready(self):
        super().ready()
        model = self.get_model("AccessAttemptExpiration")
        model._meta.verbose_name, model._meta.verbose_name_plural = _("fin de blocage"), _("fins de blocage")


class MFAConfig(AllauthMFAConfig):
    """django-allauth's second factor, named in French in the back-office."""

    verbose_name = _("Double authentification")

    def ready(self):
        super().ready()
        model = self.get_model("Authenticator")
        model._meta.verbose_name, model._meta.verbose_name_plural = _("second facteur"), _("seconds facteurs")
