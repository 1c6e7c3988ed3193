"""The periodic job: one e-mail per due period, a reminder, then the coordinators (clock frozen)."""

import threading

import pytest
from django.conf import settings
from django.db import connection
from django.utils.module_loading import import_string

from freshness.domain import requests
from freshness.domain.confirm import confirm
from freshness.models import Channel, UpdateRequest
from freshness.tasks import send_update_requests
from tests.factories import PlaceFactory
from tests.freshness.conftest import at, deliver, frozen


def run_job():
    send_update_requests.enqueue()
    return deliver()


def test_the_job_is_declared_periodic():
    path = "freshness.tasks.send_update_requests"
    assert path in settings.ANCRAGE_PERIODIC_JOBS
    assert import_string(path) is send_update_requests


def test_nothing_is_sent_before_the_due_date(place):
    with frozen(2026, 6, 30, 9, 30):
        assert run_job() == []
    assert not UpdateRequest.objects.exists()


def test_one_email_per_due_period(place):
    with frozen(2026, 7, 1, 9, 30):
        [message] = run_job()
        assert run_job() == [message]  # the same day again: nothing more
    with frozen(2026, 7, 2, 9, 30):
        assert len(run_job()) == 1  # nor the next day
    assert message.to == ["contact@mediatheque.example"]
    assert message.subject == "les informations de « Médiathèque Jules Verne » sont-elles à jour ?"
    assert "Mes informations sont à jour" in message.body and "/lieux/" in message.body
    assert f"/lieux/{place.pk}/signaler/" in message.body  # « Modifier »
    assert message.alternatives and "Mes informations sont à jour" in message.alternatives[0][0]
    assert UpdateRequest.objects.get().due_on == at(2026, 7, 1).date()


def test_after_a_confirmation_the_next_period_gets_its_own_email(place):
    with frozen(2026, 7, 1, 9, 30):
        run_job()
    with frozen(2026, 7, 3, 10):
        confirm(place, channel=Channel.PHONE)
    with frozen(2027, 1, 2, 9, 30):
        assert len(run_job()) == 1  # confirmed on 3 July: due on 3 January
    with frozen(2027, 1, 3, 9, 30):
        messages = run_job()
    assert len(messages) == 2
    periods = sorted(UpdateRequest.objects.values_list("due_on", flat=True))
    assert periods == [at(2026, 7, 1).date(), at(2027, 1, 3).date()]


def test_a_place_without_email_gets_nothing(db):
    PlaceFactory(courriels=[], date_maj=at(2020, 1, 1).date())
    with frozen(2026, 7, 1, 9, 30):
        assert run_job() == []
    assert not UpdateRequest.objects.exists()


def test_at_most_the_daily_maximum_of_new_requests(db, settings):
    settings.ANCRAGE_FRESHNESS_DAILY_MAX = 2
    for n in range(3):
        PlaceFactory(courriels=[f"lieu{n}@example.fr"], date_maj=at(2020, 1, n + 1).date())
    with frozen(2026, 7, 1, 9, 30):
        assert len(run_job()) == 2
    with frozen(2026, 7, 2, 9, 30):
        assert len(run_job()) == 3


def test_a_period_claimed_by_another_worker_is_not_sent_again(place):
    with frozen(2026, 7, 1, 9, 30):
        due = requests.due_date_of(place)
        assert requests.claim_and_send(place, due, ["contact@mediatheque.example"]) is not None
        assert requests.claim_and_send(place, due, ["contact@mediatheque.example"]) is None
        assert len(deliver()) == 1


@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_send_one_email():
    for n in range(10):
        PlaceFactory(courriels=[f"lieu{n}@example.fr"], date_maj=at(2020, 1, 1).date())
    errors = []

    def work():
        try:
            requests.send_due()
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connection.close()

    with frozen(2026, 7, 1, 9, 30):
        threads = [threading.Thread(target=work) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not errors
        assert UpdateRequest.objects.count() == 10
        assert sorted(m.to[0] for m in deliver()) == sorted(f"lieu{n}@example.fr" for n in range(10))


def test_a_reminder_after_the_delay_then_the_coordinators(place, settings):
    settings.ANCRAGE_FRESHNESS_REMIND_DAYS = 14
    settings.ANCRAGE_FRESHNESS_ESCALATE_DAYS = 10
    with frozen(2026, 7, 1, 9, 30):
        run_job()
    with frozen(2026, 7, 15, 9, 0):
        assert len(run_job()) == 1  # 13 days and 23.5 hours: not yet
    with frozen(2026, 7, 15, 9, 30):
        messages = run_job()
        assert len(run_job()) == 2  # one reminder, once
    reminder = messages[1]
    assert reminder.subject.startswith("Rappel : ")
    assert reminder.to == ["contact@mediatheque.example"]
    request = UpdateRequest.objects.get()
    assert request.state == UpdateRequest.State.REMINDED and request.escalated_at is None
    with frozen(2026, 7, 25, 9, 29):
        run_job()
    assert UpdateRequest.objects.get().escalated_at is None
    with frozen(2026, 7, 25, 9, 30):
        assert len(run_job()) == 2  # escalation writes to nobody but the coordinators' list
    request = UpdateRequest.objects.get()
    assert request.escalated_at == at(2026, 7, 25, 9, 30)
    assert request.state == UpdateRequest.State.NO_ANSWER


def test_an_answer_stops_the_reminders(place):
    with frozen(2026, 7, 1, 9, 30):
        run_job()
    with frozen(2026, 7, 5, 9, 30):
        confirm(place, channel=Channel.VISIT)
    with frozen(2026, 8, 30, 9, 30):
        assert len(run_job()) == 1
    request = UpdateRequest.objects.get()
    assert request.state == UpdateRequest.State.CONFIRMED and request.reminded_at is None


def test_a_correction_sent_through_modifier_is_an_answer(place, client):
    with frozen(2026, 7, 1, 9, 30):
        run_job()
    with frozen(2026, 7, 2, 9, 30):
        response = client.post(
            f"/lieux/{place.pk}/signaler/", {"kind": "horaires", "message": "Fermé le mercredi désormais."}
        )
        assert response.status_code == 302
    request = UpdateRequest.objects.get()
    assert request.state == UpdateRequest.State.EDITED
    with frozen(2026, 8, 30, 9, 30):
        assert len(run_job()) == 1  # no reminder


def test_no_address_is_logged(place, caplog):
    with frozen(2026, 7, 1, 9, 30), caplog.at_level("DEBUG"):
        run_job()
    assert caplog.records
    assert "contact@mediatheque.example" not in caplog.text
