"""Sign-in rules applied to every request of a signed-in person (docs/architecture.md, Sign-in).

SecondFactorMiddleware: an account that needs a second factor (accounts/two_factor.py) and has
given only its password reaches nothing but the second step itself, the language switch and
"log out" until it has given a code: pages and the admin redirect to the verification (or the
enrolment) page and come back afterwards; the API, with the session, answers 403.
"""

from urllib.parse import urlencode

from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

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
