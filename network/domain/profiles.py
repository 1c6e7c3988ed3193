"""A professional's network profile: created, changed, listed (with consent), withdrawn, deleted. Each change is
one function that checks, saves and audits (field names only: no personal value goes to the audit log)."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.permissions import DELETE, EDIT, can, is_professional
from core import audit
from network.models import Profile

FIELDS = ["job_title", "needs", "languages", "labels", "other_label", "work_email", "work_phone"]


def profile_of(user) -> Profile | None:
    return Profile.objects.filter(user_id=user.pk).first()


@transaction.atomic
def save(user, values: dict, communes, *, listed: bool) -> Profile:
    """The person's own profile with these values; `listed`: they choose to appear (their consent is dated)."""
    if not is_professional(user):
        raise PermissionDenied(_("Le réseau est réservé aux professionnels : précisez votre profession."))
    profile = profile_of(user) or Profile(user=user)
    if profile.pk and not can(user, EDIT, profile):
        raise PermissionDenied
    changed = [name for name in FIELDS if getattr(profile, name) != values[name]]
    before = sorted(profile.communes.values_list("code_insee", flat=True)) if profile.pk else []
    if before != sorted(c.code_insee for c in communes):
        changed.append("communes")
    for name in FIELDS:
        setattr(profile, name, values[name])
    was_listed, now = profile.listed, timezone.now()
    if listed and not was_listed:
        profile.consent_at, profile.withdrawn_at = now, None
    elif was_listed and not listed:
        profile.withdrawn_at = now
    profile.listed = listed
    created = profile.pk is None
    profile.save()
    profile.communes.set(communes)
    if created:
        audit.record(profile, "profil créé", user=user, changes={"listed": [False, listed]})
    elif was_listed != listed:
        audit.record(profile, _verb(listed), user=user, changes={"listed": [was_listed, listed]})
    if changed and not created:
        audit.record(profile, "profil modifié", user=user, note="Champs modifiés : " + ", ".join(changed))
    return profile


def _verb(listed: bool) -> str:
    return "apparaît dans le réseau" if listed else "retiré du réseau"


def withdraw(profile: Profile, *, user) -> None:
    """The person no longer appears (the profile is kept for when they come back, unless they delete it)."""
    if not can(user, EDIT, profile):
        raise PermissionDenied
    if profile.listed:
        Profile.objects.filter(pk=profile.pk).update(listed=False, withdrawn_at=timezone.now())
        audit.record(profile, _verb(False), user=user, changes={"listed": [True, False]})


def delete(profile: Profile, *, user) -> None:
    if not can(user, DELETE, profile):
        raise PermissionDenied
    audit.record(profile, "profil supprimé", user=user)
    profile.delete()
