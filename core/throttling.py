"""The API's rate limits, keyed on the client's address as core/net.py sees it.

DRF's own throttles take the whole X-Forwarded-For header as the client's identity when it is
there, so a visitor who writes a new value in it on every request is never limited, while
everyone behind one proxy that does not send it shares one count. These take `client_ip`:
REMOTE_ADDR, or with TRUSTED_PROXY_COUNT proxies the address the outermost trusted proxy saw.

DRF's throttles also keep the time of every request of the window in one list, read, pickled,
compressed and written back on every request: at 600 a minute, up to 600 entries a request
(and at the benchmark's raised limits, 2 ms of zlib alone). These count instead: one counter
per client, made by its first request of a window and expiring with it (Redis INCR, one round
trip), the same cost at any rate. The window starts at the client's first request, so the
limit is "N requests within the duration from the first one".

The counts live in the default cache: Redis when REDIS_URL is set (required in production),
so every gunicorn worker counts against the same limit.
"""

from rest_framework import throttling

from core.net import client_ip


class CountingMixin:
    def get_ident(self, request):
        return client_ip(request) or "unknown"

    def allow_request(self, request, view):
        if self.rate is None:
            return True
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        self.now = self.timer()
        try:
            count = self.cache.incr(self.key)
        except ValueError:  # the first request of a window (or its counter just expired)
            if self.cache.add(self.key, 1, self.duration):
                self.started = self.now
                count = 1
            else:  # another worker's request made it meanwhile
                count = self.cache.incr(self.key)
        if count <= self.num_requests:
            return True
        return self.throttle_failure()

    def wait(self):
        """Seconds until the window ends (its counter's time to live where the cache says,
        else the whole duration)."""
        ttl = getattr(self.cache, "ttl", None)
        left = ttl(self.key) if ttl is not None else None
        return float(left) if left is not None and left >= 0 else float(self.duration)


class AnonRateThrottle(CountingMixin, throttling.AnonRateThrottle):
    """Per address, for requests without a token or session."""


class UserRateThrottle(CountingMixin, throttling.UserRateThrottle):
    """Per user (token or session); per address for requests without one."""
