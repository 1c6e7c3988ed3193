"""/orienter/: the situation sheet, exclusion-risk rules, matching, uncovered needs, the printable fiche."""

from django.apps import AppConfig


class OrientationConfig(AppConfig):
    name = "orientation"
    verbose_name = "Orientation"

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

    tools.register("Orienter une personne", "orientation:list", visible=lambda user: can(user, ORIENT),
                   help="décrire une situation, voir les risques et les services qui répondent")  # fmt: skip
