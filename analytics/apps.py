from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnalyticsConfig(AppConfig):
    name = "analytics"
    verbose_name = _("Monitoring and evaluation")

    def ready(self):
        from analytics import figures
        from core import cache
        from core.services import plan_bulk_changed, plan_changed
        from reporting.signals import reports_changed

        cache.configure(version=figures.version)
        plan_changed.connect(figures.plan_changed, dispatch_uid="analytics-figures")
        plan_bulk_changed.connect(figures.plan_bulk_changed, dispatch_uid="analytics-figures-bulk")
        reports_changed.connect(figures.reports_changed, dispatch_uid="analytics-figures-reports")
