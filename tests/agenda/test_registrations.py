"""Registering without an account: capacity held by the database under concurrency, the waiting list in
arrival order, promotion on cancellation (both told), reminders, attendance and retention."""

import datetime
import threading

import pytest
import time_machine
from django.core import mail
from django.db import connections
from django.utils import timezone, translation
from django.utils.translation import gettext

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
def test_asking_more_than_is_left_is_refused_and_a_later_small_request_is_registered():
    occurrence = _occurrence(capacity=8)
    registrations.register(occurrence.pk, name="Groupe", phone="0600000000", seats=4)
    registrations.register(occurrence.pk, name="Duo", phone="0600000009", seats=1)
    with pytest.raises(registrations.TooMany) as refused:
        registrations.register(occurrence.pk, name="Famille", phone="0600000001", seats=4)
    assert refused.value.left == 3 and str(refused.value) == "Il reste 3 places pour cette date."
    assert not Registration.objects.filter(name="Famille").exists()
    single = registrations.register(occurrence.pk, name="Seul", phone="0600000002", seats=1)
    assert single.status == Registration.Status.REGISTERED


@pytest.mark.django_db
@time_machine.travel(NOW)
def test_an_explicit_wait_for_more_seats_blocks_only_who_it_could_be_served_before():
    occurrence = _occurrence(capacity=3)
    first = registrations.register(occurrence.pk, name="A", phone="0600000000", seats=2)
    big = registrations.register(occurrence.pk, name="B", phone="0600000001", seats=2, waitlist=True)
    small = registrations.register(occurrence.pk, name="C", phone="0600000002", seats=1)
    # B cannot be served by the 1 seat left, so B does not block C; B stays first in line
    assert (big.status, small.status) == ("attente", "inscrit")
    late = registrations.register(occurrence.pk, name="D", phone="0600000003", seats=1)
    assert late.status == "attente" and registrations.position(late) == 2  # full: D waits behind B
    assert [p.pk for p in registrations.cancel(first.pk)] == [big.pk]  # 2 seats freed: B first, not D


@pytest.mark.django_db
@time_machine.travel(NOW)
def test_a_stale_waiting_list_is_served_before_a_newcomer():
    occurrence = _occurrence(capacity=3)
    waiting = Registration.objects.create(occurrence=occurrence, name="Avant", phone="0600000000", seats=1,
                                          status=Registration.Status.WAITING)  # fmt: skip
    newcomer = registrations.register(occurrence.pk, name="Après", phone="0600000001", seats=1)
    waiting.refresh_from_db()
    assert (waiting.status, newcomer.status) == ("inscrit", "inscrit")
    occurrence.refresh_from_db()
    assert occurrence.taken == 2


@pytest.mark.django_db
@time_machine.travel(NOW)
def test_the_same_person_twice_on_one_date_is_refused_case_insensitive():
    occurrence = _occurrence(capacity=8)
    registrations.register(occurrence.pk, name="Lou Martin", email="Lou@Exemple.fr")
    with pytest.raises(registrations.AlreadyRegistered, match="déjà inscrit"):
        registrations.register(occurrence.pk, name="lou martin", email="lou@exemple.fr")
    registrations.register(occurrence.pk, name="Lou Martin", phone="0600000000")  # another way to reach: allowed
    with pytest.raises(registrations.AlreadyRegistered):
        registrations.register(occurrence.pk, name="LOU MARTIN", phone="0600000000")
    assert registrations.register(occurrence.pk, name="Max", email="lou@exemple.fr").status == "inscrit"


@pytest.mark.django_db
@time_machine.travel(NOW)
def test_cancelling_part_of_the_seats_frees_them_and_keeps_the_rest():
    occurrence = _occurrence(capacity=4)
    group = registrations.register(occurrence.pk, name="Famille", email="f@exemple.fr", seats=4)
    waiting = registrations.register(occurrence.pk, name="Lou", phone="0600000000", seats=1)
    worker.run_pending()
    mail.outbox.clear()
    assert [p.pk for p in registrations.cancel(group.pk, seats=1)] == [waiting.pk]
    group.refresh_from_db()
    occurrence.refresh_from_db()
    assert (group.status, group.seats, occurrence.taken) == ("inscrit", 3, 4)
    worker.run_pending()
    assert mail.outbox[0].subject.startswith("Inscription modifiée") and "/agenda/annuler/" in mail.outbox[0].body


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


@pytest.mark.django_db
def test_every_e_mail_speaks_the_language_the_person_registered_in():
    with time_machine.travel(NOW):
        occurrence = _occurrence()
        with translation.override("en"):
            registrations.register(occurrence.pk, name="Lou", email="lou@exemple.fr")
        worker.run_pending()
        confirmation = mail.outbox[-1]
        mail.outbox.clear()
    with time_machine.travel(occurrence.starts_at - datetime.timedelta(days=1)):  # the nightly job, in French
        assert registrations.send_reminders() == 1
        worker.run_pending()
    reminder = mail.outbox[0]
    with translation.override("en"):
        subject = gettext("Rappel : %(title)s demain") % {"title": occurrence.event.title}
    assert reminder.subject == subject != f"Rappel : {occurrence.event.title} demain"
    assert "/en/agenda/annuler/" in reminder.body
    assert "/en/agenda/annuler/" in confirmation.body
