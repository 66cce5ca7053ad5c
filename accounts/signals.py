from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from accounts import services


@receiver(user_logged_in)
def keep_the_language_chosen_before_signing_in(sender, request, user, **kwargs):
    """Someone who chose Arabic on the login page keeps Arabic on their account, unless the
    account already has a language of its own (which then wins, see core.middleware)."""
    if request is None or user.language:
        return
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if chosen in dict(settings.LANGUAGES):
        services.preferences_set(actor=user, user=user, language=chosen)


@receiver(user_logged_in)
def start_the_idle_clock(sender, request, user, **kwargs):
    """The idle time-out of staff and the Directorate counts from signing in
    (accounts/middleware.py)."""
    from accounts.middleware import stamp_activity
    from accounts.two_factor import needs_second_factor

    if request is not None and hasattr(request, "session") and needs_second_factor(user):
        stamp_activity(request)
