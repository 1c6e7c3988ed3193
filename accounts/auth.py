"""Login helpers shared by the login pages and django-axes."""

from accounts.models import normalize_email


def axes_username(request, credentials) -> str:
    """The login django-axes counts failures on: the e-mail address typed, in lower case."""
    value = (credentials or {}).get("username") or (credentials or {}).get("email")
    if value is None and request is not None and request.method == "POST":
        value = request.POST.get("username") or request.POST.get("email") or request.POST.get("login")
    return normalize_email(value or "")
