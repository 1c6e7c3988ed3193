from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FreshnessConfig(AppConfig):
    name = "freshness"
    verbose_name = _("Fraîcheur des informations")

    def ready(self):
        from django.db.models.signals import post_save

        from directory.domain.writes import edited
        from directory.models import ErrorReport
        from freshness import algorithm
        from freshness.domain.confirm import on_place_edited, on_report_saved

        edited.connect(on_place_edited, dispatch_uid="freshness-place-edited")
        post_save.connect(on_report_saved, sender=ErrorReport, dispatch_uid="freshness-report-saved")
        algorithm.register()  # the cadence and reminders in the public register of algorithms
