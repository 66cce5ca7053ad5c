"""Sign-in rules applied to every request of a signed-in person (docs/architecture.md, Sign-in).

IdleTimeoutMiddleware: the accounts that need a second factor are signed out after
IDLE_TIMEOUT_MINUTES without a request, with a message at the next one; everyone else keeps
Django's ordinary session length (SESSION_COOKIE_AGE).

SecondFactorMiddleware: an account that needs a second factor (accounts/two_factor.py) and has
given only its password reaches nothing but the second step itself, the language switch and
"log out" until it has given a code: pages and the admin redirect to the verification (or the
enrolment) page and come back afterwards; the API, with the session, answers 403.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts import two_factor

# What a person who has given only their password may open.
OPEN_BEFORE_SECOND_FACTOR = {
    "accounts:two_factor_verify",
    "accounts:two_factor_enrol",
    "login",
    "logout",
    "admin:logout",
    "set_language",
}


class SecondFactorMiddleware:
    """After django_otp's OTPMiddleware (which says whether the session is verified)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        if request.resolver_match.view_name in OPEN_BEFORE_SECOND_FACTOR:
            return None
        if not two_factor.needs_second_factor(user) or two_factor.is_verified(user):
            return None
        if request.path_info.startswith("/api/"):
            return JsonResponse(
                {"detail": _("Give the second step of signing in first, on the sign-in page.")},
                status=403,
            )
        name = (
            "accounts:two_factor_verify"
            if two_factor.has_authenticator(user)
            else "accounts:two_factor_enrol"
        )
        wanted = request.get_full_path() if request.method == "GET" else request.path
        return redirect(f"{reverse(name)}?{urlencode({'next': wanted})}")


LAST_ACTIVITY_SESSION_KEY = "wps_last_activity"

# Forms whose view shows a post that arrives signed out back to the person (the report form:
# reporting/offline.py, keeps_text) instead of sending them to the sign-in page without it.
KEEPS_POSTED_TEXT = {"reporting:edit"}


def _keeps_posted_text(request):
    try:
        return resolve(request.path_info).view_name in KEEPS_POSTED_TEXT
    except Resolver404:
        return False


def _now():
    return int(timezone.now().timestamp())


def stamp_activity(request):
    request.session[LAST_ACTIVITY_SESSION_KEY] = _now()


class IdleTimeoutMiddleware:
    """After AuthenticationMiddleware, OTPMiddleware and MessageMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and two_factor.needs_second_factor(user):
            now = _now()
            last = request.session.get(LAST_ACTIVITY_SESSION_KEY)
            minutes = settings.IDLE_TIMEOUT_MINUTES
            if isinstance(last, int) and now - last > minutes * 60:
                return self.signed_out(request, minutes)
            # Written again only after IDLE_TIMEOUT_STAMP_SECONDS (a session write on every
            # request would cost a query each): one is signed out up to that much early.
            if not isinstance(last, int) or now - last >= settings.IDLE_TIMEOUT_STAMP_SECONDS:
                request.session[LAST_ACTIVITY_SESSION_KEY] = now
        return self.get_response(request)

    def signed_out(self, request, minutes):
        logout(request)
        text = ngettext(
            "You were signed out after %(count)d minute without activity. Sign in again to go on.",
            "You were signed out after %(count)d minutes without activity. Sign in again to go on.",
            minutes,
        ) % {"count": minutes}
        if request.path_info.startswith("/api/"):
            return JsonResponse({"detail": text}, status=401)
        messages.info(request, text)
        if request.method == "POST" and _keeps_posted_text(request):
            # The view answers a signed-out post itself, with what was typed (reporting/offline.py).
            return self.get_response(request)
        wanted = request.get_full_path() if request.method == "GET" else request.path
        return redirect_to_login(wanted)
