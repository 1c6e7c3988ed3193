"""Links that act without an account: purpose-bound, expiring, and single-use where the action must not repeat.

`make_token("confirmer-fiche", place.pk, single_use=True)` → a URL-safe token signed with Django's
`TimestampSigner`, salted with the purpose (a token made for one purpose is refused for any other).
`read_token(token, "confirmer-fiche", max_age=timedelta(days=30), single_use=True)` returns the value or raises
`LinkError` with a French message; a single-use token is consumed (recorded in `UsedToken`) on first read.
Pass `consume=False` to show a confirmation page first, and consume on the POST that acts.
"""

import hashlib
import secrets
from datetime import timedelta

from django.core import signing
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import UsedToken


class LinkError(Exception):
    message = _("Ce lien n’est pas valide. Vérifiez qu’il est complet, ou demandez-en un nouveau.")

    def __str__(self):
        return str(self.message)


class InvalidLink(LinkError):
    pass


class ExpiredLink(LinkError):
    message = _("Ce lien a expiré. Demandez-en un nouveau.")


class UsedLink(LinkError):
    message = _("Ce lien a déjà servi. Demandez-en un nouveau si besoin.")


def _signer(purpose: str) -> signing.TimestampSigner:
    return signing.TimestampSigner(salt=f"ancrage.links.{purpose}")


def make_token(purpose: str, value, *, single_use: bool = False) -> str:
    payload = {"v": value}
    if single_use:
        payload["n"] = secrets.token_urlsafe(9)
    return _signer(purpose).sign_object(payload, compress=True)


def read_token(token: str, purpose: str, *, max_age: timedelta, single_use: bool = False, consume: bool = True):
    try:
        payload = _signer(purpose).unsign_object(token, max_age=max_age)
    except signing.SignatureExpired as exc:
        raise ExpiredLink from exc
    except signing.BadSignature as exc:
        raise InvalidLink from exc
    if single_use:
        if "n" not in payload:
            raise InvalidLink
        digest = hashlib.sha256(token.encode()).hexdigest()
        if not consume:
            if UsedToken.objects.filter(digest=digest).exists():
                raise UsedLink
        else:
            try:
                with transaction.atomic():
                    UsedToken.objects.create(digest=digest, purpose=purpose, expires_at=timezone.now() + max_age)
            except IntegrityError as exc:
                raise UsedLink from exc
    return payload["v"]


def forget_expired() -> int:
    """A used single-use link is remembered until it expires; after that its signature refuses it anyway."""
    return UsedToken.objects.filter(expires_at__lt=timezone.now()).delete()[0]
