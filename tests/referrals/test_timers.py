"""The periodic job, run through the worker with a frozen clock: one reminder after 10 days, expiry after 30."""

from django.conf import settings
from django.utils.module_loading import import_string

from referrals.domain import links, timers
from referrals.models import Referral, Status
from referrals.tasks import referral_timers
from tests.factories_referrals import send
from tests.referrals.conftest import deliver, frozen


def run_job():
    referral_timers.enqueue()
    return deliver()


def test_the_job_is_declared_periodic():
    path = "referrals.tasks.referral_timers"
    assert path in settings.ANCRAGE_PERIODIC_JOBS
    assert import_string(path) is referral_timers
    assert settings.ANCRAGE_REFERRAL_REMIND_DAYS == 10 and settings.ANCRAGE_REFERRAL_EXPIRE_DAYS == 30


def test_one_reminder_after_ten_days_then_expiry_after_thirty(db):
    with frozen(2026, 5, 4, 10, 0):
        referral = send()
        assert len(run_job()) == 1  # the referral itself
    with frozen(2026, 5, 14, 9, 59):
        assert len(run_job()) == 1  # not yet ten days
    with frozen(2026, 5, 14, 10, 0):
        messages = run_job()
        assert len(messages) == 2 and messages[-1].subject.startswith("Rappel : ")
        assert links.path(referral).split("/")[3] == str(referral.pk)
    with frozen(2026, 5, 15, 10, 0):
        assert len(run_job()) == 2  # reminded once only
    with frozen(2026, 6, 3, 9, 59):
        assert len(run_job()) == 2 and Referral.objects.get().status == Status.SENT
    with frozen(2026, 6, 3, 10, 0):
        messages = run_job()
    referral.refresh_from_db()
    assert referral.status == Status.EXPIRED
    assert messages[-1].to == ["camille.pro@exemple.fr"] and "expiré" in messages[-1].subject
    assert [e.kind for e in referral.events.all()] == ["envoi", "relance", "expiration"]
    with frozen(2026, 6, 4, 10, 0):
        assert len(run_job()) == 3


def test_an_answered_referral_is_neither_reminded_nor_expired(db):
    from referrals.domain import workflow

    with frozen(2026, 5, 4, 10, 0):
        referral = send()
        workflow.accept(referral)
        deliver()
    with frozen(2026, 7, 2, 10, 0):
        before = len(deliver())
        assert len(run_job()) == before
    assert Referral.objects.get().status == Status.ACCEPTED


def test_a_second_worker_finds_nothing_to_claim(db):
    with frozen(2026, 5, 4, 10, 0):
        send()
    with frozen(2026, 5, 14, 10, 0):
        assert timers.remind() == 1
        assert timers.remind() == 0  # claimed by the conditional UPDATE
    with frozen(2026, 6, 4, 10, 0):
        assert timers.expire() == 1 and timers.expire() == 0
