"""Headers Django does not set itself: Permissions-Policy, and a request id for the logs."""

import logging
import secrets

from django.conf import settings

_request_id = logging.getLogger(__name__)


class PlatformHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.id = request.headers.get("X-Request-Id", "")[:64] or secrets.token_hex(8)
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.ANCRAGE_PERMISSIONS_POLICY)
        response["X-Request-Id"] = request.id
        return response
