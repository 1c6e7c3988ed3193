"""Rate limit per client IP in shared storage, and CORS headers for reads."""

import threading
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test import Client, override_settings
from django.urls import reverse

from api.http import retry_after
from core import throttle
from core.throttle import client_ip

pytestmark = pytest.mark.django_db

PLACES = reverse("api:places")


@override_settings(ANCRAGE_API_RATE_LIMIT=3)
def test_over_the_limit_gives_429_with_retry_after(client):
    for _ in range(3):
        assert client.get(PLACES).status_code == 200
    response = client.get(PLACES)
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    message = response.json()["erreurs"]["__all__"][0]
    assert message.startswith("Trop de requêtes : 3 par minute au plus.")
    assert response["Access-Control-Allow-Origin"] == "*"
    # Another address is not affected.
    assert client.get(PLACES, REMOTE_ADDR="192.0.2.9").status_code == 200


@pytest.mark.django_db(transaction=True)
@override_settings(ANCRAGE_API_RATE_LIMIT=10)
def test_the_limit_holds_for_parallel_clients_from_one_address(monkeypatch):
    """8 clients in parallel, 5 requests each, from one address: exactly 10 answered, the others 429
    (a count read then written would let several requests take the same last token)."""
    # The bucket's clock stands still (a slow machine must not refill a token during the test).
    monkeypatch.setattr(throttle, "time", SimpleNamespace(time=lambda: 1_800_000_000.0))
    statuses = []
    start = threading.Barrier(8)

    def client_session():
        try:
            client = Client(REMOTE_ADDR="192.0.2.44")
            start.wait()
            for _ in range(5):
                statuses.append(client.get(PLACES, {"taille": 1}).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=client_session) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(statuses) == 40
    assert statuses.count(200) == 10 and statuses.count(429) == 30


@override_settings(ANCRAGE_API_RATE_LIMIT=2)
def test_the_limit_refills_over_the_minute(rf):
    request = rf.get(PLACES, REMOTE_ADDR="198.51.100.7")
    now = 1_800_000_010.0
    assert retry_after(request, now) is None
    assert retry_after(request, now + 1) is None
    assert retry_after(request, now + 2) == 28  # one request more every 30 s
    assert retry_after(request, now + 31) is None


@override_settings(ANCRAGE_API_RATE_LIMIT=0)
def test_zero_disables_the_limit(rf):
    request = rf.get(PLACES)
    assert all(retry_after(request) is None for _ in range(5))


def test_the_default_limit_is_120_per_minute(rf, settings):
    assert settings.ANCRAGE_API_RATE_LIMIT == 120
    request = rf.get(PLACES, REMOTE_ADDR="203.0.113.5")
    assert [retry_after(request, 60.0) for _ in range(121)][-2:] == [None, 1]


def test_client_ip_behind_proxies(rf, settings):
    request = rf.get(PLACES, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.8")
    settings.ANCRAGE_PROXY_COUNT = 0
    assert client_ip(request) == "10.0.0.1"  # X-Forwarded-For is not trusted by default
    settings.ANCRAGE_PROXY_COUNT = 1
    assert client_ip(request) == "203.0.113.8"


@pytest.mark.parametrize(
    "path", [PLACES, reverse("api:recherche"), reverse("api:openapi"), "/api/v1/lieux/999999", "/api/nulle-part"]
)
def test_reads_allow_any_origin(client, path):
    response = client.get(path, HTTP_ORIGIN="https://exemple.fr")
    assert response["Access-Control-Allow-Origin"] == "*"


def test_preflight(client):
    response = client.options(PLACES, HTTP_ORIGIN="https://exemple.fr", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET")
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"


def test_writes_and_site_pages_get_no_cors_header(client):
    assert not client.post(PLACES).has_header("Access-Control-Allow-Origin")
    assert not client.get(reverse("api:docs")).has_header("Access-Control-Allow-Origin")
    assert not client.get(reverse("directory:home")).has_header("Access-Control-Allow-Origin")
