"""The one settings module of Ancrage, driven by environment variables.

See `.env.example` for every variable and its meaning.
"""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from ancrage.env import env_bool, env_email, env_int, env_list, env_str, load_env_file, origin_of, read_secret_file

BASE_DIR = Path(__file__).resolve().parent.parent
load_env_file(BASE_DIR / ".env")
VAR_DIR = Path(env_str("ANCRAGE_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", False)
# The secret key: SECRET_KEY, or the file `make run` writes on first run (var/secret_key, outside git).
SECRET_KEY = env_str("SECRET_KEY") or read_secret_file(env_str("SECRET_KEY_FILE", str(VAR_DIR / "secret_key")))
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured(
        "Clé secrète absente ou trop courte : définissez SECRET_KEY (50 caractères aléatoires ou plus) ou lancez "
        "« make secret », qui l’écrit dans var/secret_key."
    )
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
    "accounts",
    "moderation",
    "territory",
    "directory",
    "datahub",
    "freshness",
    "contributions",
    "proposals",
    "orientation",
    "referrals",
    "agenda",
    "network",
    "rights",
    "participation",
    "civic",
    "observatory",
    "algorithms",
    "opendata",
    "api",
    "web",
    "core",
    "django_tasks",
    "core.apps.TasksConfig",  # django_tasks_db, named in French
    "core.apps.AxesConfig",  # django-axes, named in French
    "allauth",
    "allauth.account",
    "core.apps.MFAConfig",  # allauth.mfa, named in French
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.PlatformHeadersMiddleware",
    # Above everything that reads the database: a reading request whose connection was cut is tried again.
    "core.middleware.DatabaseRetryMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "core.i18n.FrenchOnlyPagesMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "web.middleware.FrenchErrorPagesMiddleware",
    "axes.middleware.AxesMiddleware",
    "allauth.account.middleware.AccountMiddleware",
]
# People log in with their e-mail address (accounts.User); roles and structures: accounts/permissions/.
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
    "accounts.permissions.RoleBackend",
]
# Login (django-allauth, see ARCHITECTURE.md): by e-mail and password, or by a code sent by e-mail; optional
# second factor (TOTP, with recovery codes). No public sign-up: accounts come from invitations and coordinators.
LOGIN_URL = "/connexion/"
LOGIN_REDIRECT_URL = "/compte/"
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
# A code is valid this many seconds (people may need time to find the e-mail).
ACCOUNT_LOGIN_BY_CODE_TIMEOUT = env_int("ANCRAGE_LOGIN_CODE_SECONDS", 900)
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
# Invitations to join a structure: the e-mailed link works this many days, once.
ANCRAGE_INVITATION_DAYS = env_int("ANCRAGE_INVITATION_DAYS", 14)
# Accounts unused this many days are warned by e-mail, then deactivated this many days after the warning.
ANCRAGE_INACTIVE_WARN_DAYS = env_int("ANCRAGE_INACTIVE_WARN_DAYS", 365)
ANCRAGE_INACTIVE_DEACTIVATE_DAYS = env_int("ANCRAGE_INACTIVE_DEACTIVATE_DAYS", 30)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env_str("ANCRAGE_SITE_NAME", "Ancrage")

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
                "core.i18n.context",
                "accounts.context_processors.roles",
            ],
        },
    },
    {
        # Plain text (an e-mail's subject and body): the same templates, without HTML escaping (« l’Habitat »,
        # not « l&#x27;Habitat »). Chosen with `using="text"` (core/mail.py).
        "NAME": "text",
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {"autoescape": False},
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'ancrage.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        # A persistent connection cut by the server (restart, failover) is replaced, not turned into an error.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # WAL lets readers work while an import writes; a writer takes the write lock when its transaction starts
    # and waits up to 20 s for another process (web, worker) instead of failing.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        init_command="PRAGMA journal_mode=WAL;", timeout=20, transaction_mode="IMMEDIATE"
    )
    # Tests too use a file, as production does (several processes and threads on one database).
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test_ancrage.sqlite3")}
# "progress": a second connection, outside the transaction of the job that reports its progress (an import is one
# transaction), so other processes read it while the job runs (core.jobs.report_progress, core.routers).
# PostgreSQL: the same database. SQLite: a file of its own, since a transaction holds the write lock of its whole file
# (`manage.py migrate --database progress` creates its one table; make run does it).
DATABASES["progress"] = {**DATABASES["default"], "TEST": {"MIRROR": "default"}}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    _main = Path(DATABASES["default"]["NAME"])
    DATABASES["progress"].update(
        NAME=str(_main.with_name(f"{_main.stem}-progress{_main.suffix}")),
        TEST={"NAME": str(VAR_DIR / "test_ancrage-progress.sqlite3")},
    )
