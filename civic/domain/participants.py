"""Citizens' accounts for participation, without opening the site's sign-up.

Public sign-up stays closed (`accounts/adapter.py`): an account is created here only, for taking part in
debates, by an e-mailed single-use link (`core.signing`). The link only creates a new account with no role and
no password, and logs it in; an address that already has an account is told to log in normally (by password or
e-mailed code, second factor included), so the link can never open an existing account. Later visits use the
site's login by e-mailed code. Only a public name (« Camille D. ») is ever shown; the address never is.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model, login
from django.db import IntegrityError, transaction
from django.urls import reverse

from accounts.models import normalize_email
from core import audit, mail, signing

PURPOSE = "civic-participant"
BACKEND = "django.contrib.auth.backends.ModelBackend"


def public_name(full_name: str) -> str:
    """« Camille Durand » → « Camille D. »; what every page shows of a participant."""
    words = full_name.split()
    if not words:
        return "Participant·e"
    return words[0] if len(words) == 1 else f"{words[0]} {words[-1][0].upper()}."


def name_of(user) -> str:
    return public_name(user.full_name) if user.full_name else f"Participant·e n° {user.pk}"


def link_days() -> timedelta:
    return timedelta(days=settings.ANCRAGE_CIVIC_LINK_DAYS)


def request_account(email: str, full_name: str, next_url: str = "") -> None:
    """Send the link that creates the account (or, for a known address, the way to log in)."""
    email = normalize_email(email)
    if get_user_model().objects.filter(email__iexact=email).exists():
        mail.send("civic_account_exists", [email], {"login_url": reverse("account_login")})
        return
    token = signing.make_token(PURPOSE, {"e": email, "n": full_name, "u": next_url}, single_use=True)
    url = reverse("civic:participant-confirm", args=[token])
    mail.send("civic_account_confirm", [email], {"url": url, "days": settings.ANCRAGE_CIVIC_LINK_DAYS})


def read(token: str, consume: bool) -> dict:
    return signing.read_token(token, PURPOSE, max_age=link_days(), single_use=True, consume=consume)


def confirm_account(request, token: str):
    """The POST of the link's page: create the account and log it in. Returns (user, next_url)."""
    value = read(token, consume=True)
    users = get_user_model().objects
    try:
        with transaction.atomic():
            user = users.create_user(value["e"], None, full_name=value["n"][:150])
    except IntegrityError as exc:  # created meanwhile (another link): never log into an existing account
        raise signing.UsedLink from exc
    audit.record(user, "compte de participation créé", user=user)
    login(request, user, backend=BACKEND)
    return user, value.get("u") or reverse("civic:debates")
