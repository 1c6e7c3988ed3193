"""Democratic life: debates and proposals, follow-up of commitments, councils and votes, citizen juries."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CivicConfig(AppConfig):
    name = "civic"
    verbose_name = _("Vie démocratique")

    def ready(self):
        from accounts import tools
        from accounts.permissions import is_clerk
        from civic import algorithm, moderation, retention
        from core import algorithms

        moderation.register()
        retention.register()
        algorithms.register("tirage-jury", algorithm.declare)
        tools.register(
            _("Conseils : saisir les séances et les votes"),
            "civic:councils",
            visible=is_clerk,
            key="civic:councils",
            help=_("le greffe : séances, délibérations, présence et votes des élus"),
        )
