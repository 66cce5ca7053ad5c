from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PillarsConfig(AppConfig):
    name = "pillars"
    verbose_name = _("Pillars")

    def ready(self):
        from core import planbook
        from pillars.resources import PillarResource

        planbook.register("pillars", PillarResource, 30)
