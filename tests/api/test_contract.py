"""The API keeps the contract of its own OpenAPI document: schemathesis, every check, every operation.

Each operation is driven in-process through the WSGI application (no server to start) against a few
real places, with the document's examples, the coverage phase (boundaries, missing and malformed
parameters) and a bounded, derandomised fuzzing phase; then a short stateful run follows the links
between operations (a list's `id` to its detail). A failure prints the request that broke the contract.
"""

import json

import hypothesis
import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from schemathesis.config import SchemathesisConfig

from api import openapi
from tests.factories import PlaceFactory, ServiceFactory

MAX_EXAMPLES = 12  # fuzzing cases per operation; the coverage phase adds its own, bounded by the document
CONFIG = {
    "seed": 20261203,
    "generation": {"deterministic": True, "max-examples": MAX_EXAMPLES, "database": "none"},
    "checks": {"enabled": True},  # all of them, not only « not a server error »
    "phases": {"examples": {"enabled": True}, "coverage": {"enabled": True}, "fuzzing": {"enabled": True}},
    # The WSGI transport does not decompress what GZipMiddleware compresses (a client over HTTP does).
    "headers": {"Accept-Encoding": "identity"},
    "suppress-health-check": ["too_slow", "filter_too_much", "data_too_large"],
}


def _places():
    """A few places with services: Massy, Paris, and Saint-Denis de La Réunion (another time zone)."""
    for hours, extra in (
        ("Mo,We,Fr,Su 10:00-11:00", {}),
        ("Tu,Th,Sa 12:00-13:00", {"nom": "Médiathèque Jules Verne", "prise_rdv": "https://exemple.fr/rdv"}),
        ("", {"frais_a_charge": ["Payant"]}),
        (
            "Mo-Fr 08:00-12:00",
            {"commune": "Paris", "code_postal": "75015", "code_insee": "75056", "latitude": 48.84, "longitude": 2.29},
        ),
        (
            "Mo-Sa 09:00-12:00",
            {"commune": "Saint-Denis", "code_postal": "97400", "code_insee": "97411"}
            | {"latitude": -20.882, "longitude": 55.45},
        ),
    ):
        ServiceFactory(place=PlaceFactory(horaires=hours, **extra))


def _schema():
    """The document `/api/openapi.json` serves (a JSON round trip of the same function), run against the
    WSGI application. (`from_wsgi` would fetch it, but needs the database before any test has it.)"""
    document = json.loads(json.dumps(openapi.document("http://testserver/")))
    loaded = schemathesis.openapi.from_dict(document, config=SchemathesisConfig.from_dict(CONFIG))
    loaded.app = get_wsgi_application()
    return loaded


schema = _schema()


@pytest.fixture
def places(db, settings):
    settings.ANCRAGE_API_RATE_LIMIT = 0  # hundreds of requests from one address; the limit has its own tests
    _places()
    # As Django's test client does: a request must not close the test's connection (and its transaction).
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@schema.parametrize()
# The places are read, never changed, by every generated request: one set for all of them is the intent.
@hypothesis.settings(suppress_health_check=[hypothesis.HealthCheck.function_scoped_fixture])
def test_every_operation_keeps_the_contract(case, places):
    case.call_and_validate()


def test_links_between_operations_keep_the_contract(places):
    workflow = schema.as_state_machine()
    hypothesis.stateful.run_state_machine_as_test(
        workflow,
        settings=hypothesis.settings(
            max_examples=10,
            stateful_step_count=4,
            derandomize=True,
            database=None,
            deadline=None,
            suppress_health_check=list(hypothesis.HealthCheck),
        ),
    )
