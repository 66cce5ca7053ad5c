"""The page of a refused sign-in after too many wrong passwords (django-axes' lock-out).

django-axes counts wrong passwords per account *and* address (settings.AXES_LOCKOUT_PARAMETERS);
when an account is locked for an address it calls `lockout_response` instead of the login page,
for /accounts/login/ and /admin/login/ alike. The page is in the site's layout and language and
says what is locked, for how long, and whom to ask.
"""

import math

from axes.helpers import get_client_username, get_cool_off
from django.conf import settings
from django.shortcuts import render
from django.utils.translation import ngettext


def cool_off_text(delta) -> str:
    """'60 minutes', '2 hours': the cool-off in words, rounded up to whole minutes or hours."""
    minutes = math.ceil(delta.total_seconds() / 60)
    if minutes >= 120 and minutes % 60 == 0:
        hours = minutes // 60
        return ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours}
    return ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes}


def lockout_response(request, original_response=None, credentials=None):
    cool_off = get_cool_off(request)
    context = {
        "username": get_client_username(request, credentials) or "",
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cool_off": cool_off_text(cool_off) if cool_off else "",
    }
    response = render(
        request, "accounts/locked_out.html", context, status=settings.AXES_HTTP_RESPONSE_CODE
    )
    response["Cache-Control"] = "no-store"
    return response
