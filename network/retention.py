"""What the network keeps about a person whose account is deactivated (`core.retention`): their profile is
withdrawn from the directory and its professional contact erased, ANCRAGE_NETWORK_INACTIVE_PROFILE_DAYS after
its last change (0: the next night). The directory already hides it at once (`Profile.objects.listed`)."""

from django.utils.translation import gettext_noop

from core import retention
from network.models import Profile


def register() -> None:
    retention.register(retention.Rule(
        name=gettext_noop("Profils du réseau des comptes désactivés (retirés, contact effacé)"),
        rows=lambda: Profile.objects.filter(user__is_active=False),
        age_field="updated_at", days_setting="ANCRAGE_NETWORK_INACTIVE_PROFILE_DAYS",
        blank={"listed": False, "work_email": "", "work_phone": ""},
    ))  # fmt: skip
