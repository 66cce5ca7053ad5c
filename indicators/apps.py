from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndicatorsConfig(AppConfig):
    name = "indicators"
    verbose_name = _("Indicators and periods")

    def ready(self):
        from core import planbook, sheets
        from indicators import resources

        planbook.register("disaggregations", resources.DisaggregationResource, 70)
        planbook.register("framework_references", resources.FrameworkReferenceResource, 90)
        planbook.register(
            "periods", resources.ReportingPeriodResource, 110, plan_path="policy__code"
        )
        planbook.register("indicators", resources.IndicatorResource, 150, plan_path="policy__code")
        planbook.register(
            "targets", resources.TargetResource, 160, plan_path="indicator__policy__code"
        )
        sheets.register("indicators", resources.IndicatorResource, 150)
        sheets.register("targets", resources.TargetResource, 160)
