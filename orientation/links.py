"""What other apps offer for a sheet's services, provided by them so that `orientation` imports none of them.

The referral app (to the right in the import order) provides `referral_url(service, situation)` from its
`AppConfig.ready()`: the URL of « Adresser la personne à ce service », or None when the service cannot receive a
referral (the link is then not offered).
"""

from collections.abc import Callable

_referral: Callable | None = None


def provide_referral(url: Callable) -> None:
    global _referral
    _referral = url


def referral_url(service, situation) -> str | None:
    return _referral(service, situation) if _referral else None
