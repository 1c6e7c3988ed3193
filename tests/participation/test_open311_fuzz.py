"""Open311 under generated input: whatever the parameters, no server error, and every answer is a well-formed
document of the announced format (a list of requests, or the specification's error list)."""

import json
from xml.etree import ElementTree as ET

import hypothesis
import pytest
from hypothesis import strategies as st

from participation.models import APIKey
from participation.open311 import keys
from tests.factories_participation import CategoryFactory, RequestFactory

pytestmark = pytest.mark.django_db
SETTINGS = hypothesis.settings(
    max_examples=30, derandomize=True, database=None, deadline=None,
    suppress_health_check=[hypothesis.HealthCheck.function_scoped_fixture, hypothesis.HealthCheck.too_slow],
)  # fmt: skip
text = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["open", "closed", "open,closed", "2026-01-01T00:00:00Z", "2027-13-40T99:00:00+25:00",
                     "ordinateur-public", "1,2,abc", "-1", "99999999999999999999", ""]),
)  # fmt: skip
PARAMS = st.dictionaries(
    st.sampled_from(["status", "service_code", "start_date", "end_date", "service_request_id", "jurisdiction_id"]),
    text, max_size=5,
)  # fmt: skip


@pytest.fixture
def world(settings):
    settings.ANCRAGE_THROTTLE_ENABLED = False
    RequestFactory()
    key = APIKey(name="Fuzz")
    raw = keys.issue(key)
    key.save()
    return raw


def check(response, fmt):
    assert response.status_code < 500
    if fmt == "json":
        doc = json.loads(response.content)
        assert isinstance(doc, list)
    else:
        root = ET.fromstring(response.content)
        assert root.tag in {"service_requests", "errors"}


@SETTINGS
@hypothesis.given(params=PARAMS, fmt=st.sampled_from(["json", "xml"]))
def test_listing_never_fails(client, world, params, fmt):
    check(client.get(f"/open311/v2/requests.{fmt}", params), fmt)


@SETTINGS
@hypothesis.given(pk=st.text(alphabet="0123456789abc_", min_size=1, max_size=25), fmt=st.sampled_from(["json", "xml"]))
def test_one_request_never_fails(client, world, pk, fmt):
    check(client.get(f"/open311/v2/requests/{pk}.{fmt}"), fmt)


POST = st.fixed_dictionaries({}, optional={
    "service_code": st.sampled_from(["ordinateur-public", "inconnu", ""]), "lat": text, "long": text,
    "address_string": text, "email": text, "description": st.text(max_size=50), "first_name": text,
})  # fmt: skip


@SETTINGS
@hypothesis.given(data=POST, fmt=st.sampled_from(["json", "xml"]))
def test_posting_never_fails(client, world, data, fmt):
    CategoryFactory()
    check(client.post(f"/open311/v2/requests.{fmt}", {"api_key": world, **data}), fmt)
