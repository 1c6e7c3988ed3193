"""What each Open311 document says: services, service definitions, requests, discovery. Never the author's
personal data: no e-mail, no name, no device or account (the `Request` fields read here are the public ones)."""

import datetime

from django.conf import settings
from django.utils import timezone

from participation.models import Category, Request
from participation.open311.render import SPEC_URL

CHANGESET = "2026-12-04T00:00:00Z"  # the date this implementation's behaviour last changed


def w3(value: datetime.datetime | None) -> str | None:
    return timezone.localtime(value).isoformat(timespec="seconds") if value else None


def w3_date(value: datetime.date | None) -> str | None:
    if value is None:
        return None
    return w3(timezone.make_aware(datetime.datetime.combine(value, datetime.time(0, 0))))


def service(category: Category) -> dict:
    return {
        "service_code": category.code,
        "service_name": category.name,
        "description": category.description,
        "metadata": False,
        "type": "realtime",
        "keywords": category.keywords,
        "group": category.group,
    }


def definition(category: Category) -> dict:
    return {"service_code": category.code, "attributes": []}


def status_notes(request: Request) -> str:
    """The latest public note (annotated as `last_note` by the query that lists requests)."""
    return getattr(request, "last_note", None) or ""


def request_doc(request: Request, base_url: str) -> dict:
    return {
        "service_request_id": str(request.pk),
        "status": "open" if request.is_open else "closed",
        "status_notes": status_notes(request),
        "service_name": request.category.name,
        "service_code": request.category.code,
        "description": request.description,
        "agency_responsible": request.category.service.name,
        "service_notice": "",
        "requested_datetime": w3(request.received_at),
        "updated_datetime": w3(request.updated),
        "expected_datetime": w3_date(request.planned_for) if request.is_open else None,
        "address": request.address or request.commune.nom,
        "address_id": None,
        "zipcode": request.commune.code_postal_principal,
        "lat": request.latitude,
        "long": request.longitude,
        "media_url": base_url.rstrip("/") + request.photo.url if request.photo else None,
    }


def discovery(base_url: str) -> dict:
    return {
        "changeset": CHANGESET,
        "contact": f"{settings.ANCRAGE_SITE_NAME} — {base_url.rstrip('/')}/contact/",
        "key_service": "Clé d’API délivrée par la coordination du territoire (Administration › Clés d’API Open311).",
        "endpoints": [
            {
                "specification": SPEC_URL,
                "url": base_url.rstrip("/") + "/open311/v2",
                "changeset": CHANGESET,
                "type": "production",
                "formats": ["text/xml", "application/json"],
            }
        ],
    }
