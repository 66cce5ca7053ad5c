from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernoratesConfig(AppConfig):
    name = "governorates"
    verbose_name = _("Governorates")

    def ready(self):
        from core import planbook, sheets
        from governorates.resources import DistrictResource, GovernorateResource

        planbook.register("governorates", GovernorateResource, 10)
        planbook.register("districts", DistrictResource, 20)
        sheets.register("governorates", GovernorateResource, 10)
        sheets.register("districts", DistrictResource, 20)
