"""The one settings module of Ancrage, driven by environment variables.

See `.env.example` for every variable and its meaning.
"""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from ancrage.env import env_bool, env_int, env_list, env_str, load_env_file

BASE_DIR = Path(__file__).resolve().parent.parent
load_env_file(BASE_DIR / ".env")
VAR_DIR = Path(env_str("ANCRAGE_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG and not env_bool("ANCRAGE_ALLOW_DEV_SECRET", True):
        raise ImproperlyConfigured("SECRET_KEY must be set in production")
    SECRET_KEY = "dev-only-secret-key-change-me-in-production"  # noqa: S105
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "territory",
    "directory",
    "datahub",
    "opendata",
    "api",
    "web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "web.middleware.FrenchErrorPagesMiddleware",
]

ROOT_URLCONF = "ancrage.urls"
WSGI_APPLICATION = "ancrage.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # templates/admin/: the few overrides of Django's admin templates (admin CSS, labelled regions).
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "web.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'ancrage.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # WAL lets readers work while an import writes.
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = "PRAGMA journal_mode=WAL;"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Pre-compressed (gzip) static files; set ANCRAGE_STATIC_MANIFEST=true in production for
    # hashed names and far-future caching (needs `collectstatic` before the server starts).
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if env_bool("ANCRAGE_STATIC_MANIFEST", False)
        else "whitenoise.storage.CompressedStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG

SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# --- Ancrage ---------------------------------------------------------------
# Home territory: an EPCI SIREN code. It gives the default map centre and the
# communes offered first; search itself works anywhere in France.
ANCRAGE_HOME_EPCI = env_str("ANCRAGE_HOME_EPCI", "200056232")
ANCRAGE_SITE_NAME = env_str("ANCRAGE_SITE_NAME", "Ancrage")
# Map tiles are fetched by the visitor's browser only, never by the server.
ANCRAGE_TILE_URL = env_str("ANCRAGE_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
ANCRAGE_TILE_ATTRIBUTION = env_str("ANCRAGE_TILE_ATTRIBUTION", "© les contributeurs d’OpenStreetMap")
ANCRAGE_DEFAULT_RADIUS_KM = env_int("ANCRAGE_DEFAULT_RADIUS_KM", 10)
ANCRAGE_PAGE_SIZE = env_int("ANCRAGE_PAGE_SIZE", 20)
# Information older than this is flagged as possibly out of date.
ANCRAGE_STALE_AFTER_DAYS = env_int("ANCRAGE_STALE_AFTER_DAYS", 365)
# Places whose information is older than this leave the default search (0: never); a visitor can still
# ask for them with « Inclure les fiches anciennes ».
ANCRAGE_HIDE_AFTER_DAYS = env_int("ANCRAGE_HIDE_AFTER_DAYS", 0)
# The phone line offered when a search finds nothing (empty name or phone: not shown). Default: the
# national digital-help line « Solidarité numérique ».
ANCRAGE_HELP_LINE_NAME = env_str("ANCRAGE_HELP_LINE_NAME", "Solidarité numérique")
ANCRAGE_HELP_LINE_PHONE = env_str("ANCRAGE_HELP_LINE_PHONE", "01 70 772 372")

# Imports (datahub): a run still « En cours » after this many hours died (killed process): shown as failed.
ANCRAGE_IMPORT_MAX_HOURS = env_int("ANCRAGE_IMPORT_MAX_HOURS", 6)
# A feed synchronisation that would flag more than this share (in %) of the feed's records as absent
# from the source asks for confirmation (sync_sources --confirm-absent) instead of applying.
ANCRAGE_SYNC_MAX_ABSENT_PERCENT = env_int("ANCRAGE_SYNC_MAX_ABSENT_PERCENT", 30)
# file:// feed URLs read the server's own files: refused unless allowed (tests, local mirrors).
ANCRAGE_ALLOW_FILE_FEEDS = env_bool("ANCRAGE_ALLOW_FILE_FEEDS", False)

# Legal pages (« Mentions légales », « Données personnelles », « Contact », « Accessibilité »): who publishes
# the site and how to reach them. Set them for your territory; the defaults describe a demonstration.
ANCRAGE_LEGAL = {
    "publisher": env_str("ANCRAGE_PUBLISHER") or "Démonstration d’Ancrage (éditeur à renseigner)",
    "publisher_address": env_str("ANCRAGE_PUBLISHER_ADDRESS", ""),
    "director": env_str("ANCRAGE_PUBLICATION_DIRECTOR", ""),
    "host": env_str("ANCRAGE_HOST_NAME", ""),
    "host_address": env_str("ANCRAGE_HOST_ADDRESS", ""),
    "email": env_str("ANCRAGE_CONTACT_EMAIL", ""),
    "phone": env_str("ANCRAGE_CONTACT_PHONE", ""),
    "postal": env_str("ANCRAGE_CONTACT_ADDRESS", ""),
}
# Error reports (« Signaler une erreur ») are deleted this many days after they were handled.
ANCRAGE_REPORT_RETENTION_DAYS = env_int("ANCRAGE_REPORT_RETENTION_DAYS", 365)

# Shared by every app server (rate limits, throttling): a database table, not process memory.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "ancrage_cache",
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    }
}
# Public API: requests per minute and per client IP (0: no limit), and how many reverse proxies
# stand in front of the app servers (to read the client IP from X-Forwarded-For).
ANCRAGE_API_RATE_LIMIT = env_int("ANCRAGE_API_RATE_LIMIT", 120)
ANCRAGE_API_PROXY_COUNT = env_int("ANCRAGE_API_PROXY_COUNT", 0)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}
