"""Publishing and changing events: a new organiser's first event is moderated; a change of time, place or status
tells the registrants what changed; the horizon slides."""

import datetime

import pytest
import time_machine
from django.core import mail

from accounts.models import User
from agenda.domain import events, registrations, schedule
from agenda.models import Event
from agenda.tasks import extend_occurrences
from core import worker
from tests.factories import PlaceFactory
from tests.factories_agenda import EventFactory, StructureFactory

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2027, 2, 1, 9, tzinfo=datetime.UTC)


def _values(structure, place, **extra):
    return {"structure": structure, "kind": "atelier", "title": "Atelier smartphone", "theme": "outils",
            "mode": "lieu", "place": place, "capacity": 8, "start_date": datetime.date(2027, 3, 2),
            "start_time": datetime.time(14), "end_time": datetime.time(16), "repeat": "hebdo", "weekdays": [1],
            "count": 4, **extra}  # fmt: skip


@time_machine.travel(NOW)
def test_a_new_organisers_first_event_waits_for_a_moderator_then_the_next_ones_publish_at_once():
    structure = StructureFactory(validated=False)
    author = User.objects.create_user("orga@exemple.fr", "x")
    moderator = User.objects.create_user("modo@exemple.fr", "x", role=User.Role.MODERATOR)
    first = events.create(author, _values(structure, PlaceFactory()))
    assert first.status == Event.Status.PENDING and not first.occurrences.exists()
    events.decide(moderator, first, accepted=True)
    assert first.occurrences.count() == 4
    worker.run_pending()
    assert "accepté" in mail.outbox[-1].body
    second = events.create(author, _values(structure, PlaceFactory(), title="Atelier 2"))
    assert second.status == Event.Status.PUBLISHED


@time_machine.travel(NOW)
def test_a_change_of_time_and_place_tells_registrants_what_changed():
    event = EventFactory()
    occurrence = schedule.materialise(event).created[0]
    registrations.register(occurrence.pk, name="Lou", email="lou@exemple.fr")
    worker.run_pending()
    mail.outbox.clear()
    other = PlaceFactory(nom="Maison de quartier", commune="Massy")
    events.change(None, event, {"start_time": datetime.time(10), "end_time": datetime.time(12), "place": other})
    worker.run_pending()
    bodies = "\n".join(m.body for m in mail.outbox)
    assert "L’horaire change" in bodies and "10\u00a0h" in bodies and "10:00" not in bodies
    assert "Le lieu change" in bodies and "Maison de quartier" in bodies
    occurrence.refresh_from_db()
    assert occurrence.registrations.count() == 1  # the registration followed the date


@time_machine.travel(NOW)
def test_cancelling_one_date_or_the_event_tells_registrants():
    event = EventFactory(repeat="hebdo", weekdays=[1], count=3)
    dates = schedule.materialise(event).created
    registrations.register(dates[0].pk, name="Lou", email="lou@exemple.fr")
    registrations.register(dates[1].pk, name="Max", email="max@exemple.fr")
    worker.run_pending()
    mail.outbox.clear()
    events.cancel_occurrence(None, dates[0])
    event.refresh_from_db()
    assert event.skipped_dates == ["2027-03-02"] and event.sequence == 1
    events.cancel_event(None, event)
    worker.run_pending()
    assert [m.to[0] for m in mail.outbox] == ["lou@exemple.fr", "max@exemple.fr"]
    assert "annulé" in mail.outbox[1].body


@time_machine.travel(NOW)
def test_raising_the_capacity_promotes_the_waiting_list():
    event = EventFactory(capacity=1)
    occurrence = schedule.materialise(event).created[0]
    registrations.register(occurrence.pk, name="A", phone="0600000000")
    waiting = registrations.register(occurrence.pk, name="B", phone="0600000001")
    events.change(None, event, {"capacity": 2})
    waiting.refresh_from_db()
    assert waiting.status == "inscrit"


def test_the_horizon_slides_with_the_daily_job(settings):
    settings.ANCRAGE_AGENDA_HORIZON_DAYS = 30
    with time_machine.travel(NOW):
        event = EventFactory(start_date=datetime.date(2027, 2, 2), repeat="hebdo", weekdays=[1], count=20)
        assert len(schedule.materialise(event).created) == 5  # 2, 9, 16, 23 February, 2 March
    with time_machine.travel(NOW + datetime.timedelta(days=14)):
        extend_occurrences.enqueue()
        worker.run_pending()
    assert event.occurrences.count() == 7  # 9 and 16 March
