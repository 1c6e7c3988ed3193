from django.apps import AppConfig


class ContributionsConfig(AppConfig):
    name = "contributions"
    verbose_name = "Contributions des structures"

    def ready(self):
        from contributions import moderation, panels
        from moderation import registry

        registry.register(moderation.KEY, moderation.LABEL, moderation.pending)
        panels.register("en-attente", "Changements en attente de relecture", panels.waiting_edits)
        panels.register("fraicheur", "Informations à confirmer", panels.due_for_confirmation)
