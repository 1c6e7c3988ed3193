from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from directory.models import ErrorReport
from tests.factories import ErrorReportFactory

pytestmark = pytest.mark.django_db


def test_purge_error_reports_deletes_only_reports_handled_long_ago(settings):
    settings.ANCRAGE_REPORT_RETENTION_DAYS = 30
    long_ago = timezone.now() - timedelta(days=40)
    old = ErrorReportFactory(status=ErrorReport.Status.DONE, traite_le=long_ago, email="a@exemple.fr")
    recent = ErrorReportFactory(status=ErrorReport.Status.DONE, traite_le=timezone.now())
    waiting = ErrorReportFactory(status=ErrorReport.Status.NEW)
    ErrorReport.objects.filter(pk=waiting.pk).update(cree_le=long_ago)
    out = StringIO()
    call_command("purge_error_reports", stdout=out)
    assert "1 signalement(s) supprimé(s)" in out.getvalue()
    assert set(ErrorReport.objects.values_list("pk", flat=True)) == {recent.pk, waiting.pk}
    assert not ErrorReport.objects.filter(pk=old.pk).exists()
