"""/observatoire/ and /enquete/: the survey, weighting, indicators; reads the others, writes only itself."""

from django.apps import AppConfig


class ObservatoryConfig(AppConfig):
    name = "observatory"
    verbose_name = "Observatoire"

    def ready(self):
        from observatory import signals

        signals.register_builtin()
