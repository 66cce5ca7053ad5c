"""A person's own preferences (the language, remembered on the account, and the digits), and
the second step of signing in (accounts/two_factor.py)."""

from urllib.parse import urlencode, urlsplit, urlunsplit

import django_otp
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django.views.i18n import set_language
from django_otp.plugins.otp_static.models import StaticToken

from accounts import services, two_factor
from accounts.forms import FirstCodeForm, PreferencesForm, SecondFactorForm
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


@csrf_exempt
@require_POST
def language_set(request):
    """Django's set_language (the cookie, then back to the page), and for a signed-in person the
    choice is kept on the account, so it follows them to another browser or phone.

    A visitor's language form carries no CSRF token: the public pages are cached whole and
    shared by every visitor (core/cache.py), and a forged choice of language for someone with no
    account changes nothing but the language cookie. A signed-in person's choice changes their
    account: the token is checked as everywhere else."""
    if request.user.is_authenticated:
        refused = CsrfViewMiddleware(lambda r: None).process_view(request, None, (), {})
        if refused is not None:
            return refused
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
    context = {"form": form, "two_factor_on": two_factor.is_verified(user)}
    return render(request, "accounts/preferences.html", context)


def _next_url(request):
    """Where to go after the second factor: the page asked for, if it is one of ours."""
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def _with_next(name, request):
    url = reverse(name)
    wanted = request.POST.get("next") or request.GET.get("next")
    return f"{url}?{urlencode({'next': wanted})}" if wanted else url


def _signed_in_with_device(request, device):
    django_otp.login(request, device)
    request.session.cycle_key()  # more rights now: a new session key


def _no_store(response):
    response["Cache-Control"] = "no-store"
    return response


@login_required
def two_factor_verify(request):
    """After the password: a code from the authenticator app or a recovery code."""
    user = request.user
    if two_factor.is_verified(user):
        return redirect(_next_url(request))
    if not two_factor.has_authenticator(user):
        return redirect(_with_next("accounts:two_factor_enrol", request))
    form = SecondFactorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        check = two_factor.check_code(user, form.cleaned_data["code"])
        if check.device is not None:
            _signed_in_with_device(request, check.device)
            if check.recovery_codes_left is not None:
                messages.warning(
                    request,
                    ngettext(
                        "You signed in with a recovery code; it cannot be used again. "
                        "%(count)d recovery code is left: make new ones in your preferences.",
                        "You signed in with a recovery code; it cannot be used again. "
                        "%(count)d recovery codes are left: make new ones in your preferences.",
                        check.recovery_codes_left,
                    )
                    % {"count": check.recovery_codes_left},
                )
            return redirect(_next_url(request))
        if check.wait_until is not None:
            seconds = two_factor.seconds_to_wait(check.wait_until)
            form.add_error(
                "code",
                ngettext(
                    "Too many wrong codes: wait %(count)d second, then try again.",
                    "Too many wrong codes: wait %(count)d seconds, then try again.",
                    seconds,
                )
                % {"count": seconds},
            )
        else:
            form.add_error(
                "code",
                _(
                    "This code is not right. Type the six digits the app shows now, or a "
                    "recovery code you have not used yet."
                ),
            )
    return _no_store(
        render(
            request,
            "accounts/two_factor_verify.html",
            {"form": form, "next": request.POST.get("next") or request.GET.get("next", "")},
        )
    )


@login_required
def two_factor_enrol(request):
    """Set up an authenticator app: scan the QR code (or type the key), confirm with a first
    code, then note the ten recovery codes, shown this once."""
    user = request.user
    if two_factor.has_authenticator(user):
        return redirect(_with_next("accounts:two_factor_verify", request))
    device = services.authenticator_enrolment_start(actor=user, user=user)
    form = FirstCodeForm(request.POST or None)
    next_url = request.POST.get("next") or request.GET.get("next", "")
    if request.method == "POST" and form.is_valid():
        try:
            codes = services.authenticator_enrolment_confirm(
                actor=user, user=user, device=device, code=form.cleaned_data["code"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            _signed_in_with_device(request, device)
            return _no_store(
                render(
                    request,
                    "accounts/recovery_codes.html",
                    {"codes": codes, "continue_url": _next_url(request), "first_time": True},
                )
            )
    context = {
        "form": form,
        "next": next_url,
        "qr": mark_safe(two_factor.qr_svg(device, _("QR code for the authenticator app"))),
        "secret": two_factor.secret_text(device),
        "account": user.get_username(),
    }
    return _no_store(render(request, "accounts/two_factor_enrol.html", context))


@login_required
def recovery_codes(request):
    """How many recovery codes are left; making new ones (the old stop working)."""
    user = request.user
    if not two_factor.is_verified(user):
        return redirect(
            f"{reverse('accounts:two_factor_verify')}?{urlencode({'next': request.path})}"
        )
    if request.method == "POST":
        codes = services.recovery_codes_renew(actor=user, user=user)
        return _no_store(
            render(
                request,
                "accounts/recovery_codes.html",
                {"codes": codes, "continue_url": reverse("accounts:preferences")},
            )
        )
    left = StaticToken.objects.filter(device__user=user).count()
    return _no_store(render(request, "accounts/recovery_codes_status.html", {"left": left}))
