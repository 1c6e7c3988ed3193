"""Open311 GeoReport v2 under /open311/v2/: discovery, services, service definitions, requests (list, one,
create with an API key), in JSON and XML. Errors use the specification's document (a list of code and
description). Dates are W3C (ISO 8601) with their offset."""

import datetime
import re

from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from core import audit
from core.throttle import throttled
from participation.domain import submit
from participation.models import Category, Request, Update
from participation.open311 import documents, keys
from participation.open311.render import error_document, respond
from territory.models import Commune
from territory.search import resolve_commune

MAX_RESULTS = 1000
MAX_SPAN = datetime.timedelta(days=90)
POSTAL = re.compile(r"\b(\d{5})\b")


def _base(request) -> str:
    return request.build_absolute_uri("/")


@require_http_methods(["GET"])
def discovery(request, fmt: str):
    return respond(fmt, "discovery", None, documents.discovery(_base(request)))


@require_http_methods(["GET"])
def services(request, fmt: str):
    return respond(fmt, "services", "service", [documents.service(c) for c in Category.objects.filter(active=True)])


@require_http_methods(["GET"])
def service_definition(request, code: str, fmt: str):
    category = Category.objects.filter(code=code, active=True).first()
    if category is None:
        return error_document(fmt, 404, f"service_code {code!r} not found")
    return respond(fmt, "service_definition", None, documents.definition(category))


def _listed():
    last_note = Update.objects.filter(request=OuterRef("pk")).order_by("-pk").values("note")[:1]
    return (
        Request.objects.filter(status__in=Request.PUBLIC)
        .select_related("category__service", "commune")
        .annotate(last_note=Subquery(last_note))
    )


def _date(value: str) -> datetime.datetime:
    parsed = parse_datetime(value.strip().replace(" ", "+"))  # a "+" left unencoded in a query is a space
    if parsed is None:
        raise ValueError(value)
    return parsed if timezone.is_aware(parsed) else timezone.make_aware(parsed)


def _filtered(params):
    """The requests the GET parameters ask for, or an error message (str)."""
    rows = _listed()
    ids = [i.strip() for i in params.get("service_request_id", "").split(",") if i.strip()]
    if ids:  # "overrides all other arguments"
        return rows.filter(pk__in=[int(i) for i in ids if i.isdigit() and len(i) < 10]).order_by("pk")
    codes = [c.strip() for c in params.get("service_code", "").split(",") if c.strip()]
    if codes:
        rows = rows.filter(category__code__in=codes)
    statuses = {s.strip() for s in params.get("status", "").split(",") if s.strip()}
    if statuses - {"open", "closed"}:
        return "status must be open, closed or both (comma separated)"
    if statuses == {"open"}:
        rows = rows.filter(status__in=Request.OPEN)
    elif statuses == {"closed"}:
        rows = rows.exclude(status__in=Request.OPEN)
    try:
        start = _date(params["start_date"]) if params.get("start_date", "").strip() else None
        end = _date(params["end_date"]) if params.get("end_date", "").strip() else None
    except (ValueError, OverflowError):
        return "start_date and end_date must be W3C datetimes, e.g. 2026-01-01T00:00:00Z"
    if start is None and end is None:
        end = timezone.now()
    if start is None:
        start = end - MAX_SPAN
    elif end is None:
        end = start + MAX_SPAN
    if end < start:
        return "end_date is before start_date"
    if end - start > MAX_SPAN:
        return "start_date and end_date may not span more than 90 days"
    return rows.filter(received_at__gte=start, received_at__lte=end).order_by("-received_at", "-pk")


@csrf_exempt
@require_http_methods(["GET", "POST"])
@throttled("open311", rate=30, per=60)
def requests(request, fmt: str):
    if any("\x00" in value for values in (request.GET, request.POST) for value in values.values()):
        return error_document(fmt, 400, "parameters may not contain NUL characters")
    if request.method == "POST":
        return _create(request, fmt)
    rows = _filtered(request.GET)
    if isinstance(rows, str):
        return error_document(fmt, 400, rows)
    base = _base(request)
    return respond(fmt, "service_requests", "request", [documents.request_doc(r, base) for r in rows[:MAX_RESULTS]])


@require_http_methods(["GET"])
def one_request(request, pk: str, fmt: str):
    row = _listed().filter(pk=int(pk)).first() if pk.isdigit() and len(pk) < 10 else None
    if row is None:
        return error_document(fmt, 404, f"service_request_id {pk} not found")
    return respond(fmt, "service_requests", "request", [documents.request_doc(row, _base(request))])


def _float(value: str, low: float, high: float) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if low <= number <= high else None


def _nearest_commune(lat: float, lon: float) -> Commune | None:
    box = Commune.objects.filter(latitude__range=(lat - 0.15, lat + 0.15), longitude__range=(lon - 0.2, lon + 0.2))
    return min(box, key=lambda c: (c.latitude - lat) ** 2 + (c.longitude - lon) ** 2, default=None)


def _commune_of(address: str) -> Commune | None:
    postal = POSTAL.search(address)
    if postal:
        return resolve_commune(postal[1])
    return resolve_commune(address.rsplit(",", 1)[-1]) if address.strip() else None


def _create(request, fmt: str):
    """POST a service request (form-encoded). The key holder is accountable: the request is published at once,
    anonymous; an e-mail given is kept only to tell its author of changes."""
    p = request.POST
    key = keys.check(p.get("api_key", ""))
    if key is None:
        return error_document(fmt, 403, "api_key missing or not valid")
    category = Category.objects.filter(code=p.get("service_code", ""), active=True).select_related("service").first()
    if category is None:
        return error_document(fmt, 400, "service_code missing or not found")
    description = p.get("description", "").strip()
    if not description or len(description) > 4000:
        return error_document(fmt, 400, "description is required (4,000 characters at most)")
    address = p.get("address_string", "").strip()[:250]
    has_point = bool(p.get("lat", "").strip() or p.get("long", "").strip())
    lat, lon = _float(p.get("lat", ""), -90, 90), _float(p.get("long", ""), -180, 180)
    if has_point and (lat is None or lon is None):
        return error_document(fmt, 400, "lat and long must both be decimal degrees")
    if not has_point and not address:
        return error_document(fmt, 400, "a location is required: lat and long, or address_string")
    commune = _nearest_commune(lat, lon) if has_point else _commune_of(address)
    if commune is None:
        return error_document(fmt, 400, "the location is outside the territory's communes")
    email = p.get("email", "").strip().lower()
    if email and (len(email) > 254 or not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", email)):
        return error_document(fmt, 400, "email is not valid")
    row = submit.save_draft(
        Request(
            category=category,
            commune=commune,
            address=address,
            latitude=lat,
            longitude=lon,
            description=description,
            email=email,
            anonymous=True,
            source="open311",
        )
    )
    submit.publish(row, actor=f"Open311 : {key.name}")
    audit.record(key, "demande envoyée par l’API", actor=f"Open311 : {key.name}")
    return respond(
        fmt,
        "service_requests",
        "request",
        [
            {
                "service_request_id": str(row.pk),
                "service_notice": "Demande reçue ; son suivi est public sur le site.",
                "account_id": None,
            }
        ],
    )
