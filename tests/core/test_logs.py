import json
import logging

import pytest

from core.logs import JsonFormatter, RequestIdFilter, request_id


def test_a_json_log_line_carries_the_request_id():
    token = request_id.set("abc123")
    try:
        record = logging.LogRecord("ancrage", logging.WARNING, __file__, 1, "Import %s échoué", ("n° 3",), None)
        RequestIdFilter().filter(record)
        line = json.loads(JsonFormatter().format(record))
    finally:
        request_id.reset(token)
    assert line["message"] == "Import n° 3 échoué" and line["request_id"] == "abc123" and line["level"] == "WARNING"


@pytest.mark.django_db
def test_the_proxy_request_id_is_kept_and_sent_back(client):
    response = client.get("/", HTTP_X_REQUEST_ID="from-nginx-42")
    assert response["X-Request-Id"] == "from-nginx-42"
