from celery import shared_task
from django.utils.translation import gettext as _

from jobs.registry import register
from jobs.services import continue_as
from reporting.reminders import send_reminders as _send_reminders


@shared_task(name="reporting.send_reminders")
def send_reminders(days=7):
    """Weekly (celery beat): remind reporters of reports due within `days` days and overdue."""
    return _send_reminders(days)


# -- the report workbook: a check that writes nothing, then the save ---------------------------
def _workbook_run(job, progress, save):
    from core.workbook import WorkbookRefused
    from jobs.services import JobRefused
    from reporting import workbook

    with job.source.open("rb") as source:
        content = source.read()
    name = job.params.get("file", "")
    try:
        if save:
            result = workbook.save_workbook(
                job.user, content, name, submit=bool(job.params.get("submit")), progress=progress
            )
        else:
            result = workbook.check_workbook(job.user, content, name, progress=progress)
    except WorkbookRefused as refused:
        raise JobRefused(refused.problems) from None
    if save and result["blocked"]:
        raise JobRefused(workbook.refusals(result))
    return result


@register(
    "reporting.workbook_check",
    describe=lambda p: _("Check of the report workbook %(file)s") % p,
    result_template="jobs/result/report_workbook.html",
    follow_up=continue_as("reporting.workbook_save"),
    follow_up_label=lambda p: (
        _("Save and submit the complete reports") if p.get("submit") else _("Save the reports")
    ),
)
def check_report_workbook(job, progress):
    return _workbook_run(job, progress, save=False)


@register(
    "reporting.workbook_save",
    describe=lambda p: _("Saving of the report workbook %(file)s") % p,
    result_template="jobs/result/report_workbook.html",
)
def save_report_workbook(job, progress):
    return _workbook_run(job, progress, save=True)
