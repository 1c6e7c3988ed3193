"""The coordinators' weekly digest: what the places did not answer, and what nobody can be asked by e-mail."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from core import mail
from directory.models import Place
from freshness.domain.due import DUE, OVERDUE, status_condition
from freshness.models import UpdateRequest

PERMISSION = "freshness.view_updaterequest"


def coordinators():
    """Who gets the digest: the territory's coordinators (their role, `accounts`), active."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    return users.filter(Q(role=get_user_model().Role.COORDINATOR) | Q(is_superuser=True))


def figures(now=None) -> dict:
    now = now or timezone.now()
    open_escalated = UpdateRequest.objects.filter(answered_at__isnull=True, escalated_at__isnull=False)
    due = Place.objects.published().filter(status_condition(DUE) | status_condition(OVERDUE))
    return {
        "no_answer": open_escalated.count(),
        "new_no_answer": open_escalated.filter(escalated_at__gte=now - timedelta(days=7)).count(),
        "due_without_email": due.filter(Q(courriels="") | Q(courriels__isnull=True)).count(),
        "confirmed_this_week": UpdateRequest.objects.filter(
            outcome=UpdateRequest.Outcome.CONFIRMED, answered_at__gte=now - timedelta(days=7)
        ).count(),
    }


def send_digest(now=None) -> int:
    """One message to each coordinator, when there is something to act on. Returns the messages queued."""
    numbers = figures(now)
    if not numbers["no_answer"] and not numbers["due_without_email"]:
        return 0
    site = settings.ANCRAGE_SITE_URL
    context = {
        **numbers,
        "requests_url": site + reverse("admin:freshness_updaterequest_changelist") + "?etat=sans-reponse",
        "dashboard_url": site + reverse("freshness:dashboard"),
    }
    sent = 0
    for address in coordinators().values_list("email", flat=True):
        mail.send("fraicheur_resume", [address], context)
        sent += 1
    return sent
