"""The API's rate limits, keyed on the client's address as core/net.py sees it.

DRF's own throttles take the whole X-Forwarded-For header as the client's identity when it is
there, so a visitor who writes a new value in it on every request is never limited, while
everyone behind one proxy that does not send it shares one count. These take `client_ip`:
REMOTE_ADDR, or with TRUSTED_PROXY_COUNT proxies the address the outermost trusted proxy saw.

The counts live in the default cache: Redis when REDIS_URL is set (required in production),
so every gunicorn worker counts against the same limit.
"""

from rest_framework import throttling

from core.net import client_ip


class ClientAddressMixin:
    def get_ident(self, request):
        return client_ip(request) or "unknown"


class AnonRateThrottle(ClientAddressMixin, throttling.AnonRateThrottle):
    """Per address, for requests without a token or session."""


class UserRateThrottle(ClientAddressMixin, throttling.UserRateThrottle):
    """Per user (token or session); per address for requests without one."""
