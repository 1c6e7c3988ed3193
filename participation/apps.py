"""Citizens' requests (Open311), debates, follow-up of commitments, councils and votes."""

from django.apps import AppConfig


class ParticipationConfig(AppConfig):
    name = "participation"
    verbose_name = "Participation"

    def ready(self):
        from participation import retention

        retention.register()
