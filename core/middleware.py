"""Headers Django does not set itself (Permissions-Policy, a request id for the logs), and a second try for a
reading request whose database connection was cut."""

import logging
import secrets
import sys

from django.conf import settings
from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError, connections

from core.logs import request_id

logger = logging.getLogger(__name__)


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


def _note_lost_connection(sender, request=None, **kwargs):
    """Called while Django turns an exception into an error page: remember that it was the database's."""
    if request is not None and isinstance(sys.exc_info()[1], (OperationalError, InterfaceError)):
        request.database_error = True


class DatabaseRetryMiddleware:
    """A GET or HEAD that failed on a database connection error (the server restarted, a failover, a connection
    cut by an administrator) is answered by a second try on new connections instead of an error page.

    Django's CONN_HEALTH_CHECKS only replaces a connection that died between two requests; this covers one that
    dies during a request. Only reading requests are tried again (they change nothing), once, and not inside a
    transaction that spans the request. Above every middleware that reads the database, so that an error anywhere
    below it is covered (and below the request id, which its warning carries).
    """

    METHODS = ("GET", "HEAD")

    def __init__(self, get_response):
        self.get_response = get_response
        got_request_exception.connect(_note_lost_connection, dispatch_uid="core-database-retry")

    def __call__(self, request):
        response = self.get_response(request)
        if not getattr(request, "database_error", False) or request.method not in self.METHODS:
            return response
        opened = connections.all(initialized_only=True)
        if any(conn.in_atomic_block for conn in opened):
            return response
        logger.warning("Connexion à la base perdue pendant %s : nouvel essai", request.path)
        for conn in opened:
            conn.close()
        request.database_error = False
        return self.get_response(request)
