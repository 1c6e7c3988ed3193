import threading

import pytest
from django.db import connection
from django.urls import reverse

from core import throttle
from directory.models import ErrorReport
from tests.factories import PlaceFactory


@pytest.mark.django_db
def test_a_bucket_refills_with_time():
    assert throttle.allow("k", rate=2, per=60, now=1000) == (True, 0.0)
    assert throttle.allow("k", rate=2, per=60, now=1000)[0]
    allowed, wait = throttle.allow("k", rate=2, per=60, now=1001)
    assert not allowed and 28 <= wait <= 30
    assert throttle.allow("k", rate=2, per=60, now=1031)[0]


@pytest.mark.django_db
def test_a_clock_set_back_does_not_empty_the_bucket():
    assert throttle.allow("k", rate=2, per=60, now=5000)[0]  # stamped by a server whose clock was ahead
    assert throttle.allow("k", rate=2, per=60, now=1000)[0]  # one token left: no negative time drains it
    allowed, wait = throttle.allow("k", rate=2, per=60, now=1000)
    assert not allowed and wait == 30


@pytest.mark.django_db(transaction=True)
def test_concurrent_requests_never_get_more_than_the_rate():
    results = []

    def hit():
        try:
            for _ in range(10):
                results.append(throttle.allow("shared", rate=15, per=3600)[0])
        finally:
            connection.close()

    threads = [threading.Thread(target=hit) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 40 and results.count(True) == 15


def _report(client, place, **extra):
    return client.post(
        reverse("directory:report", kwargs={"pk": place.pk}),
        {"kind": ErrorReport.Kind.choices[0][0], "message": "Fermé le mercredi", **extra},
    )


@pytest.mark.django_db
def test_the_21st_report_in_a_minute_is_refused_in_french(client):
    place = PlaceFactory()
    for _ in range(20):
        assert _report(client, place).status_code == 302
    refused = _report(client, place)
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    body = refused.content.decode()
    assert "Trop de demandes" in body and "Réessayez dans" in body
    assert ErrorReport.objects.count() == 20


@pytest.mark.django_db
def test_another_client_is_not_blocked(client):
    place = PlaceFactory()
    for _ in range(21):
        _report(client, place)
    assert (
        client.post(
            reverse("directory:report", kwargs={"pk": place.pk}),
            {"kind": ErrorReport.Kind.choices[0][0], "message": "Fermé le mercredi"},
            REMOTE_ADDR="192.0.2.9",
        ).status_code
        == 302
    )


@pytest.mark.django_db
def test_a_filled_honeypot_is_refused_and_nothing_stored(client):
    response = _report(client, PlaceFactory(), site_web_2="http://spam.example")
    assert response.status_code == 400
    assert ErrorReport.objects.count() == 0


@pytest.mark.parametrize(
    "meta, expected",
    [({"REMOTE_ADDR": "203.0.113.4"}, "203.0.113.4"), ({}, ""), ({"HTTP_X_FORWARDED_FOR": "pas une adresse"}, "")],
)
def test_the_client_address_is_a_valid_ip_or_empty(rf, settings, meta, expected):
    settings.ANCRAGE_PROXY_COUNT = 1 if "HTTP_X_FORWARDED_FOR" in meta else 0
    request = rf.get("/")
    request.META.pop("REMOTE_ADDR", None)
    request.META.update(meta)
    assert throttle.client_ip(request) == expected


@pytest.mark.django_db
def test_a_logged_in_coordinator_without_a_known_address_is_fine(admin_client):
    """django-axes stores the address in an address column: PostgreSQL refuses anything but an IP."""
    assert admin_client.get("/admin/").status_code == 200
