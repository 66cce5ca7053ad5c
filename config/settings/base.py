"""Settings shared by every environment. Values that differ come from the environment."""

import datetime
from pathlib import Path

import environ
from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
if (BASE_DIR / ".env").is_file():
    environ.Env.read_env(BASE_DIR / ".env")

INSTALLED_APPS = [
    "accounts.apps.PortalAdminConfig",  # django.contrib.admin, its site asking accounts.roles
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "csp",
    "rest_framework",
    "drf_spectacular",
    "django_filters",
    "import_export",
    "simple_history",
    # Sign-in: the lock-out after repeated wrong passwords and the second factor
    # (docs/architecture.md, Sign-in).
    "accounts.signin_apps.LockoutsConfig",  # django-axes
    "django_otp",
    "accounts.signin_apps.AuthenticatorAppsConfig",  # django_otp.plugins.otp_totp
    "accounts.signin_apps.RecoveryCodesConfig",  # django_otp.plugins.otp_static
    "core",
    "accounts",
    "governorates",
    "pillars",
    "policy",
    "indicators",
    "reporting",
    "analytics",
    "followup",
    "audit",
    "jobs",
    # The top layer (pyproject.toml, [tool.importlinter]): commands that join every app
    # (seed_demo).
    "config",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy (CONTENT_SECURITY_POLICY below), Permissions-Policy, and
    # Cache-Control: no-store for signed-in people (core/headers.py).
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Whole public pages for visitors from the cache, before sessions, the database and
    # templates (core/cache.py).
    "core.cache.PublicPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Whether the session has given its second factor (request.user.is_verified()).
    "django_otp.middleware.OTPMiddleware",
    # ?lang=, then the signed-in person's language; Eastern Arabic digits for those who chose them.
    "core.middleware.PreferencesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "core.headers.SecurityHeadersMiddleware",
    # Staff and the Directorate are signed out after IDLE_TIMEOUT_MINUTES without a request.
    "accounts.middleware.IdleTimeoutMiddleware",
    # Staff and the Directorate give a code after the password before anything else.
    "accounts.middleware.SecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Records the request's user on every history row, admin and import included.
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last: turns a refused sign-in of a locked account into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "accounts.context_processors.navigation",
            ],
        },
    },
]

# An embedded SQLite file in the project folder unless DATABASE_URL says otherwise.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("ar", _("Arabic")),
    ("ckb", _("Kurdish (Sorani)")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Our corrections to Django's number and date formats (config/formats/<language>/formats.py).
FORMAT_MODULE_PATH = ["config.formats"]
# The admin's "revert to this version" would write a whole old row past the services (the
# stage and status rules, the plan's validation): a correction is a new change instead.
SIMPLE_HISTORY_REVERT_DISABLED = True
TIME_ZONE = "Asia/Baghdad"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploaded evidence lives here, outside the static files, and is served by views that check access.
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# The lock-out check comes first: a locked account is refused before its password is tried.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # Passwords as ModelBackend checks them; permissions from active memberships only.
    "accounts.backends.MembershipBackend",
]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "landing"  # each person's own page (config/paths.py, accounts.roles.landing)
# A post refused by the CSRF check gets a page in the person's language that keeps what they
# typed (core/csrf.py), not Django's English one.
CSRF_FAILURE_VIEW = "core.csrf.csrf_failure"
LOGOUT_REDIRECT_URL = "login"

# The cache holds the API's rate-limit counts. Redis when REDIS_URL is set (production requires
# it: every worker must count against the same limit); else memory of one process, which is
# enough for the quick start and the tests.
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            # django-redis: compression of the cached page figures and API lists, and the
            # client the Celery broker's library already brings (docs/architecture.md).
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", default="wps"),
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                "COMPRESSOR": "django_redis.compressors.zlib.ZlibCompressor",
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# How long the dashboards' figures and the API's lists stay cached for visitors and partners
# (analytics/cache.py); their keys change with every refresh of the figures, so this only
# bounds what a change outside the plan and the reports (a follow-up note) takes to show.
# 0 turns the cache off.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)

