"""Unused accounts: warned by e-mail after ANCRAGE_INACTIVE_WARN_DAYS without login, deactivated
ANCRAGE_INACTIVE_DEACTIVATE_DAYS after the warning if still unused (not deleted: a coordinator can reactivate).
A login after the warning clears it. Run every night by `accounts.tasks.deactivate_unused_accounts`."""

from datetime import timedelta

from django.conf import settings
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from core import mail
from core.audit import record


def _last_seen():
    return Coalesce("last_login", "date_joined")


def warn_unused(now=None) -> int:
    now = now or timezone.now()
    limit = now - timedelta(days=settings.ANCRAGE_INACTIVE_WARN_DAYS)
    people = (
        User.objects.filter(is_active=True)
        .alias(seen=_last_seen())
        .filter(seen__lt=limit)
        .filter(Q(inactivity_warned_at__isnull=True) | Q(inactivity_warned_at__lt=limit))
    )
    count = 0
    for person in people:
        User.objects.filter(pk=person.pk).update(inactivity_warned_at=now)
        record(person, "prévenu de l’inactivité", actor="tâche de nuit")
        mail.send(
            "accounts/inactivity_warning",
            [person.email],
            {
                "days": settings.ANCRAGE_INACTIVE_DEACTIVATE_DAYS,
                "deadline": now + timedelta(days=settings.ANCRAGE_INACTIVE_DEACTIVATE_DAYS),
                "login_url": settings.ANCRAGE_SITE_URL + reverse("account_login"),
            },
        )
        count += 1
    return count


def deactivate_warned(now=None) -> int:
    now = now or timezone.now()
    deadline = now - timedelta(days=settings.ANCRAGE_INACTIVE_DEACTIVATE_DAYS)
    people = (
        User.objects.filter(is_active=True, inactivity_warned_at__lte=deadline)
        .alias(seen=_last_seen())
        .filter(seen__lt=F("inactivity_warned_at"))  # no login since the warning
    )
    count = 0
    for person in people:
        User.objects.filter(pk=person.pk).update(is_active=False)
        record(person, "désactivé (inactif)", actor="tâche de nuit", changes={"is_active": [True, False]})
        count += 1
    return count
