"""Settings for the test suite. The database still comes from DATABASE_URL (PostgreSQL in CI)."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key-that-is-long-enough-for-the-checks-0123456789"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Evidence uploaded by tests goes to a throw-away folder, never into the project's media/.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="wps-test-media-"))

# The API's throttles would trip the generated-request tests; tests/test_api.py checks them.
REST_FRAMEWORK = {
    **REST_FRAMEWORK,  # noqa: F405
    "DEFAULT_THROTTLE_RATES": {"anon": "100000/minute", "user": "100000/minute"},
}

# The query-count tests compare two requests of a signed-in member of staff; the idle time-out's
# once-a-minute session write (accounts/middleware.py) falling into one of them only would make
# them differ. The clock starts at sign-in; tests/test_signin_idle.py sets this back to 60.
IDLE_TIMEOUT_STAMP_SECONDS = 3600

# Tasks run in the test's own process; tests/test_worker.py runs them through a real worker.
CELERY_TASK_ALWAYS_EAGER = True
