"""Registering without an account: capacity held by the database under concurrency, the waiting list in
arrival order, promotion on cancellation (both told), reminders, attendance and retention."""

import datetime
import threading

import pytest
import time_machine
from django.core import mail
from django.db import connections
from django.utils import timezone

from agenda.domain import registrations, schedule
from agenda.models import Registration
from core import retention, worker
from tests.factories_agenda import EventFactory

NOW = datetime.datetime(2027, 2, 1, 9, tzinfo=datetime.UTC)


def _occurrence(**event):
    occurrence = schedule.materialise(EventFactory(**event), now=NOW).created[0]
    return occurrence


@pytest.mark.django_db(transaction=True)
def test_fifty_concurrent_registrations_for_ten_seats_give_ten_registered_and_forty_waiting_in_order():
    with time_machine.travel(NOW, tick=True):
        occurrence = _occurrence(capacity=10)
        barrier = threading.Barrier(50)
        errors = []

        def one(n):
            try:
                barrier.wait()
                registrations.register(occurrence.pk, name=f"Personne {n}", phone="0612345678")
            except Exception as exc:  # noqa: BLE001 - reported by the test
                errors.append(exc)
            finally:
                connections.close_all()

        threads = [threading.Thread(target=one, args=(n,)) for n in range(50)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert errors == []
    rows = list(Registration.objects.filter(occurrence=occurrence).order_by("pk"))
    statuses = [r.status for r in rows]
    assert statuses == [Registration.Status.REGISTERED] * 10 + [Registration.Status.WAITING] * 40
    occurrence.refresh_from_db()
    assert occurrence.taken == 10
    assert [registrations.position(r) for r in rows[10:]] == list(range(1, 41))


@pytest.mark.django_db
@time_machine.travel(NOW)
def test_the_ninth_waits_and_is_promoted_when_someone_cancels_both_are_told():
    occurrence = _occurrence(capacity=8)
    people = [registrations.register(occurrence.pk, name=f"P{n}", email=f"p{n}@exemple.fr") for n in range(9)]
    assert people[8].status == Registration.Status.WAITING
    worker.run_pending()
    assert "liste d’attente" in mail.outbox[-1].subject and "position 1" in mail.outbox[-1].body
    mail.outbox.clear()
    promoted = registrations.cancel(people[2].pk)
    assert [p.pk for p in promoted] == [people[8].pk]
    worker.run_pending()
    assert sorted(m.to[0] for m in mail.outbox) == ["p2@exemple.fr", "p8@exemple.fr"]
    promoted_mail = next(m for m in mail.outbox if m.to == ["p8@exemple.fr"])
    assert "place s’est libérée" in promoted_mail.subject and "/agenda/annuler/" in promoted_mail.body
    occurrence.refresh_from_db()
    assert occurrence.taken == 8
    assert registrations.cancel(people[2].pk) == []  # twice: nothing more


@pytest.mark.django_db
@time_machine.travel(NOW)
def test_the_waiting_list_is_first_come_first_served_even_for_fewer_seats():
    occurrence = _occurrence(capacity=3)
    registrations.register(occurrence.pk, name="A", phone="0600000000", seats=2)
    big = registrations.register(occurrence.pk, name="B", phone="0600000001", seats=2)
    small = registrations.register(occurrence.pk, name="C", phone="0600000002", seats=1)
    assert (big.status, small.status) == ("attente", "attente")  # C does not overtake B


@pytest.mark.django_db
def test_no_registration_for_a_past_or_cancelled_date():
    with time_machine.travel(NOW):
        occurrence = _occurrence()
    with (
        time_machine.travel(occurrence.starts_at + datetime.timedelta(minutes=1)),
        pytest.raises(registrations.Closed),
    ):
        registrations.register(occurrence.pk, name="Tard", phone="0600000000")


@pytest.mark.django_db
def test_a_reminder_the_day_before_once():
    with time_machine.travel(NOW):
        occurrence = _occurrence()
        registrations.register(occurrence.pk, name="Lou", email="lou@exemple.fr")
        worker.run_pending()
        mail.outbox.clear()
    with time_machine.travel(occurrence.starts_at - datetime.timedelta(days=1)):
        assert registrations.send_reminders() == 1
        assert registrations.send_reminders() == 0
        worker.run_pending()
    assert mail.outbox[0].subject.startswith("Rappel")


@pytest.mark.django_db
def test_attendance_and_anonymisation_after_the_retention_period(settings):
    settings.ANCRAGE_REGISTRATION_RETENTION_DAYS = 30
    with time_machine.travel(NOW):
        occurrence = _occurrence()
        person = registrations.register(occurrence.pk, name="Lou", email="lou@exemple.fr", phone="0601020304", seats=2)
    registrations.record_attendance(None, occurrence, {person.pk: 5})
    person.refresh_from_db()
    assert person.attended == 2  # at most the seats taken
    retention.apply(now=occurrence.ends_at + datetime.timedelta(days=29))
    person.refresh_from_db()
    assert person.email == "lou@exemple.fr"
    retention.apply(now=occurrence.ends_at + datetime.timedelta(days=31))
    person.refresh_from_db()
    assert (person.name, person.email, person.phone, person.attended) == ("", "", "", 2)


@pytest.mark.django_db
def test_timezone_is_paris():
    assert timezone.get_current_timezone_name() == "Europe/Paris"
