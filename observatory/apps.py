"""/observatoire/ and /enquete/: the survey, weighting, indicators; reads the others, writes only itself."""

from django.apps import AppConfig


class ObservatoryConfig(AppConfig):
    name = "observatory"
    verbose_name = "Observatoire"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from observatory import signals
        from observatory.domain import analysis

        signals.register_builtin()
        # Every write to a response makes the shared reading of the survey obsolete (observatory/domain/analysis.py).
        for signal in (post_save, post_delete):
            signal.connect(analysis.forget, sender="observatory.Response", dispatch_uid=f"observatory-{signal}")
