"""The sign-in libraries under names the Directorate reads in the admin's index.

Listed in INSTALLED_APPS in place of the libraries' own app configurations (same apps, same
tables and migrations; only the heading in the admin changes).
"""

from axes.apps import AppConfig as AxesAppConfig
from django.utils.translation import gettext_lazy as _


class LockoutsConfig(AxesAppConfig):
    verbose_name = _("Sign-in lock-outs")
