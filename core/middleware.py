"""Headers Django does not set itself: Permissions-Policy, and a request id for the logs."""

import secrets

from django.conf import settings

from core.logs import request_id


class PlatformHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.id = request.headers.get("X-Request-Id", "")[:64] or secrets.token_hex(8)
        token = request_id.set(request.id)
        try:
            response = self.get_response(request)
        finally:
            request_id.reset(token)
        response.setdefault("Permissions-Policy", settings.ANCRAGE_PERMISSIONS_POLICY)
        response["X-Request-Id"] = request.id
        return response
