"""A situation sheet is deleted ANCRAGE_SITUATION_RETENTION_DAYS after its last change; its counted needs stay."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from core import retention
from orientation.models import Situation, UncoveredNeed
from tests.factories_orientation import SituationFactory

pytestmark = pytest.mark.django_db


def test_a_sheet_untouched_for_the_retention_period_is_deleted(settings):
    settings.ANCRAGE_SITUATION_RETENTION_DAYS = 90
    start = timezone.now()
    with time_machine.travel(start - datetime.timedelta(days=91)):
        old = SituationFactory()
    with time_machine.travel(start - datetime.timedelta(days=89)):
        recent = SituationFactory()
    UncoveredNeed.objects.create(need="Surdité", code_insee="91692", reason="HANDICAP-AUDITION",
                                 month=datetime.date(2026, 9, 1), count=1)  # fmt: skip
    counts = retention.apply(now=start)
    assert counts["Fiches situations (orientation)"] == 1
    assert list(Situation.objects.all()) == [recent] and not Situation.objects.filter(pk=old.pk).exists()
    assert UncoveredNeed.objects.count() == 1


def test_a_change_restarts_the_period(settings):
    start = timezone.now()
    with time_machine.travel(start - datetime.timedelta(days=200)):
        sheet = SituationFactory()
    with time_machine.travel(start - datetime.timedelta(days=10)):
        sheet.language = "arabe"
        sheet.save()
    retention.apply(now=start)
    assert Situation.objects.filter(pk=sheet.pk).exists()
