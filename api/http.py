"""What every API response shares: JSON errors in French, CORS for reads, the rate limit.

`api_view` wraps each view: only GET, HEAD and OPTIONS are allowed; OPTIONS answers a CORS
preflight; every answer to those methods carries `Access-Control-Allow-Origin: *`; each client IP
may make `ANCRAGE_API_RATE_LIMIT` requests per minute (0 = no limit), a token bucket counted atomically in
the database (core.throttle) so that every app server and concurrent request sees the same count.
"""

import functools
import logging
import math

from django.conf import settings
from django.core import signals
from django.http import Http404, HttpResponse, JsonResponse
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt

from core import throttle

logger = logging.getLogger("django.request")

READ_METHODS = ("GET", "HEAD", "OPTIONS")
SERVER_ERROR = "Erreur interne du serveur : réessayez plus tard. Elle a été enregistrée pour être corrigée."
WINDOW_SECONDS = 60
JSON_DUMPS = {"ensure_ascii": False}


def json_response(data, status: int = 200) -> JsonResponse:
    return JsonResponse(data, status=status, json_dumps_params=JSON_DUMPS, safe=not isinstance(data, list))


def errors(messages: dict, status: int = 400) -> JsonResponse:
    """`{"erreurs": {"champ": ["message", …]}}`; `__all__` holds what concerns no single parameter."""
    return json_response({"erreurs": messages}, status=status)


def not_found(message: str = "Cette adresse n’existe pas dans l’API.") -> JsonResponse:
    return errors({"__all__": [message]}, status=404)


def retry_after(request, now: float | None = None) -> int | None:
    """Counts this request; returns the seconds to wait when the client went over its limit, else None."""
    limit = settings.ANCRAGE_API_RATE_LIMIT
    if not limit or limit <= 0:
        return None
    allowed, wait = throttle.allow(throttle.client_key("api", request), limit, WINDOW_SECONDS, now=now)
    return None if allowed else max(1, math.ceil(wait))


def _cors(response: HttpResponse) -> HttpResponse:
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = "Retry-After"
    return response


def api_view(view):
    # Read-only API: writes get a JSON 405 below, not Django's HTML CSRF page (no cookie is ever used).
    @csrf_exempt
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            with translation.override(settings.LANGUAGE_CODE):  # the API answers in French, its documented language
                return _answer(view, request, *args, **kwargs)
        except Exception as exception:  # a client of the API reads JSON, even for a crash
            # What Django does for an uncaught exception: log the traceback, tell error reporting.
            logger.error("Erreur interne : %s", request.path, exc_info=exception)
            signals.got_request_exception.send(sender=api_view, request=request)
            return _cors(errors({"__all__": [SERVER_ERROR]}, status=500))

    return wrapped


def _answer(view, request, *args, **kwargs):
    if request.method not in READ_METHODS:
        response = errors({"__all__": ["Cette API est en lecture seule : utilisez GET."]}, status=405)
        response["Allow"] = ", ".join(READ_METHODS)
        return response
    if request.method == "OPTIONS":
        response = HttpResponse(status=204)
        response["Allow"] = ", ".join(READ_METHODS)
        response["Access-Control-Allow-Methods"] = ", ".join(READ_METHODS)
        response["Access-Control-Allow-Headers"] = "Accept, Content-Type"
        response["Access-Control-Max-Age"] = "86400"
        return _cors(response)
    wait = retry_after(request)
    if wait is not None:
        limit = settings.ANCRAGE_API_RATE_LIMIT
        response = errors(
            {"__all__": [f"Trop de requêtes : {limit} par minute au plus. Réessayez dans {wait} secondes."]},
            status=429,
        )
        response["Retry-After"] = str(wait)
        return _cors(response)
    try:
        response = view(request, *args, **kwargs)
    except Http404:
        response = not_found("Aucun enregistrement publié ne porte cet identifiant.")
    return _cors(response)
