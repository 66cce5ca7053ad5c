"""The sign-in libraries under names the Directorate reads in the admin's index.

Listed in INSTALLED_APPS in place of the libraries' own app configurations (same apps, same
tables and migrations; only the heading in the admin changes).
"""

from axes.apps import AppConfig as AxesAppConfig
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LockoutsConfig(AxesAppConfig):
    verbose_name = _("Sign-in lock-outs")


class AuthenticatorAppsConfig(AppConfig):
    name = "django_otp.plugins.otp_totp"
    label = "otp_totp"
    default_auto_field = "django.db.models.AutoField"
    verbose_name = _("Two-factor sign-in: authenticator apps")


class RecoveryCodesConfig(AppConfig):
    name = "django_otp.plugins.otp_static"
    label = "otp_static"
    default_auto_field = "django.db.models.AutoField"
    verbose_name = _("Two-factor sign-in: recovery codes")
