from django.apps import AppConfig


class ProposalsConfig(AppConfig):
    name = "proposals"
    verbose_name = "Propositions sans compte"

    def ready(self):
        from proposals import moderation, retention

        moderation.register()
        retention.register()
