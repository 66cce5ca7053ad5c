"""The page for a post refused by the CSRF check (settings.CSRF_FAILURE_VIEW), in place of
Django's English "CSRF verification failed": in the person's language, it says what happened
and keeps what they typed, to copy or to send again with a fresh token.

Sending again is offered only for a post from this site's own pages (its Origin, or else its
Referer, names this host): a form on another site must not get a page here that invites the
person to send the other site's fields with a valid token."""

from urllib.parse import urlsplit

from django.shortcuts import render

from core.kept_text import posted_text, shown_text


def _from_this_site(request):
    origin = request.headers.get("Origin") or request.headers.get("Referer") or ""
    parts = urlsplit(origin)
    return bool(parts.netloc) and parts.netloc == request.get_host()


def csrf_failure(request, reason=""):
    own = request.method == "POST" and _from_this_site(request)
    kept = posted_text(request.POST) if own else []
    return render(
        request,
        "errors/csrf_failure.html",
        {
            "kept": kept,
            "shown": shown_text(kept),
            "action": request.path,
            "had_files": own and bool(request.FILES),
        },
        status=403,
    )
