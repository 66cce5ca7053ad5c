"""Background work of the dashboards: the summary figures' refresh after a change, and the
national progress report's workbook (a summary sheet and one sheet per pillar, in the language
of the person who asked)."""

from celery import shared_task
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

from jobs.registry import register


@register(
    "analytics.progress_report",
    describe=lambda p: _("National progress report %(file)s") % p,
)
def progress_report_file(job, progress):
    from analytics import report
    from indicators.models import ReportingPeriod

    period = ReportingPeriod.objects.select_related("policy").get(pk=job.params["period"])
    progress(0, None)
    content = report.report_content(period.policy, period)
    job.output_name = job.params["file"]
    job.output.save(job.output_name, ContentFile(report.report_xlsx(content)), save=False)
    return {}


@shared_task(name="analytics.refresh_figures")
def refresh_figures(indicator_ids=(), policy_ids=(), period_ids=(), plan_ids=()):
    """The summary figures of these indicators and plans, and the reporting figures of these
    periods, recomputed after a change committed (analytics.figures.schedule_refresh); a
    refresh changes the figures version, so the cached pages and lists are made again from the
    new figures."""
    from analytics import figures

    figures.refresh(indicator_ids, policy_ids, period_ids, plan_ids)
