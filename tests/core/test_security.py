"""Secure by default: no start without a secret, `check --deploy` clean in production, the headers."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": secrets.token_urlsafe(64),
    "ALLOWED_HOSTS": "ancrage.example.fr",
    "ANCRAGE_HTTPS": "true",
    "ANCRAGE_SITE_URL": "https://ancrage.example.fr",
    "EMAIL_URL": "smtp://ancrage:motdepasse@smtp.example.fr:587",
    "DEFAULT_FROM_EMAIL": "ne-pas-repondre@ancrage.example.fr",
}


def _manage(*args, **env):
    clean = {k: v for k, v in os.environ.items() if k not in PRODUCTION and k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, "SECRET_KEY_FILE": "/nonexistent/secret", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = _manage("check", **{**PRODUCTION, "SECRET_KEY": ""})
    assert result.returncode != 0
    assert "Clé secrète absente" in result.stderr


def test_check_deploy_is_clean_with_production_settings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_says_what_production_lacks():
    result = _manage("check", "--deploy", **{**PRODUCTION, "EMAIL_URL": "console:", "ANCRAGE_SITE_URL": ""})
    assert "ancrage.E001" in result.stderr and "ancrage.E002" in result.stderr


@pytest.mark.django_db
def test_every_page_has_a_strict_csp_and_the_other_headers(client):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "style-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["Permissions-Policy"].startswith("geolocation=(self)")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert len(response["X-Request-Id"]) == 16


def test_static_files_get_hashed_names_outside_tests():
    result = _manage(
        "shell", "-c", "from django.conf import settings; print(settings.STORAGES['staticfiles'])", SECRET_KEY="x" * 50
    )
    assert "CompressedManifestStaticFilesStorage" in result.stdout, result.stderr


def test_collectstatic_gives_hashed_names_as_make_run_does(tmp_path, settings):
    """`make setup` runs collectstatic with hashed names: a vendored file pointing at a missing one breaks it."""
    import json

    from django.core.management import call_command

    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", "--noinput", verbosity=0)
    paths = json.loads((tmp_path / "staticfiles.json").read_text())["paths"]
    assert paths["vendor/leaflet/leaflet.js"] != "vendor/leaflet/leaflet.js"
    assert (tmp_path / (paths["web/site.css"] + ".gz")).exists()
