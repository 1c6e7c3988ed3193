"""The network: the aidants' directory for professionals and shared practice sheets."""

from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = "Réseau"

    def ready(self):
        from network import moderation, retention

        moderation.register()
        retention.register()
