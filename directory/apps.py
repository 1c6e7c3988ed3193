from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = "Annuaire"

    def ready(self):
        from core import retention
        from directory import fields
        from directory.models import ErrorReport

        fields.register_lookups()
        retention.register(
            retention.Rule(
                name="Courriel laissé avec un signalement d’erreur",
                rows=ErrorReport.objects.all,
                age_field="cree_le",
                days_setting="ANCRAGE_REPORT_EMAIL_DAYS",
                blank={"email": ""},
            )
        )
