"""Links to what other apps offer for a sheet, resolved by URL name so that `orientation` imports none of them."""

from django.urls import NoReverseMatch, reverse

REFERRAL_URL_NAME = "referrals:new"  # the referral form (app `referrals`): args [service pk], ?situation=<sheet pk>


def referral_url(service, situation) -> str | None:
    """« Adresser la personne à ce service », or None while no referral form is installed (the link is hidden)."""
    try:
        return f"{reverse(REFERRAL_URL_NAME, args=[service.pk])}?situation={situation.pk}"
    except NoReverseMatch:
        return None
