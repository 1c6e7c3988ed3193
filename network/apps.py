"""The network: the aidants' directory for professionals and shared practice sheets."""

from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = "Réseau"

    def ready(self):
        from agenda.domain.activity import yearly_counts
        from network import activity, moderation, retention

        moderation.register()
        retention.register()
        activity.register("agenda", yearly_counts)
