"""The access log: who signed in (or failed to), who used a token, exported or downloaded what,
and who changed accounts, memberships and tokens; from where and when.

Everything writes through `record()`. Kept free of model imports at module level, so that any
app (and DRF's renderers, loaded while DRF starts) can import it."""

import datetime

from django.conf import settings

_FROM_REQUEST = object()

# A token's use is logged once per hour per token and client address (token_used).
TOKEN_USE_INTERVAL = datetime.timedelta(hours=1)


def current_request():
    """The request being answered on this thread, if any (set by simple-history's middleware),
    for writes that happen in services and signals without a request at hand."""
    from simple_history.models import HistoricalRecords

    return getattr(HistoricalRecords.context, "request", None)


def _http(request):
    return getattr(request, "_request", request)  # a DRF Request wraps Django's


def _text(value):
    """What PostgreSQL can store: a NUL (which neither text nor JSON columns take) becomes the
    replacement character, so a hostile address is still logged, and visibly."""
    if isinstance(value, str):
        return value.replace("\x00", "\ufffd")
    if isinstance(value, dict):
        return {_text(k): _text(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_text(v) for v in value]
    return value


def record(request, kind, *, actor=_FROM_REQUEST, target=None, username=None, **details):
    """Add one event to the access log and return it.

    `request`: Django's or DRF's, or None (then the current request, if any, gives the address
    and browser); `actor`: the account acting (by default the request's signed-in user; None
    for none); `target`: a model instance or a text saying what was acted on; `username`: kept
    as text, by default the actor's (for failed sign-ins, the name typed); `details`: anything
    JSON can hold. Never pass a password or a key here."""
    from audit.models import AccessEvent
    from core.net import client_ip

    http = _http(request) if request is not None else _http(current_request())
    if actor is _FROM_REQUEST:
        user = getattr(http, "user", None) if http is not None else None
        actor = user if user is not None and user.is_authenticated else None
    if username is None:
        username = actor.get_username() if actor is not None else ""
    event = AccessEvent(
        kind=kind,
        actor=actor,
        username=_text(str(username))[:150],
        details=_text(details),
    )
    if http is not None:
        event.ip = client_ip(http)
        event.user_agent = _text(http.META.get("HTTP_USER_AGENT", ""))[:255]
        event.path = _text(http.path)[:255]
        event.method = http.method or ""
    if target is not None:
        if hasattr(target, "_meta"):
            event.target_type = target._meta.label_lower
            event.target_id = str(target.pk or "")[:64]
        event.target = _text(str(target))[:255]
    event.save()
    return event


def token_used(request, token):
    """Log a token's use at most once per TOKEN_USE_INTERVAL for each address it comes from
    (the shared cache decides; a second address within the hour is logged, which is what a
    stolen key looks like)."""
    from django.core.cache import cache

    from audit.models import Kind
    from core.net import client_ip

    ip = client_ip(_http(request)) or "-"
    key = f"audit:token-used:{token.pk}:{token.prefix}:{ip}"
    if cache.add(key, True, timeout=int(TOKEN_USE_INTERVAL.total_seconds())):
        record(request, Kind.TOKEN_USED, actor=token.user, target=token)


def record_export(request, what, **details):
    """Log an export (a CSV or XLSX file) by a signed-in account. Visitors' downloads are of
    published figures only and are not logged (the web server's log has them)."""
    from audit.models import Kind

    http = _http(request)
    user = getattr(http, "user", None)
    if user is None or not user.is_authenticated:
        return None
    query = {k: v[:200] for k, v in http.GET.items()}
    return record(request, Kind.EXPORT, target=what, query=query, **details)


def retention_days() -> int:
    return getattr(settings, "ACCESS_LOG_RETENTION_DAYS", 365)
