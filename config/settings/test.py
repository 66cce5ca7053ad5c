"""Settings for the test suite. The database still comes from DATABASE_URL (PostgreSQL in CI)."""

import os
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key-that-is-long-enough-for-the-checks-0123456789"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Evidence uploaded by tests goes to a throw-away folder, never into the project's media/.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="wps-test-media-"))

# The API's throttles would trip the generated-request tests; tests/core/test_api.py checks them.
REST_FRAMEWORK = {
    **REST_FRAMEWORK,  # noqa: F405
    "DEFAULT_THROTTLE_RATES": {"anon": "100000/minute", "user": "100000/minute"},
}

# The query-count tests compare two requests of a signed-in member of staff; the idle time-out's
# once-a-minute session write (accounts/middleware.py) falling into one of them only would make
# them differ. The clock starts at sign-in; tests/accounts/test_signin_idle.py sets this back to 60.
IDLE_TIMEOUT_STAMP_SECONDS = 3600
# Pages and lists are not cached in tests (data written by factories changes no version);
# tests/core/test_cache.py turns the cache on.
PAGE_CACHE_SECONDS = 0
FIGURES_REFRESH = "immediate"  # tests run in transactions that never commit (analytics/figures.py)

# Tasks run in the test's own process; tests/jobs/test_worker.py runs them through a real worker.
CELERY_TASK_ALWAYS_EAGER = True

# The suite runs in parallel processes (pytest-xdist: gw0, gw1, ...). Each has its own test
# database (pytest-django adds _gw0, _gw1 to its name) and needs its own Redis database too:
# the tests empty the cache (cache.clear() is FLUSHDB), and the Celery worker of
# tests/jobs/test_worker.py takes the tasks its broker holds. gw0 keeps the database of REDIS_URL
# (15 in CI), gw1 the one below it, and so on.
_XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
if REDIS_URL and _XDIST_WORKER.startswith("gw"):  # noqa: F405
    _url = urlsplit(REDIS_URL)  # noqa: F405
    _base = int(_url.path.strip("/") or 0)
    _index = int(_XDIST_WORKER[2:])
    _db = _base - _index if _index <= _base else _base + _index
    _worker_url = urlunsplit(_url._replace(path=f"/{_db}"))
    if CELERY_BROKER_URL == REDIS_URL:  # noqa: F405
        CELERY_BROKER_URL = _worker_url
    REDIS_URL = _worker_url
    CACHES["default"]["LOCATION"] = REDIS_URL  # noqa: F405
