from django.apps import AppConfig


class ContributionsConfig(AppConfig):
    name = "contributions"
    verbose_name = "Contributions des structures"

    def ready(self):
        from contributions import moderation
        from moderation import registry

        registry.register(moderation.KEY, moderation.LABEL, moderation.pending)
