"""The structure's link: signed (`core.signing`, a purpose of its own), naming its referral, valid for the
referral's expiry delay. It needs no account; it is not single-use, because the structure answers and later says
whether the person came: each action is refused by the referral's status once it has been done."""

from datetime import timedelta

from django.conf import settings
from django.urls import reverse

from core import signing
from referrals.models import Referral

PURPOSE = "adressage-structure"


def max_age() -> timedelta:
    return timedelta(days=settings.ANCRAGE_REFERRAL_EXPIRE_DAYS)


def path(referral: Referral) -> str:
    token = signing.make_token(PURPOSE, {"r": referral.pk})
    return reverse("referrals:answer", kwargs={"pk": referral.pk, "token": token})


def url(referral: Referral) -> str:
    return settings.ANCRAGE_SITE_URL + path(referral)


def read(token: str, pk: int) -> Referral:
    """The referral the link was made for, if genuine, unexpired and made for referral `pk`; else raises
    `signing.LinkError` with a French message."""
    value = signing.read_token(token, PURPOSE, max_age=max_age())
    if not isinstance(value, dict) or value.get("r") != pk:
        raise signing.InvalidLink
    found = Referral.objects.select_related("sender").filter(pk=pk).first()
    if found is None:
        raise signing.InvalidLink
    return found
