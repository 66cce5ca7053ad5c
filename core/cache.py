"""The cache of what visitors and partners read most: whole public pages for visitors
(PublicPageCacheMiddleware), the figures and the body of the dashboards for partners (never
the header, which holds their own CSRF token), and the API's lists.

A key holds the figures token (token(): it changes after every refresh of the figures commits,
so an approval shows at once), the language, the audience and the address. Signed-in staff,
and anyone whose view depends on who they are (reporters, focal points), are never served from
the cache. The cache is Redis when REDIS_URL is set (django-redis), else the memory of one
process.
"""

import hashlib
import secrets

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils import translation

TOKEN_KEY = "figures-token"

# What this module asks of the apps above it, which they give when they load (their
# AppConfig.ready): core imports no app. `audience(user)` says whose view a signed-in person
# gets ("partner", or None: never from the cache); `version()` is the figures' version, the
# token of one process's own memory.
HOOKS = {"audience": lambda user: None, "version": lambda: 0}


def configure(*, audience=None, version=None) -> None:
    if audience is not None:
        HOOKS["audience"] = audience
    if version is not None:
        HOOKS["version"] = version


def _shared() -> bool:
    """Whether every process reads the same cache (Redis), not its own memory."""
    return bool(getattr(settings, "REDIS_URL", ""))


def token() -> str:
    """What the cached pages and lists of the current figures are filed under. With Redis, a
    random token kept there, replaced after every refresh of the figures commits (publish());
    when it is missing (evicted, cleared) a new one is made, so nothing cached before can be
    served. No database query: a cached page costs one round trip to Redis. In one process's
    own memory (the quick start, the tests), the figures version from the database."""
    if not _shared():
        return str(HOOKS["version"]())
    value = cache.get(TOKEN_KEY)
    if value is None:
        cache.add(TOKEN_KEY, f"x{secrets.token_hex(6)}", None)
        value = cache.get(TOKEN_KEY)
    return value


def publish(version):
    """A refresh of the figures has committed (analytics/figures.py): what was cached before
    is not served again."""
    if _shared():
        cache.set(TOKEN_KEY, f"{version}-{secrets.token_hex(6)}", None)


def audience(request):
    """ "visitor" (not signed in), "partner" (signed in, not staff, partner memberships only),
    or None: not served from the cache."""
    user = request.user
    if not user.is_authenticated:
        return "visitor"
    return HOOKS["audience"](user)


def _digest(request) -> str:
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return hashlib.sha256(address.encode()).hexdigest()[:32]


def key(request, kind, who) -> str:
    return f"{kind}:v{token()}:{translation.get_language()}:{who}:{_digest(request)}"


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
    if who == "visitor" and getattr(request, "whole_page_key", None):
        # PublicPageCacheMiddleware keeps the whole response: nothing to keep here.
        request.whole_page_cacheable = True
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


# -- whole pages for visitors ---------------------------------------------------------------


def public_page(view):
    """Marks a view whose page is the same for every visitor (no account, no cookie): its
    whole response may be cached by PublicPageCacheMiddleware (the view still decides, through
    cached(), for each request)."""
    view.public_page = True
    return view


class PublicPageCacheMiddleware:
    """Whole public pages for visitors, served from the cache before the rest of the stack
    runs: one round trip to Redis (the figures token and the page together), no session, no
    database, no template. Comes right after WhiteNoise (the security and CSP middleware above
    it still add their headers to every response).

    Only for a GET without a session or messages cookie (a visitor), to a view marked
    public_page whose response the view itself allowed (cached() for the audience "visitor"):
    an HTML page with status 200 that sets no cookie. Such a page holds no CSRF token and no
    message (base.html); the language form posts without a token for visitors
    (accounts.views.language_set). The key holds the language the request asks for (?lang=,
    the language cookie, Accept-Language), the scheme, host and full address; the entry holds
    the figures token it was made under, and is served only while that token is current."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = self._key(request)
        if key is None:
            return self.get_response(request)
        request.whole_page_key = key
        current, stored = _current_and_stored(key)
        if stored is not None and stored[0] == current:
            return _replay(stored)
        response = self.get_response(request)
        if getattr(request, "whole_page_cacheable", False) and _storable(request, response):
            headers = [(k, v) for k, v in response.items() if k.lower() != "content-length"]
            entry = (current, response.status_code, headers, response.content)
            cache.set(key, entry, settings.PAGE_CACHE_SECONDS)
        return response

    @staticmethod
    def _key(request):
        if request.method != "GET" or not settings.PAGE_CACHE_SECONDS:
            return None
        cookies = request.COOKIES
        if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
            return None
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return None
        if not getattr(match.func, "public_page", False):
            return None
        return f"page:{_asked_language(request)}:{_digest(request)}"


def _asked_language(request) -> str:
    """The language the page will be in (core.middleware and Django's LocaleMiddleware)."""
    from core.middleware import LANGUAGE_QUERY_PARAMETER

    asked = request.GET.get(LANGUAGE_QUERY_PARAMETER)
    if asked in dict(settings.LANGUAGES):
        return asked
    return translation.get_language_from_request(request)


def _current_and_stored(key):
    """(the current token, the stored entry or None): one round trip with Redis."""
    if not _shared():
        return token(), cache.get(key)
    found = cache.get_many([TOKEN_KEY, key])
    current = found.get(TOKEN_KEY)
    if current is None:
        return token(), None
    return current, found.get(key)


def _replay(entry):
    _token, status, headers, content = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response


def _storable(request, response) -> bool:
    user = getattr(request, "user", None)
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and response.get("Content-Type", "").startswith("text/html")
        and not (user is not None and user.is_authenticated)
        and "no-store" not in response.get("Cache-Control", "")
        and "private" not in response.get("Cache-Control", "")
    )
