"""Rate limits for every public form and write endpoint: a token bucket per client and scope, in the database.

`allow(key, rate, per)` takes one token with a single conditional UPDATE (refill and take in one statement), so
the count holds with many app servers and concurrent requests on SQLite and PostgreSQL alike. The client's
address is kept only as a keyed hash. `@throttled("signalement", rate=20, per=60)` guards a view's POSTs and
answers a French page (HTTP 429) saying when to try again.
"""

import functools
import hashlib
import hmac
import ipaddress
import math
import time
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Value
from django.db.models.functions import Greatest, Least
from django.shortcuts import render
from django.utils import timezone

from core.models import ThrottleBucket


def client_ip(request) -> str:
    """The caller's address ("" when unknown or malformed); behind `ANCRAGE_PROXY_COUNT` reverse proxies,
    read from X-Forwarded-For. Also used by django-axes, which stores it in an address column."""
    hops = settings.ANCRAGE_PROXY_COUNT
    forwarded = [a.strip() for a in request.headers.get("X-Forwarded-For", "").split(",") if a.strip()]
    address = forwarded[-hops] if hops and len(forwarded) >= hops else request.META.get("REMOTE_ADDR", "")
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return ""


def client_key(scope: str, request) -> str:
    address = client_ip(request) or "inconnue"
    digest = hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()
    return f"{scope}:{digest[:32]}"


def allow(key: str, rate: int, per: float, now: float | None = None) -> tuple[bool, float]:
    """Take a token from `key`'s bucket (`rate` tokens per `per` seconds). Returns (allowed, seconds to wait)."""
    now = time.time() if now is None else now
    refill = rate / per
    try:
        with transaction.atomic():
            ThrottleBucket.objects.get_or_create(key=key, defaults={"tokens": float(rate), "stamp": now})
    except IntegrityError:
        pass  # created by a concurrent request
    # A stamp in the future (another server's clock ahead, or this one set back) counts as no time elapsed.
    elapsed = Greatest(Value(now) - F("stamp"), Value(0.0))
    available = F("tokens") + elapsed * Value(refill)
    taken = ThrottleBucket.objects.filter(key=key, tokens__gte=Value(1.0) - elapsed * Value(refill))
    if taken.update(tokens=Least(Value(float(rate)), available) - Value(1.0), stamp=Value(now)):
        return True, 0.0
    bucket = ThrottleBucket.objects.get(key=key)
    missing = 1.0 - (bucket.tokens + max(now - bucket.stamp, 0.0) * refill)
    return False, max(missing / refill, 1.0)


def throttled(scope: str, *, rate: int | None = None, per: float = 60, methods=("POST",)):
    """Guard a view; `rate` defaults to ANCRAGE_FORM_RATE_LIMIT requests per `per` seconds."""

    def decorate(view):
        @functools.wraps(view)
        def guarded(request, *args, **kwargs):
            if request.method in methods and settings.ANCRAGE_THROTTLE_ENABLED:
                ok, wait = allow(client_key(scope, request), rate or settings.ANCRAGE_FORM_RATE_LIMIT, per)
                if not ok:
                    return too_many(request, wait)
            return view(request, *args, **kwargs)

        return guarded

    return decorate


def too_many(request, wait: float):
    seconds = math.ceil(wait)
    at = timezone.localtime() + timedelta(seconds=seconds)
    response = render(request, "core/throttled.html", {"minutes": math.ceil(seconds / 60), "at": at}, status=429)
    response["Retry-After"] = str(seconds)
    return response


def purge(older_than: float = 86400) -> int:
    """Forget buckets untouched for a day (a full bucket is the same as none)."""
    return ThrottleBucket.objects.filter(stamp__lt=time.time() - older_than).delete()[0]
