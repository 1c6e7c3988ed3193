from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from directory.models import ErrorReport
from tests.factories import ErrorReportFactory

pytestmark = pytest.mark.django_db


def test_reports_handled_long_ago_are_deleted_and_old_emails_erased(settings):
    settings.ANCRAGE_REPORT_RETENTION_DAYS = 30
    settings.ANCRAGE_REPORT_EMAIL_DAYS = 20
    long_ago = timezone.now() - timedelta(days=40)
    old = ErrorReportFactory(status=ErrorReport.Status.DONE, traite_le=long_ago, email="a@exemple.fr")
    recent = ErrorReportFactory(status=ErrorReport.Status.DONE, traite_le=timezone.now(), email="b@exemple.fr")
    waiting = ErrorReportFactory(status=ErrorReport.Status.NEW, email="c@exemple.fr")
    ErrorReport.objects.filter(pk=waiting.pk).update(cree_le=long_ago)
    out = StringIO()
    call_command("purge_personal_data", stdout=out)
    assert "Signalement d’erreur traité : 1 effacé(s)" in out.getvalue()
    assert set(ErrorReport.objects.values_list("pk", flat=True)) == {recent.pk, waiting.pk}
    assert not ErrorReport.objects.filter(pk=old.pk).exists()
    assert ErrorReport.objects.get(pk=waiting.pk).email == ""  # still to handle, but its e-mail is past 20 days
    assert ErrorReport.objects.get(pk=recent.pk).email == "b@exemple.fr"
