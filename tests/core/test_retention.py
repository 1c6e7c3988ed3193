from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from core import retention
from directory.models import ErrorReport
from tests.factories import PlaceFactory

pytestmark = pytest.mark.django_db


def _report(days_ago, email="habitant@example.fr"):
    report = ErrorReport.objects.create(
        place=PlaceFactory(), kind=ErrorReport.Kind.choices[0][0], message="Fermé", email=email
    )
    ErrorReport.objects.filter(pk=report.pk).update(cree_le=timezone.now() - timedelta(days=days_ago))
    return report


def test_error_report_emails_are_erased_after_their_retention_period(settings):
    settings.ANCRAGE_REPORT_EMAIL_DAYS = 90
    old, recent = _report(91), _report(10)
    assert retention.apply(dry_run=True)["Courriel laissé avec un signalement d’erreur"] == 1
    assert ErrorReport.objects.get(pk=old.pk).email == "habitant@example.fr"  # a dry run changes nothing
    assert retention.apply()["Courriel laissé avec un signalement d’erreur"] == 1
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.email == "" and old.message == "Fermé"  # the report stays, the person goes
    assert recent.email == "habitant@example.fr"
    assert retention.apply()["Courriel laissé avec un signalement d’erreur"] == 0


def test_the_command_says_what_it_erased(capsys):
    _report(400)
    call_command("purge_personal_data")
    assert "Courriel laissé avec un signalement d’erreur : 1 effacé(s)" in capsys.readouterr().out


@pytest.mark.django_db
def test_login_logs_are_deleted_after_their_delay(settings, time_machine):
    from axes.models import AccessFailureLog, AccessLog

    settings.ANCRAGE_LOGIN_LOG_DAYS = 90
    time_machine.move_to("2026-09-01 10:00Z")
    AccessLog.objects.create(ip_address="192.0.2.1", username="a@exemple.fr", user_agent="x")
    AccessFailureLog.objects.create(ip_address="192.0.2.1", username="a@exemple.fr", user_agent="x")
    time_machine.move_to("2026-11-20 10:00Z")
    AccessLog.objects.create(ip_address="192.0.2.2", username="b@exemple.fr", user_agent="x")
    time_machine.move_to("2026-12-04 10:00Z")
    retention.apply()
    assert list(AccessLog.objects.values_list("username", flat=True)) == ["b@exemple.fr"]
    assert not AccessFailureLog.objects.exists()
