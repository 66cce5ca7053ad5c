from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernoratesConfig(AppConfig):
    name = "governorates"
    verbose_name = _("Governorates")
