"""Referrals of a person to a service: consent, signed links for the structure, statuses, timers, retention."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReferralsConfig(AppConfig):
    name = "referrals"
    verbose_name = _("Adressages")

    def ready(self):
        from accounts import tools
        from directory import sections
        from orientation import links
        from referrals import retention
        from referrals.domain.eligibility import may_refer, referral_url
        from referrals.sections import context

        retention.register()
        tools.register(_("Mes adressages"), "referrals:mine", visible=may_refer,
                       help=_("les personnes que vous avez adressées et la réponse des structures"),
                       key="Mes adressages")  # fmt: skip
        links.provide_referral(referral_url)
        sections.register("referrals", "referrals/_place_section.html", context, order=20)
