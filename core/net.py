"""Who is asking: the client's address as seen behind the configured reverse proxies.

The sign-in lock-out (django-axes), the API's rate limits and the access log all ask this one
function, so that an attacker cannot pass for another address by sending X-Forwarded-For, and
so that everyone behind one proxy is not taken for one client.

`TRUSTED_PROXY_COUNT` says how many proxies stand in front of the application server, each
appending the address it received the request from to X-Forwarded-For. With none (the default,
and the quick start) the address is the connection's own, REMOTE_ADDR, and the header is
ignored. With N, the client is the N-th address from the right: what the outermost trusted
proxy saw; anything further left was written by the client and is not believed.
"""

import ipaddress

from django.conf import settings


def _address(text):
    try:
        return str(ipaddress.ip_address(text.strip()))
    except ValueError:
        return None


def client_ip(request) -> str | None:
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies > 0:
        forwarded = [a for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a]
        if len(forwarded) >= proxies:
            address = _address(forwarded[-proxies])
            if address:
                return address
    return _address(remote) if remote else None
