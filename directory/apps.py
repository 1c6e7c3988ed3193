from django.apps import AppConfig
from django.utils.translation import gettext_noop


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = "Annuaire"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from core import retention
        from directory import algorithm, fields, moderation
        from directory.models import ErrorReport, Place, Service, TemporaryInfo

        fields.register_lookups()
        moderation.register()
        algorithm.register()  # the search in the public register of algorithms
        # Saves outside `writes.py` (admin actions, merges, tests' factories) also make the remembered facts obsolete.
        watched = (Place, Service, TemporaryInfo)  # a closure changes the pages as much as new hours do
        for signal, model in ((signal, model) for model in watched for signal in (post_save, post_delete)):
            signal.connect(_forget, sender=model, dispatch_uid=f"forget-{model.__name__}-{signal is post_save}")
        retention.register(
            retention.Rule(
                name=gettext_noop("Courriel laissé avec un signalement d’erreur"),
                rows=ErrorReport.objects.all,
                age_field="cree_le",
                days_setting="ANCRAGE_REPORT_EMAIL_DAYS",
                blank={"email": ""},
            )
        )
        retention.register(
            retention.Rule(
                name=gettext_noop("Signalement d’erreur traité"),
                rows=lambda: ErrorReport.objects.exclude(status=ErrorReport.Status.NEW),
                age_field="traite_le",
                days_setting="ANCRAGE_REPORT_RETENTION_DAYS",
                delete=True,
            )
        )


def _forget(**kwargs):
    from directory.domain import shared

    shared.forget()
