from datetime import timedelta

import pytest
from django.core import mail as django_mail
from django.utils import timezone

from accounts.domain import inactivity
from accounts.models import User
from accounts.tasks import deactivate_unused_accounts
from core import worker

pytestmark = pytest.mark.django_db


def person(email, days_unused, **extra):
    seen = timezone.now() - timedelta(days=days_unused)
    return User.objects.create_user(email, "x", last_login=seen, date_joined=seen, **extra)


def test_unused_accounts_are_warned_then_deactivated_unless_they_log_in(settings):
    settings.ANCRAGE_INACTIVE_WARN_DAYS, settings.ANCRAGE_INACTIVE_DEACTIVATE_DAYS = 365, 30
    active = person("active@exemple.fr", 10)
    sleeper = person("sleeper@exemple.fr", 400)
    back = person("back@exemple.fr", 400)
    assert inactivity.warn_unused() == 2
    assert inactivity.warn_unused() == 0  # warned once
    worker.run_pending()
    assert sorted(m.to[0] for m in django_mail.outbox) == ["back@exemple.fr", "sleeper@exemple.fr"]
    assert "sera désactivé le" in django_mail.outbox[0].body
    assert inactivity.deactivate_warned() == 0  # the delay has not passed
    later = timezone.now() + timedelta(days=31)
    User.objects.filter(pk=back.pk).update(last_login=timezone.now() + timedelta(days=1))  # logs in after
    assert inactivity.deactivate_warned(now=later) == 1
    for user in (active, sleeper, back):
        user.refresh_from_db()
    assert active.is_active and back.is_active and not sleeper.is_active


def test_the_nightly_job_is_scheduled_and_runs(settings):
    assert settings.ANCRAGE_PERIODIC_JOBS["accounts.tasks.deactivate_unused_accounts"] == "daily 05:00"
    person("sleeper@exemple.fr", 1000)
    deactivate_unused_accounts.enqueue()
    worker.run_pending()  # the job as the worker runs it; the warning e-mail is a job of its own
    [warning] = django_mail.outbox
    assert warning.to == ["sleeper@exemple.fr"] and User.objects.get(email="sleeper@exemple.fr").is_active
