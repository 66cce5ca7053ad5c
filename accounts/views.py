"""A person's own preferences: the language (remembered on the account) and the digits."""

from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

from accounts import services
from accounts.forms import PreferencesForm
from core.forms import add_service_errors
from core.middleware import LANGUAGE_QUERY_PARAMETER


def _without_lang(url):
    parts = urlsplit(url)
    if not parts.query:
        return url
    kept = [
        pair for pair in parts.query.split("&") if pair.split("=", 1)[0] != LANGUAGE_QUERY_PARAMETER
    ]
    return urlunsplit(parts._replace(query="&".join(kept)))


@require_POST
def language_set(request):
    """Django's set_language (the cookie, then back to the page), and for a signed-in person the
    choice is kept on the account, so it follows them to another browser or phone."""
    # A page opened with ?lang=ar would otherwise come back in Arabic whatever was chosen.
    # Only the lang= pairs go; the rest of the address stays byte for byte. Django falls back
    # to the Referer when there is no usable `next`, so it is cleaned the same way.
    request.POST = request.POST.copy()
    request.POST["next"] = _without_lang(request.POST.get("next") or "")
    if "HTTP_REFERER" in request.META:
        request.META["HTTP_REFERER"] = _without_lang(request.META["HTTP_REFERER"])
    if not request.POST["next"]:
        del request.POST["next"]
    response = set_language(request)
    language = request.POST.get("language")
    if request.user.is_authenticated and language in dict(settings.LANGUAGES):
        services.preferences_set(actor=request.user, user=request.user, language=language)
    return response


@login_required
def preferences(request):
    user = request.user
    if request.method == "POST":
        form = PreferencesForm(request.POST)
        if form.is_valid():
            try:
                services.preferences_set(
                    actor=user,
                    user=user,
                    language=form.cleaned_data["language"],
                    digits=form.cleaned_data["digits"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                translation.activate(user.language)
                messages.success(request, _("Your preferences are saved."))
                response = redirect("accounts:preferences")
                response.set_cookie(  # as Django's set_language sets it
                    settings.LANGUAGE_COOKIE_NAME,
                    user.language,
                    max_age=settings.LANGUAGE_COOKIE_AGE,
                    path=settings.LANGUAGE_COOKIE_PATH,
                    domain=settings.LANGUAGE_COOKIE_DOMAIN,
                    secure=settings.LANGUAGE_COOKIE_SECURE,
                    httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                    samesite=settings.LANGUAGE_COOKIE_SAMESITE,
                )
                return response
    else:
        form = PreferencesForm(
            initial={"language": user.language or translation.get_language(), "digits": user.digits}
        )
    return render(request, "accounts/preferences.html", {"form": form})
