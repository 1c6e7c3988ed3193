"""Open311 API keys: a random key shown once to the coordinator who creates it; only its SHA-256 digest is kept
(a random 256-bit key needs no slow hash: nothing to guess from its digest)."""

import hashlib
import secrets

from django.utils import timezone

from participation.models import APIKey


def digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def issue(key: APIKey) -> str:
    """Give `key` a new secret; returns it (shown once, never stored)."""
    raw = secrets.token_urlsafe(32)
    key.prefix, key.digest = raw[:8], digest(raw)
    return raw


def check(raw: str) -> APIKey | None:
    if not raw or len(raw) > 200:
        return None
    key = APIKey.objects.filter(digest=digest(raw), active=True).first()
    if key is not None:
        APIKey.objects.filter(pk=key.pk).update(last_used=timezone.now())
    return key
