"""A structure's year in the agenda, as the network's yearly summary shows it: dates held, seats registered,
people present — the cancelled date, a date to come and another year's date not counted."""

import datetime

import pytest
from django.utils import timezone

from agenda.models import Event, Occurrence, Registration
from network.domain import activity
from tests.factories_agenda import EventFactory

pytestmark = pytest.mark.django_db


def _date(event, day, **kwargs):
    start = timezone.make_aware(datetime.datetime(*day, 14))
    return Occurrence.objects.create(event=event, starts_at=start, ends_at=start, capacity=10, **kwargs)


def test_the_network_summary_counts_the_agendas_dates_registrations_and_presence(time_machine):
    time_machine.move_to("2026-12-04 12:00Z")
    event = EventFactory(status=Event.Status.PUBLISHED)
    held = _date(event, (2026, 3, 3))
    _date(event, (2026, 3, 10), cancelled=True)
    _date(event, (2026, 12, 15))  # to come
    _date(event, (2025, 3, 4))  # last year
    Registration.objects.create(occurrence=held, name="A", seats=2, status="inscrit", attended=1)
    Registration.objects.create(occurrence=held, name="B", seats=1, status="inscrit")
    Registration.objects.create(occurrence=held, name="C", seats=1, status="attente")
    counts = activity.summary(event.structure, 2026)
    assert (counts["events_held"], counts["registrations"], counts["attendance"]) == (1, 3, 1)
