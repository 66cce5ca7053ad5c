"""The server's side of drafts that survive a bad connection (docs/architecture.md, "Drafts and
the offline queue"): the service worker's script at the root of the site, and the report form's
answers to a save sent by its script (static/js/report-draft.js) or by a person whose session
has ended."""

import hashlib
from functools import cache, wraps

from django.contrib.auth.views import redirect_to_login
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from core.kept_text import posted_text, shown_text

# The header the form's script sends with a save.
SCRIPTED = "X-Draft-Save"


@cache
def _worker_source():
    found = finders.find("js/sw.js")
    if found:
        with open(found, "rb") as source:
            return source.read()
    with staticfiles_storage.open("js/sw.js") as source:
        return source.read()


# The static files the worker keeps for the reporter's pages: their addresses (hashed by
# whitenoise in production) name the worker's cache, so a release that changes one of them
# changes the worker's bytes, the browser installs the new worker, and its activate step deletes
# the old cache with the old files.
CACHED_STATIC = ("css/site.css", "js/report-draft.js", "favicon.svg")


def cache_name(urls):
    """The worker's cache name for these static addresses: wps-reporter-<12 hex digits>."""
    digest = hashlib.sha256("\n".join(urls).encode() + _worker_source()).hexdigest()
    return f"wps-reporter-{digest[:12]}"


@require_GET
def service_worker(request):
    """static/js/sw.js from /sw.js: a worker's scope is at most the folder of its script, and
    the reporter's pages are /my/ and /reports/<n>/edit/."""
    name = cache_name([staticfiles_storage.url(path) for path in CACHED_STATIC])
    source = _worker_source().replace(b'"wps-reporter-v1"', f'"{name}"'.encode())
    response = HttpResponse(source, content_type="text/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = "/"
    # Checked at every visit: a new worker replaces the old one as soon as it is deployed.
    response["Cache-Control"] = "no-cache"
    return response


def mark_conflict(request):
    """The save was refused because the report changed while the person was typing: a
    scripted save is answered 409 (the page keeps the text and says why)."""
    request.report_conflict = True


def keeps_text(view):
    """In place of login_required on the report form. A save that arrives signed out (the
    session expired, or the idle time-out of accounts/middleware.py signed the person out) gets
    a page in their language that says the text is kept in this browser, and shows it, instead
    of a redirect to the sign-in page that drops it. A save sent by the form's script is answered
    {"redirect": url} when it succeeded, so the script can forget the draft and go on."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            if request.method != "POST":
                return redirect_to_login(request.get_full_path())
            return render(
                request,
                "reporting/signed_out.html",
                {"kept": shown_text(posted_text(request.POST)), "next": request.path},
                status=401,
            )
        response = view(request, *args, **kwargs)
        if request.method == "POST" and request.headers.get(SCRIPTED) == "1":
            if response.status_code in (301, 302, 303):
                return JsonResponse({"redirect": response["Location"]})
            if getattr(request, "report_conflict", False):
                response.status_code = 409
        return response

    return wrapped
