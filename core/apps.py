from django.apps import AppConfig
from django_tasks_db.apps import TasksAppConfig


class CoreConfig(AppConfig):
    name = "core"
    default = True  # this module also names django-tasks-db in French (TasksConfig)
    verbose_name = "Plateforme"

    def ready(self):
        from core import checks, retention  # noqa: F401  (checks: registers the deployment checks)
        from core.models import JobFile

        retention.register(
            retention.Rule(
                name="Fichier envoyé pour un import (il peut nommer des personnes)",
                rows=JobFile.objects.all,
                age_field="created_at",
                days_setting="ANCRAGE_UPLOAD_RETENTION_DAYS",
                delete=True,
            )
        )


class TasksConfig(TasksAppConfig):
    """django-tasks-db, named in French in the back-office."""

    verbose_name = "Tâches de fond"
