"""/droits/: the rights pre-check (OpenFisca-France in its own process); nothing personal stored by default."""

from django.apps import AppConfig


class RightsConfig(AppConfig):
    name = "rights"
    verbose_name = "Droits"

    def ready(self):
        from accounts import tools
        from accounts.permissions import is_professional
        from core import algorithms
        from rights.algorithm import declare
        from rights.domain import followup, handover

        algorithms.register("droits", declare)
        followup.register_retention()
        handover.register_retention()
        tools.register(
            "Résultats de droits gardés",
            "rights:handovers",
            visible=is_professional,
            help="les pré-vérifications de droits gardées avec l’accord de la personne",
        )
