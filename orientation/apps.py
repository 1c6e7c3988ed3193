"""/orienter/: the situation sheet, exclusion-risk rules, matching, uncovered needs, the printable fiche."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrientationConfig(AppConfig):
    name = "orientation"
    verbose_name = _("Orientation")

    def ready(self):
        from orientation import algorithms, retention
        from orientation.domain import rules

        rules.load()  # a broken rules file stops the site here, with the loader's message
        retention.register()
        algorithms.register()
        _tools()


def _tools():
    from accounts import tools
    from accounts.permissions import ORIENT, can

    tools.register(_("Orienter une personne"), "orientation:list", visible=lambda user: can(user, ORIENT),
                   help=_("décrire une situation, voir les risques et les services qui répondent"),
                   key="Orienter une personne")  # fmt: skip
