from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts and roles")

    def ready(self):
        from accounts import roles, signals  # noqa: F401  (signals connects the receivers)
        from core import cache

        cache.configure(audience=roles.cache_audience)


class PortalAdminConfig(admin_apps.AdminConfig):
    """Django's admin with the site of accounts.admin_site (who may open it: their roles)."""

    default = False  # accounts' own configuration is AccountsConfig
    default_site = "accounts.admin_site.PortalAdminSite"
