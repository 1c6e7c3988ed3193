"""What civic keeps about people, and for how long (`core.retention`)."""

from django.utils.translation import gettext_noop

from core import retention


def register() -> None:
    from civic.models import Follower, Volunteer

    retention.register(retention.Rule(
        name=gettext_noop("Abonnements aux engagements jamais confirmés"),
        rows=lambda: Follower.objects.filter(confirmed_at__isnull=True),
        age_field="created", days_setting="ANCRAGE_CIVIC_LINK_DAYS", delete=True,
    ))  # fmt: skip
    retention.register(retention.Rule(
        name=gettext_noop("Candidatures aux jurys citoyens jamais confirmées"),
        rows=lambda: Volunteer.objects.filter(confirmed_at__isnull=True, jury__drawn_at__isnull=True),
        age_field="created", days_setting="ANCRAGE_CIVIC_LINK_DAYS", delete=True,
    ))  # fmt: skip
    retention.register(retention.Rule(
        name=gettext_noop("Nom et coordonnées des volontaires d’un jury citoyen terminé"),
        rows=lambda: Volunteer.objects.filter(jury__ended_at__isnull=False),
        age_field="jury__ended_at", days_setting="ANCRAGE_CIVIC_JURY_RETENTION_DAYS",
        blank={"first_name": "", "last_name": "", "email": "", "phone": ""},
    ))  # fmt: skip
