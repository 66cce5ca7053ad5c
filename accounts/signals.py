from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from accounts import services


@receiver(user_logged_in)
def keep_the_language_chosen_before_signing_in(sender, request, user, **kwargs):
    """The language chosen in this browser before signing in (the switcher of the login page:
    Django's set_language, which sets the language cookie) is the one the person wants now,
    whatever the account said before: it goes on the account, which the pages then follow
    (core.middleware). Without such a choice the account's own language stays, and an account
    with none takes nothing from the browser's Accept-Language."""
    if request is None:
        return
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if chosen in dict(settings.LANGUAGES) and chosen != user.language:
        services.preferences_set(actor=user, user=user, language=chosen)


@receiver(user_logged_in)
def start_the_idle_clock(sender, request, user, **kwargs):
    """The idle time-out of staff and the Directorate counts from signing in
    (accounts/middleware.py)."""
    from accounts.middleware import stamp_activity
    from accounts.two_factor import needs_second_factor

    if request is not None and hasattr(request, "session") and needs_second_factor(user):
        stamp_activity(request)
