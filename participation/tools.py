"""Participation's links in « Mes outils » on the account page (`accounts.tools`), registered from `ready()`."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts import tools
from participation.domain.queries import handles_any


def _commissions(user):
    return user.commissions.order_by("name")


def _commission_label(user) -> str:
    return _("Mes commissions") if _commissions(user).count() > 1 else _("Ma commission")


def _commission_url(user) -> str:
    mine = list(_commissions(user)[:2])
    if len(mine) == 1:
        return reverse("participation:commission", args=[mine[0].slug])
    return reverse("participation:commissions")


def register() -> None:
    tools.register(
        _("Demandes à traiter"),
        "participation:queue",
        key="participation:queue",
        visible=handles_any,
        help=_("la file des demandes des habitants de votre service"),
    )
    tools.register(
        _commission_label,
        _commission_url,
        key="participation:commission",
        visible=lambda user: _commissions(user).exists(),
        help=_("classer les demandes de vos communes, publier les comptes rendus"),
    )
