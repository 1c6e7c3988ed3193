"""The site's own French error pages, whatever DEBUG is.

With DEBUG off, Django already uses `web.views.page_not_found` / `server_error` (ancrage/urls.py). With DEBUG
on it would show its English technical pages to whoever opens the site (`make run` is often opened by
coordinators, not only developers): this middleware replaces them by the French pages. The traceback of a
500 still goes to the console log (and to the test client), so a developer loses nothing.
"""

import logging

from django.conf import settings
from django.core import signals
from django.core.exceptions import BadRequest, PermissionDenied, SuspiciousOperation
from django.http import Http404

from web import views

logger = logging.getLogger("django.request")


class FrenchErrorPagesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            settings.DEBUG
            and response.status_code == 404
            and not getattr(response, "is_site_page", False)
            and response.get("Content-Type", "").startswith("text/html")
        ):
            return views.page_not_found(request)
        return response

    def process_exception(self, request, exception):
        if not settings.DEBUG:
            return None  # Django's own handling calls the handlers of ancrage/urls.py
        if isinstance(exception, Http404):
            return views.page_not_found(request, exception)
        if isinstance(exception, (PermissionDenied, BadRequest, SuspiciousOperation)):
            return None  # Django answers these with 403 / 400 pages
        logger.error("Erreur interne : %s", request.path, exc_info=exception)
        signals.got_request_exception.send(sender=self.__class__, request=request)
        return views.server_error(request)
