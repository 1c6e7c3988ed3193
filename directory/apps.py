from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = "Annuaire"

    def ready(self):
        from core import retention
        from directory import fields, moderation
        from directory.models import ErrorReport

        fields.register_lookups()
        moderation.register()
        retention.register(
            retention.Rule(
                name="Courriel laissé avec un signalement d’erreur",
                rows=ErrorReport.objects.all,
                age_field="cree_le",
                days_setting="ANCRAGE_REPORT_EMAIL_DAYS",
                blank={"email": ""},
            )
        )
        retention.register(
            retention.Rule(
                name="Signalement d’erreur traité",
                rows=lambda: ErrorReport.objects.exclude(status=ErrorReport.Status.NEW),
                age_field="traite_le",
                days_setting="ANCRAGE_REPORT_RETENTION_DAYS",
                delete=True,
            )
        )
