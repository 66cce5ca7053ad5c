"""gunicorn's settings: `gunicorn -c config/gunicorn.py config.wsgi`.

Every value can be changed from the environment. The worker time-out is 120 s (gunicorn's own
default of 30 s cut off the admin's import of a few thousand new rows, see
docs/performance.md); nginx's `proxy_read_timeout` must be at least as long.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", min(multiprocessing.cpu_count() * 2 + 1, 8)))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "120"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
# Load Django once, before the workers fork: less memory, and a broken configuration stops the
# server at start instead of in every worker. Django opens database connections lazily, so no
# connection is shared across the fork.
preload_app = True
# A worker is replaced now and then, so that a slow leak cannot grow for ever.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = 200
accesslog = "-"
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
