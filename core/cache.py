"""The cache of what visitors and partners read most: the figures of the dashboards (the
context of each page, not its HTML, which holds a CSRF token) and the API's lists.

A key holds the figures version (analytics/figures.py: it changes on every refresh, so an
approval shows at once), the language, the audience and the address. Signed-in staff, and
anyone whose view depends on who they are (reporters, focal points), are never served from the
cache. The cache is Redis when REDIS_URL is set (django-redis), else the memory of one process.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils import translation


def audience(request):
    """ "visitor" (not signed in), "partner" (signed in, not staff, partner memberships only),
    or None: not served from the cache."""
    user = request.user
    if not user.is_authenticated:
        return "visitor"
    if user.is_staff:
        return None
    from accounts.models import Role
    from reporting import permissions

    roles = {m.role for m in permissions.memberships(user)}
    return "partner" if roles == {Role.PARTNER_VIEWER} else None


def key(request, kind, who) -> str:
    # The version lives with the figures (analytics/models.py FigureState); read at run time,
    # so that the plan apps, which use this module for their API lists, do not import it.
    from analytics import figures

    address = f"{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode()).hexdigest()[:32]
    return f"{kind}:v{figures.version()}:{translation.get_language()}:{who}:{digest}"


def cached(request, kind, compute, head=None):
    """compute(), or what it gave for the same address, audience, language and figures. A
    page's context (a dict) also gets `fragment_key` and `fragment_seconds`, for the
    template's {% page_body %} around the page's body (never its header: the sign-out and language
    forms hold the visitor's own CSRF token); none for the others.

    `head(context)`, for a view that only renders its template, gives the little the template
    needs outside its body (the title's object). Once the body is cached, a request then gets
    that and the body, and the page's whole context (hundreds of rows of a pillar's indicators)
    is neither read from the cache nor unpickled."""
    who = audience(request) if settings.PAGE_CACHE_SECONDS else None
    if who is None:
        return _with_fragment(compute(), "", 0)
    name = key(request, kind, who)
    seconds = settings.PAGE_CACHE_SECONDS
    if head is not None:
        hit = cache.get_many([f"head:{name}", f"body:{name}"])
        if len(hit) == 2:
            return {
                **hit[f"head:{name}"],
                "fragment_key": name,
                "fragment_seconds": seconds,
                "fragment_body": hit[f"body:{name}"],
            }
    value = cache.get(name)
    if value is None:
        value = compute()
        cache.set(name, value, seconds)
    if head is not None and isinstance(value, dict):
        cache.set(f"head:{name}", head(value), seconds)
    return _with_fragment(value, name, seconds)


def _with_fragment(value, name, seconds):
    if isinstance(value, dict):
        return {**value, "fragment_key": name, "fragment_seconds": seconds}
    return value


class CachedListMixin:
    """An API list served from the cache for visitors and partners (throttles, permissions
    and authentication still run first). The access log still gets its line when a cached
    list held values of sensitive indicators (analytics/api.py)."""

    def list(self, request, *args, **kwargs):
        from rest_framework.response import Response

        who = audience(request) if settings.PAGE_CACHE_SECONDS else None
        if who is None:
            return super().list(request, *args, **kwargs)
        name = key(request, f"api-{self.basename}", who)
        hit = cache.get(name)
        if hit is not None:
            data, seen = hit
            if seen:
                self.__dict__.setdefault("_sensitive_seen", set()).update(seen)
            return Response(data)
        response = super().list(request, *args, **kwargs)
        if response.status_code == 200:
            seen = sorted(getattr(self, "_sensitive_seen", ()))
            cache.set(name, (response.data, seen), settings.PAGE_CACHE_SECONDS)
        return response
