"""/observatoire/ and /enquete/: the survey, weighting, indicators; reads the others, writes only itself."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ObservatoryConfig(AppConfig):
    name = "observatory"
    verbose_name = _("Observatoire")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from accounts import tools
        from accounts.permissions import SURVEY_ENTRY, can
        from observatory import signals
        from observatory.domain import analysis

        signals.register_builtin()
        entry = lambda user: can(user, SURVEY_ENTRY)  # noqa: E731
        tools.register(_("Saisir des questionnaires papier"), "observatory:entry", visible=entry,
                       key="observatory:entry",
                       help=_("l’enquête sur les usages du numérique, remplie sur papier"))  # fmt: skip
        tools.register(
            _("Importer des réponses à l’enquête"), "observatory:import", visible=entry, key="observatory:import"
        )
        # Every write to a response makes the shared reading of the survey obsolete (observatory/domain/analysis.py).
        for signal in (post_save, post_delete):
            signal.connect(analysis.forget, sender="observatory.Response", dispatch_uid=f"observatory-{signal}")
