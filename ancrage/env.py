"""Strict readers for settings taken from environment variables.

A malformed value raises ImproperlyConfigured at start-up instead of silently
meaning something else.
"""

import os
from urllib.parse import parse_qsl, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (true/false), got {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, got {raw!r}") from exc


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def load_env_file(path) -> None:
    """Read KEY=VALUE lines of a `.env` file; variables already set in the environment win."""
    try:
        with open(path, encoding="utf-8") as handle:
            lines = handle.read().splitlines()
    except FileNotFoundError:
        return
    for line in lines:
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        name, value = line.split("=", 1)
        os.environ.setdefault(name.strip(), value.strip().strip("\"'"))


def read_secret_file(path) -> str:
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read().strip()
    except FileNotFoundError:
        return ""


def origin_of(url: str) -> str:
    """`https://tile.example.org/{z}/{x}/{y}.png` → `https://tile.example.org` (for the CSP)."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def env_email(name: str, default: str) -> dict:
    """EMAIL_* settings from one URL: `smtp://user:password@host:587?tls=true`, `console:`, `locmem:`."""
    raw = os.environ.get(name, default).strip() or default
    parts = urlsplit(raw)
    backends = {"console": "console", "locmem": "locmem", "dummy": "dummy", "smtp": "smtp", "smtps": "smtp"}
    if parts.scheme not in backends:
        raise ImproperlyConfigured(f"{name} must be smtp://…, smtps://…, console: or locmem:, got {raw!r}")
    config = {"EMAIL_BACKEND": f"django.core.mail.backends.{backends[parts.scheme]}.EmailBackend"}
    if backends[parts.scheme] == "smtp":
        query = dict(parse_qsl(parts.query))
        config.update(
            EMAIL_HOST=parts.hostname or "localhost",
            EMAIL_PORT=parts.port or (465 if parts.scheme == "smtps" else 587),
            EMAIL_HOST_USER=unquote(parts.username or ""),
            EMAIL_HOST_PASSWORD=unquote(parts.password or ""),
            EMAIL_USE_SSL=parts.scheme == "smtps",
            EMAIL_USE_TLS=parts.scheme == "smtp" and query.get("tls", "true").lower() in _TRUE,
            EMAIL_TIMEOUT=30,
        )
    return config
