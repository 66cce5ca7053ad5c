"""The national progress report's workbook, made in the background (a summary sheet and one
sheet per pillar, in the language of the person who asked)."""

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
