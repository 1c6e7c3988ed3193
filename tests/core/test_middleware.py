"""A database connection cut during a reading request costs no failed request (issue 8, item 9)."""

import pytest
from django.db import OperationalError, connection, connections
from django.test import Client
from django.urls import reverse

from directory.models import ErrorReport
from tests.factories import ServiceFactory

pytestmark = pytest.mark.django_db(transaction=True)
RESULTS = reverse("directory:results") + "?besoin=demarches&lat=48.73052&lon=2.272041"  # Massy


@pytest.fixture(autouse=True)
def _closed_after():
    """A connection left cut by a test is closed, as the server does at the end of a request."""
    yield
    connection.close()


def _cut(conn) -> None:
    """Cut this connection as a server restart or `pg_terminate_backend` does; SQLite has no server to cut
    the connection: its query fails with the OperationalError a lost connection raises."""
    if conn.vendor == "postgresql":
        killer = connections.create_connection("default")
        try:
            with killer.cursor() as cursor:
                cursor.execute("SELECT pg_terminate_backend(%s)", [conn.connection.info.backend_pid])
        finally:
            killer.close()
    else:
        raise OperationalError("server closed the connection unexpectedly")


def _cutting(times: int):
    """An execute wrapper that cuts the connection at the first `times` queries it sees."""
    cuts = []

    def wrapper(execute, sql, params, many, context):
        if len(cuts) < times:
            cuts.append(sql)
            _cut(context["connection"])
        return execute(sql, params, many, context)

    return wrapper, cuts


def test_a_search_whose_connection_is_cut_is_answered():
    ServiceFactory(place__nom="Médiathèque de Massy")
    wrapper, cuts = _cutting(1)
    with connection.execute_wrapper(wrapper):
        response = Client(raise_request_exception=False).get(RESULTS)
    assert cuts
    assert response.status_code == 200
    assert "Médiathèque de Massy" in response.content.decode()


def test_a_request_is_tried_again_only_once():
    ServiceFactory(place__nom="Médiathèque de Massy")
    wrapper, cuts = _cutting(2)
    with connection.execute_wrapper(wrapper):
        response = Client(raise_request_exception=False).get(RESULTS)
    assert len(cuts) == 2
    assert response.status_code == 500


def test_a_form_sent_when_the_connection_is_cut_is_not_sent_twice():
    service = ServiceFactory()
    url = reverse("directory:report", kwargs={"pk": service.place.pk})
    form = {"kind": ErrorReport.Kind.choices[0][0], "message": "Le lieu a déménagé rue de Paris."}
    client = Client(raise_request_exception=False)
    client.get(url)
    wrapper, cuts = _cutting(1)
    with connection.execute_wrapper(wrapper):
        response = client.post(url, form)
    assert cuts
    assert response.status_code == 500  # a write is never replayed: the person sends the form again
    assert ErrorReport.objects.count() == 0