# When the dashboards' summary figures (analytics/figures.py) are refreshed after a change:
# "on_commit" (once the transaction commits), or "immediate" (in the same transaction; the
# tests, whose transactions never commit).
FIGURES_REFRESH = env("FIGURES_REFRESH", default="on_commit")
# Background work on Celery (config/celery.py), with Redis as the broker. Without a broker
# (the quick start) every task runs at once in the process that asks for it: `make run` needs
# nothing more. Production sets REDIS_URL (or CELERY_BROKER_URL) and runs `celery -A config
# worker` and one `celery -A config beat` (docs/deployment.md).
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=REDIS_URL)
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
# Jobs keep their own state in the database (jobs.Job); no result backend is needed.
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
# A task is acknowledged when it has finished, so one that a lost worker was running is run
# again (every job runs in one transaction: nothing of the lost run remains).
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# The longest a job may run (seconds); past it the job fails with a message that says so.
JOB_TIME_LIMIT = env.int("JOB_TIME_LIMIT", default=3600)
CELERY_TASK_SOFT_TIME_LIMIT = JOB_TIME_LIMIT
CELERY_TASK_TIME_LIMIT = JOB_TIME_LIMIT + 60
# Redis hands an unacknowledged task to another worker after this long: longer than any job.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 2 * JOB_TIME_LIMIT}
# A worker process that has grown past this (KiB) is replaced after its task.
CELERY_WORKER_MAX_MEMORY_PER_CHILD = env.int("CELERY_WORKER_MAX_MEMORY_KIB", default=300_000)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# What runs on a schedule (celery beat), times in TIME_ZONE.
CELERY_BEAT_SCHEDULE = {
    "reminders": {
        "task": "reporting.send_reminders",
        "schedule": crontab(hour=8, minute=0, day_of_week="sun"),  # the first working day
    },
    "purge-access-log": {
        "task": "audit.purge_access_log",
        "schedule": crontab(hour=2, minute=30),
    },
    "purge-jobs": {
        "task": "jobs.purge",
        "schedule": crontab(hour=3, minute=0),
    },
}
# Sheets of more rows than this are imported in the background by the admin, with a progress
# bar, instead of in the request (which a reverse proxy or gunicorn would time out).
IMPORT_JOB_ROWS = env.int("IMPORT_JOB_ROWS", default=200)
# Exports of more rows than this are written in the background, then offered for download.
EXPORT_JOB_ROWS = env.int("EXPORT_JOB_ROWS", default=5000)
# How long finished jobs and their files are kept.
JOB_RETENTION_DAYS = env.int("JOB_RETENTION_DAYS", default=7)
# Workbooks people upload (core/workbook.py): the largest file taken, and the most its ZIP may
# unpack to (a small file can unpack to gigabytes).
WORKBOOK_MAX_BYTES = env.int("WORKBOOK_MAX_BYTES", default=20 * 1024 * 1024)
WORKBOOK_MAX_UNPACKED_BYTES = env.int("WORKBOOK_MAX_UNPACKED_BYTES", default=400 * 1024 * 1024)

# How many reverse proxies stand in front of the application server, each appending to
# X-Forwarded-For (core/net.py): 0 trusts no header. The sign-in lock-out, the API's rate limits
# and the access log key on the client address this gives.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)

# Sign-in lock-out (django-axes): after AXES_FAILURE_LIMIT wrong passwords in a row for one
# account from one address, that account cannot sign in from that address for the cool-off
# time; other addresses, and other accounts from the same address, are not affected, so one
# attacker behind a shared proxy does not lock everyone out. Each further attempt during the
# lock-out starts the cool-off again. A Directorate admin unlocks in the admin (accounts/admin.py).
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=30)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=60))
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "core.net.client_ip"
AXES_LOCKOUT_CALLABLE = "accounts.lockout.lockout_response"
AXES_HTTP_RESPONSE_CODE = 429

# Two-factor sign-in (django-otp, accounts/two_factor.py): the name the authenticator app
# shows for the codes, and the admin never shows another person's key or QR code.
OTP_TOTP_ISSUER = env("OTP_TOTP_ISSUER", default="Women empowerment tracker")
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# Accounts that need the second factor are signed out after this many minutes without a
# request (accounts/middleware.py); the others keep the ordinary session (SESSION_COOKIE_AGE).
IDLE_TIMEOUT_MINUTES = env.int("IDLE_TIMEOUT_MINUTES", default=30)
# The time of the last request is written to the session at most this often.
IDLE_TIMEOUT_STAMP_SECONDS = 60