DATABASE_ROUTERS = ["core.routers.ProgressRouter"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

# French is the source; the other languages translate the public pages (core/i18n.py says which, and how far
# each translation was reviewed). Their message catalogues are in locale/, compiled by `make` (compilemessages).
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français"), ("en", "English"), ("ar", "العربية"), ("uk", "Українська"), ("fa", "دری / فارسی")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Pre-compressed (gzip) static files with hashed names, cached for a year by browsers (WhiteNoise marks
    # them immutable); needs `collectstatic` before the server starts (make run does it).
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if env_bool("ANCRAGE_STATIC_MANIFEST", True)
        else "whitenoise.storage.CompressedStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG

# Served over HTTPS (production): redirect HTTP, HSTS, secure cookies.
ANCRAGE_HTTPS = env_bool("ANCRAGE_HTTPS", False)
ANCRAGE_PROXY_COUNT = env_int("ANCRAGE_PROXY_COUNT", env_int("ANCRAGE_API_PROXY_COUNT", 0))
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", ANCRAGE_HTTPS)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = ANCRAGE_HTTPS
SECURE_HSTS_SECONDS = 31_536_000 if ANCRAGE_HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("ANCRAGE_HSTS_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("ANCRAGE_HSTS_PRELOAD", False)
# Preloading HSTS commits the whole domain for years: the territory decides (ANCRAGE_HSTS_PRELOAD).
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
if ANCRAGE_PROXY_COUNT:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
ANCRAGE_PERMISSIONS_POLICY = (
    "geolocation=(self), camera=(), microphone=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()"
)

# --- Ancrage ---------------------------------------------------------------
# The public address of the site (links in e-mails).
ANCRAGE_SITE_URL = env_str("ANCRAGE_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
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

# Freshness: each place is checked every CADENCE months (a coordinator may set another cadence per place). When
# it is due, its contact gets one e-mail (at most DAILY_MAX new ones a day), a reminder REMIND_DAYS later, and
# ESCALATE_DAYS after the reminder the coordinators see it as « relance sans réponse ». A place due for more than
# OVERDUE_DAYS is « en retard ». The e-mailed link works LINK_DAYS days, once. Campaigns send BATCH_SIZE
# e-mails, then wait BATCH_PAUSE seconds.
ANCRAGE_FRESHNESS_CADENCE_MONTHS = env_int("ANCRAGE_FRESHNESS_CADENCE_MONTHS", 6)
ANCRAGE_FRESHNESS_DAILY_MAX = env_int("ANCRAGE_FRESHNESS_DAILY_MAX", 200)
ANCRAGE_FRESHNESS_REMIND_DAYS = env_int("ANCRAGE_FRESHNESS_REMIND_DAYS", 14)
ANCRAGE_FRESHNESS_ESCALATE_DAYS = env_int("ANCRAGE_FRESHNESS_ESCALATE_DAYS", 14)
ANCRAGE_FRESHNESS_OVERDUE_DAYS = env_int("ANCRAGE_FRESHNESS_OVERDUE_DAYS", 30)
ANCRAGE_FRESHNESS_LINK_DAYS = env_int("ANCRAGE_FRESHNESS_LINK_DAYS", 60)
ANCRAGE_FRESHNESS_BATCH_SIZE = env_int("ANCRAGE_FRESHNESS_BATCH_SIZE", 50)
ANCRAGE_FRESHNESS_BATCH_PAUSE = env_int("ANCRAGE_FRESHNESS_BATCH_PAUSE", 60)

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
# Temporary information on a place (closures, exceptional hours, messages): announced this many days ahead on
# the place page, deleted this many days after it ended (the daily job directory.tasks.purge_temporary_info).
ANCRAGE_TEMPORARY_NOTICE_DAYS = env_int("ANCRAGE_TEMPORARY_NOTICE_DAYS", 15)
ANCRAGE_TEMPORARY_KEEP_DAYS = env_int("ANCRAGE_TEMPORARY_KEEP_DAYS", 30)
# Error reports (« Signaler une erreur ») are deleted this many days after they were handled.
ANCRAGE_REPORT_RETENTION_DAYS = env_int("ANCRAGE_REPORT_RETENTION_DAYS", 365)

# Shared by every app server: a database table, not process memory. It holds the facts every page reads and
# the results pages of the current minute (`directory/domain/shared.py`, about 8 KB each): beyond MAX_ENTRIES
# rows, the expired ones then a third of the others are deleted.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "ancrage_cache",
        "OPTIONS": {"MAX_ENTRIES": env_int("ANCRAGE_CACHE_MAX_ENTRIES", 5000)},
    }
}
# Public API: requests per minute and per client IP (0: no limit). ANCRAGE_PROXY_COUNT: how many reverse
# proxies stand in front of the app servers (to read the client IP from X-Forwarded-For).
ANCRAGE_API_RATE_LIMIT = env_int("ANCRAGE_API_RATE_LIMIT", 120)
# Public forms (error reports, later registrations and requests): per client and minute.
ANCRAGE_THROTTLE_ENABLED = env_bool("ANCRAGE_THROTTLE_ENABLED", True)
ANCRAGE_FORM_RATE_LIMIT = env_int("ANCRAGE_FORM_RATE_LIMIT", 20)
# Login pages: django-allauth's own limits (per address and per account, in the shared cache table).
if not ANCRAGE_THROTTLE_ENABLED:
    ACCOUNT_RATE_LIMITS = False

# Content-Security-Policy (django-csp): no inline script or style anywhere; map tiles from their server.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", origin_of(ANCRAGE_TILE_URL)],
        "connect-src": [SELF],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Background jobs (django-tasks, database backend) run by `manage.py worker`; periodic jobs, the one place
# they are scheduled: dotted path → "every 15m|2h|1d" or "daily HH:MM" (territory time). Every recurring
# recomputation or purge belongs here (the README lists them); none runs in a web request or from cron.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
ANCRAGE_PERIODIC_JOBS = {
    "datahub.tasks.sync_feeds": "daily 03:15",
    "datahub.tasks.close_interrupted_runs": "every 15m",
    "core.tasks.purge_throttle": "daily 04:00",
    "core.tasks.prune_job_results": "daily 04:10",
    "core.tasks.apply_retention": "daily 04:20",
    "directory.tasks.purge_temporary_info": "daily 04:30",
    "freshness.tasks.send_update_requests": "daily 09:30",
    "freshness.tasks.send_weekly_digest": "every 7d",
    "core.tasks.clear_sessions": "daily 04:30",
    "core.tasks.purge_used_tokens": "daily 04:40",
    "accounts.tasks.deactivate_unused_accounts": "daily 05:00",
    "agenda.tasks.extend_occurrences": "daily 02:40",
    "agenda.tasks.send_reminders": "daily 10:00",
    "referrals.tasks.referral_timers": "daily 08:45",
    "rights.tasks.send_followups": "daily 10:00",
}
ANCRAGE_WORKER_STALE_SECONDS = env_int("ANCRAGE_WORKER_STALE_SECONDS", 120)
# A file sent for a background job (an import uploaded in the back-office) is kept in the database, so a worker on
# another server reads it: refused above this size (MB), deleted when its job ends or after this many days.
ANCRAGE_UPLOAD_MAX_MB = env_int("ANCRAGE_UPLOAD_MAX_MB", 50)
ANCRAGE_UPLOAD_RETENTION_DAYS = env_int("ANCRAGE_UPLOAD_RETENTION_DAYS", 7)
# Login attempts and logins (django-axes: address, browser, account name) are deleted after this many days.
ANCRAGE_LOGIN_LOG_DAYS = env_int("ANCRAGE_LOGIN_LOG_DAYS", 90)

# Retention of personal data (days), applied every night (core.retention): the e-mail a visitor leaves with an
# error report serves to answer them, then is erased.
ANCRAGE_REPORT_EMAIL_DAYS = env_int("ANCRAGE_REPORT_EMAIL_DAYS", 90)
# Proposals made without an account (« Proposer un lieu »): the confirmation link's life, how long an abandoned
# draft (or an unconfirmed proposal) is kept, and when the proposer's e-mail is erased after the decision.
ANCRAGE_PROPOSAL_LINK_DAYS = env_int("ANCRAGE_PROPOSAL_LINK_DAYS", 7)
ANCRAGE_PROPOSAL_DRAFT_DAYS = env_int("ANCRAGE_PROPOSAL_DRAFT_DAYS", 14)
ANCRAGE_PROPOSAL_EMAIL_DAYS = env_int("ANCRAGE_PROPOSAL_EMAIL_DAYS", 90)
# Agenda: how far ahead a recurring event's dates are created (the daily job slides it), the most seats one
# registration may take, and when a registrant's name, e-mail and phone are erased after the event (days).
ANCRAGE_AGENDA_HORIZON_DAYS = env_int("ANCRAGE_AGENDA_HORIZON_DAYS", 365)
ANCRAGE_REGISTRATION_MAX_SEATS = env_int("ANCRAGE_REGISTRATION_MAX_SEATS", 4)
ANCRAGE_REGISTRATION_RETENTION_DAYS = env_int("ANCRAGE_REGISTRATION_RETENTION_DAYS", 30)

# Participation, citizens' requests (/demandes/): the e-mail confirmation link's life, how long a draft or an
# unconfirmed request is kept, the days an author (or a supporter) may contest « fait », when the e-mails of
# authors and supporters are erased after the request is done or closed, the photo's size limit (MB), and the
# distance (metres) within which an open request of the same category is proposed instead of a duplicate.
ANCRAGE_REQUEST_LINK_DAYS = env_int("ANCRAGE_REQUEST_LINK_DAYS", 7)
ANCRAGE_REQUEST_DRAFT_DAYS = env_int("ANCRAGE_REQUEST_DRAFT_DAYS", 7)
ANCRAGE_REQUEST_CONTEST_DAYS = env_int("ANCRAGE_REQUEST_CONTEST_DAYS", 14)
ANCRAGE_REQUEST_EMAIL_DAYS = env_int("ANCRAGE_REQUEST_EMAIL_DAYS", 365)
ANCRAGE_REQUEST_PHOTO_MAX_MB = env_int("ANCRAGE_REQUEST_PHOTO_MAX_MB", 8)
ANCRAGE_REQUEST_NEARBY_METRES = env_int("ANCRAGE_REQUEST_NEARBY_METRES", 300)
# Uploaded files (requests' photos, re-encoded): stored here, served by nginx under MEDIA_URL in production.
MEDIA_ROOT = Path(env_str("ANCRAGE_MEDIA_ROOT", str(VAR_DIR / "media")))
MEDIA_URL = "/media/"
# Referrals (« Adresser une personne »): the structure is reminded once after REMIND_DAYS without an answer, the
# referral expires after EXPIRE_DAYS (also the life of the structure's link); the person's identity, contact and
# message are blanked RETENTION_DAYS after the referral's last event (the row, status and dates stay).
ANCRAGE_REFERRAL_REMIND_DAYS = env_int("ANCRAGE_REFERRAL_REMIND_DAYS", 10)
ANCRAGE_REFERRAL_EXPIRE_DAYS = env_int("ANCRAGE_REFERRAL_EXPIRE_DAYS", 30)
ANCRAGE_REFERRAL_RETENTION_DAYS = env_int("ANCRAGE_REFERRAL_RETENTION_DAYS", 730)
# Orientation: a situation sheet (no name, but a person's circumstances) is deleted this many days after its last
# change.
ANCRAGE_SITUATION_RETENTION_DAYS = env_int("ANCRAGE_SITUATION_RETENTION_DAYS", 90)
# The network (network.retention): a deactivated account's profile is withdrawn and its professional contact
# erased this many days after its last change (0: the next night).
ANCRAGE_NETWORK_INACTIVE_PROFILE_DAYS = env_int("ANCRAGE_NETWORK_INACTIVE_PROFILE_DAYS", 0)

# E-mail: EMAIL_URL=smtp://user:password@host:587?tls=true (production), console (default: printed).
globals().update(env_email("EMAIL_URL", "console:"))
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "ancrage@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Admin login: locked for 15 minutes after 5 failures from one address or on one account (django-axes).
AXES_FAILURE_LIMIT = env_int("ANCRAGE_LOGIN_FAILURES", 5)
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
AXES_CLIENT_IP_CALLABLE = "core.throttle.client_ip"
AXES_LOCKOUT_TEMPLATE = "core/locked.html"
AXES_RESET_ON_SUCCESS = True
# The login is an e-mail address: the lock counts it in lower case, whatever the case typed.
AXES_USERNAME_CALLABLE = "accounts.auth.axes_username"

# Logs: text for a terminal, LOG_FORMAT=json in production (one object a line, with the request id).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "core.logs.RequestIdFilter"}},
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {"()": "core.logs.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": env_str("LOG_FORMAT", "text"),
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # django-axes announces itself at every start, the worker every poll: only their warnings are worth a line.
    "loggers": {"axes": {"level": "WARNING"}, "django_tasks_db": {"level": "WARNING"}},
}

# Optional error reporting (Sentry or a compatible service such as GlitchTip): only when SENTRY_DSN is set;
# no personal data is sent.
if SENTRY_DSN := env_str("SENTRY_DSN"):
    import sentry_sdk

    sentry_sdk.init(dsn=SENTRY_DSN, send_default_pii=False, environment=env_str("SENTRY_ENVIRONMENT", "production"))

# Observatory (observatory/): the survey's weighting and publication. Age × sex margins: a CSV (tranche, sexe,
# population) for the territory, "" for the shipped Essonne file (INSEE RP 2022). Weights are bounded to
# [MIN, MAX] % of the mean weight; a figure on fewer respondents than SUPPRESS_BELOW is not published (« n.d. »);
# a commune has a gap for a need when no service for it lies within GAP_KM of its centre.
ANCRAGE_OBSERVATORY_AGE_SEX_FILE = env_str("ANCRAGE_OBSERVATORY_AGE_SEX_FILE", "")
ANCRAGE_OBSERVATORY_WEIGHT_MIN_PERCENT = env_int("ANCRAGE_OBSERVATORY_WEIGHT_MIN_PERCENT", 20)
ANCRAGE_OBSERVATORY_WEIGHT_MAX_PERCENT = env_int("ANCRAGE_OBSERVATORY_WEIGHT_MAX_PERCENT", 500)
ANCRAGE_OBSERVATORY_SUPPRESS_BELOW = env_int("ANCRAGE_OBSERVATORY_SUPPRESS_BELOW", 30)
ANCRAGE_OBSERVATORY_GAP_KM = env_int("ANCRAGE_OBSERVATORY_GAP_KM", 5)
# Directory: a search for a need in a commune that lists fewer places than this counts as « peu de résultats »
# in the observatory's demand signals (anonymous weekly counts, directory.SearchGap).
ANCRAGE_SEARCH_FEW_RESULTS = env_int("ANCRAGE_SEARCH_FEW_RESULTS", 3)
# Rights pre-check (/droits/): the OpenFisca-France engine process (rights/engine/server.py, its own
# virtualenv), reached over HTTP on the loopback; seconds to wait for a result before the « indisponible » page.
ANCRAGE_RIGHTS_ENGINE_URL = env_str("ANCRAGE_RIGHTS_ENGINE_URL", "http://127.0.0.1:8116").rstrip("/")
ANCRAGE_RIGHTS_ENGINE_TIMEOUT = env_int("ANCRAGE_RIGHTS_ENGINE_TIMEOUT", 15)
# The optional follow-up of a pre-check: days before the e-mail, and days its address is kept unanswered after it.
ANCRAGE_RIGHTS_FOLLOWUP_DAYS = env_int("ANCRAGE_RIGHTS_FOLLOWUP_DAYS", 10)
ANCRAGE_RIGHTS_FOLLOWUP_KEEP_DAYS = env_int("ANCRAGE_RIGHTS_FOLLOWUP_KEEP_DAYS", 30)

# Democratic life (civic/): debates, commitments, councils, citizen juries. A new debate's support threshold
# (« soumise à réponse officielle »); how long a confirmation link (participant account, follower, jury volunteer)
# works; unconfirmed followers and volunteers are deleted after LINK_DAYS; a jury's volunteers are anonymised
# JURY_RETENTION_DAYS after the jury ends.
ANCRAGE_CIVIC_SUPPORT_THRESHOLD = env_int("ANCRAGE_CIVIC_SUPPORT_THRESHOLD", 50)
ANCRAGE_CIVIC_LINK_DAYS = env_int("ANCRAGE_CIVIC_LINK_DAYS", 7)
ANCRAGE_CIVIC_JURY_RETENTION_DAYS = env_int("ANCRAGE_CIVIC_JURY_RETENTION_DAYS", 90)
# A result handed to the accompanying professional (with consent): days its signed link works, then deleted.
ANCRAGE_RIGHTS_HANDOVER_DAYS = env_int("ANCRAGE_RIGHTS_HANDOVER_DAYS", 30)
