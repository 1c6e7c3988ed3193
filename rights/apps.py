"""/droits/: the rights pre-check (OpenFisca-France in its own process); nothing personal stored by default."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RightsConfig(AppConfig):
    name = "rights"
    verbose_name = _("Droits")

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
            _("Résultats de droits gardés"),
            "rights:handovers",
            visible=is_professional,
            help=_("les pré-vérifications de droits gardées avec l’accord de la personne"),
            key="rights:handovers",
        )
