"""Referrals of a person to a service: consent, signed links for the structure, statuses, timers, retention."""

from django.apps import AppConfig


class ReferralsConfig(AppConfig):
    name = "referrals"
    verbose_name = "Adressages"

    def ready(self):
        from directory import sections
        from referrals import retention
        from referrals.sections import context

        retention.register()
        sections.register("referrals", "referrals/_place_section.html", context, order=20)
