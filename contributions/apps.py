from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContributionsConfig(AppConfig):
    name = "contributions"
    verbose_name = _("Contributions des structures")

    def ready(self):
        from contributions import moderation, panels
        from moderation import registry

        registry.register(moderation.KEY, moderation.LABEL, moderation.pending)
        panels.register("en-attente", _("Changements en attente de relecture"), panels.waiting_edits)
        panels.register("fraicheur", _("Informations à confirmer"), panels.due_for_confirmation)
