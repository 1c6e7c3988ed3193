"""The network: the aidants' directory for professionals and shared practice sheets."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = _("Réseau")

    def ready(self):
        from accounts import tools
        from accounts.permissions import may_use_network
        from agenda.domain.activity import yearly_counts
        from network import activity, moderation, retention

        moderation.register()
        retention.register()
        activity.register("agenda", yearly_counts)
        tools.register(_("Réseau des aidants"), "network:home", visible=may_use_network, key="Réseau des aidants",
                       help=_("trouver un ou une collègue par commune, besoin, label ou langue"))  # fmt: skip