# How long the access log (audit.AccessEvent) keeps its events; `manage.py purge_access_log`
# removes older ones (run it daily from cron).
ACCESS_LOG_RETENTION_DAYS = env.int("ACCESS_LOG_RETENTION_DAYS", default=365)

# Protection and GBV figures below this number are hidden from the public (survivor safety).
SMALL_NUMBER_THRESHOLD = env.int("SMALL_NUMBER_THRESHOLD", default=5)

# The IATI activity file (analytics/iati.py, /api/v1/iati/): the publisher's IATI organisation
# identifier ({registration agency}-{number}, the one of its IATI Registry account), its
# OrganisationType (10: government) and its name when a plan names no owner. "IQ-WED" is a
# placeholder for the Women Empowerment Directorate until it registers (docs/api.md).
IATI_REPORTING_ORG_REF = env("IATI_REPORTING_ORG_REF", default="IQ-WED")
IATI_REPORTING_ORG_TYPE = env("IATI_REPORTING_ORG_TYPE", default="10")
IATI_REPORTING_ORG_NAME = env("IATI_REPORTING_ORG_NAME", default="Women Empowerment Directorate")

# Evidence files: allowed kinds are checked by name and by content (reporting/evidence.py).
EVIDENCE_MAX_BYTES = env.int("EVIDENCE_MAX_BYTES", default=10 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o640

EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="tracker@localhost")
# The address of the portal, for links in e-mails.
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")

# Spreadsheet import and export (django-import-export).
IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_SKIP_ADMIN_LOG = False
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "import"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "view"
IMPORT_EXPORT_CHUNK_SIZE = 500

REST_FRAMEWORK = {
    # The token first: a request without credentials then gets 401 with WWW-Authenticate.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "accounts.api_access.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["accounts.api_access.ApiAccess"],
    "DEFAULT_PAGINATION_CLASS": "core.api.PagePagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.OrderingFilter",
        "rest_framework.filters.SearchFilter",
    ],
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "core.api.CSVRenderer",
        "core.api.XLSXRenderer",
    ],
    "DEFAULT_PARSER_CLASSES": ["core.parsers.BoundedJSONParser"],  # nesting limit: 400, not 500
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "core.api.exception_handler",
    "DEFAULT_THROTTLE_CLASSES": [
        "core.throttling.AnonRateThrottle",
        "core.throttling.UserRateThrottle",
    ],
    # Per token (user) and per client address (core/net.py) for visitors, counted in the
    # default cache (CACHES); raise them with the environment.
    "DEFAULT_THROTTLE_RATES": {
        "anon": env("API_THROTTLE_ANON", default="60/minute"),
        "user": env("API_THROTTLE_USER", default="600/minute"),
    },
    "DEFAULT_VERSIONING_CLASS": None,
}

SPECTACULAR_SETTINGS = {
    "TITLE": "National Policy tracker API",
    "DESCRIPTION": (
        "The plan of the National Policy for Empowerment of Iraqi Women (2021-2024) and its "
        "approved progress, for partners and reporting tools. Read docs/api.md for a guide. "
        "Authenticate with `Authorization: Token <key>`; without a token only published data "
        "is readable. Every list takes `?format=csv` or `?format=xlsx`."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "core.api.document_common_errors",
    ],
    "ENUM_NAME_OVERRIDES": {
        "ActivityStatusEnum": "policy.models.Activity.Status",
        "PolicyStatusEnum": "policy.models.Policy.Status",
        "PeriodStatusEnum": "indicators.models.ReportingPeriod.Status",
        "ReportStatusEnum": "reporting.models.ReportStatus",
        "FollowUpStatusEnum": "followup.models.FollowUpStatus",
        "LegalStageEnum": "followup.models.Stage",
    },
}

SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
}

# Content-Security-Policy on every response (django-csp): only this site's own scripts, styles,
# images and fonts; no inline script or style (the bars and the map use classes), no frames, no
# plug-ins, forms post only here. The API reference (/api/docs/) is a plain page, no script.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}
