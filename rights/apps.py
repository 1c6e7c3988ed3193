"""/droits/: the rights pre-check (OpenFisca-France in its own process); nothing personal stored by default."""

from django.apps import AppConfig


class RightsConfig(AppConfig):
    name = "rights"
    verbose_name = "Droits"

    def ready(self):
        from core import algorithms
        from rights.algorithm import declare
        from rights.domain import followup

        algorithms.register("droits", declare)
        followup.register_retention()
