"""Structured logs: one JSON object a line (LOG_FORMAT=json), each carrying the id of the request it belongs to.

The id comes from the reverse proxy's X-Request-Id or is made by `PlatformHeadersMiddleware`, and is sent back
in the response's X-Request-Id: a visitor's error screen, the proxy log and the app log share one id.
No personal data is logged: no query strings, no form values, no addresses.
"""

import contextvars
import json
import logging

request_id = contextvars.ContextVar("request_id", default="")


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.request_id = request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", ""),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)
