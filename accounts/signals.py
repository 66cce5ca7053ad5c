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
