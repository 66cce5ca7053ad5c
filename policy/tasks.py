"""Plan sheets imported in the background (the admin hands over sheets of more than
IMPORT_JOB_ROWS rows): first a check, which writes nothing and counts what would change, then,
when the person confirms, the import. Both as the person who uploaded the sheet, with their
rights at the time each runs, all or nothing (core.sheets.sheet_import)."""

from django.utils.translation import gettext as _

from core.sheets import SHEETS, SheetRefused, load_dataset, sheet_import
from jobs.registry import register
from jobs.services import JobRefused, continue_as, job_start


def start_check(*, user, sheet, content, file_name, rows):
    """The admin's hand-over of a large sheet (core.sheets.start_import): its check first."""
    return job_start(
        user=user,
        kind="plan.import_check",
        params={"sheet": sheet, "file": file_name},
        source=content,
        source_name=file_name,
        total=rows,
    )


def _run(job, progress, dry_run):
    sheet = job.params["sheet"]
    with job.source.open("rb") as source:
        content = source.read()
    try:
        dataset = load_dataset(content, job.params.get("file", "sheet"))
        progress(0, len(dataset))
        result = sheet_import(
            user=job.user, sheet=sheet, dataset=dataset, dry_run=dry_run, progress=progress
        )
    except SheetRefused as refused:
        raise JobRefused(refused.problems) from None
    model = SHEETS[sheet]._meta.model
    return {
        "sheet": sheet,
        "rows": len(dataset),
        "new": result.totals["new"],
        "update": result.totals["update"],
        "skip": result.totals["skip"],
        "changelist": f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist",
    }


@register(
    "plan.import",
    describe=lambda p: _("Import of %(file)s (%(sheet)s)") % p,
    result_template="jobs/result/import.html",
)
def import_sheet(job, progress):
    return _run(job, progress, dry_run=False)


@register(
    "plan.import_check",
    describe=lambda p: _("Check of %(file)s (%(sheet)s) before its import") % p,
    result_template="jobs/result/import.html",
    follow_up=continue_as("plan.import"),
    follow_up_label=lambda p: _("Import %(file)s") % p,
)
def check_sheet(job, progress):
    return _run(job, progress, dry_run=True)


# -- the plan workbook: every sheet at once ---------------------------------------------------
def _run_workbook(job, progress, dry_run):
    from core import planbook
    from core.workbook import WorkbookRefused

    with job.source.open("rb") as source:
        content = source.read()
    try:
        outcomes = planbook.import_workbook(
            user=job.user,
            content=content,
            name=job.params.get("file", ""),
            dry_run=dry_run,
            progress=progress,
        )
    except WorkbookRefused as refused:
        raise JobRefused(refused.problems) from None
    return {
        "sheets": [
            {"title": o.title, "new": o.new, "update": o.changed, "skip": o.unchanged}
            for o in outcomes
        ],
        "rows": sum(o.new + o.changed + o.unchanged for o in outcomes),
    }


@register(
    "plan.workbook_import",
    describe=lambda p: _("Import of the plan workbook %(file)s") % p,
    result_template="jobs/result/workbook.html",
)
def import_workbook(job, progress):
    return _run_workbook(job, progress, dry_run=False)


@register(
    "plan.workbook_check",
    describe=lambda p: _("Check of the plan workbook %(file)s before its import") % p,
    result_template="jobs/result/workbook.html",
    follow_up=continue_as("plan.workbook_import"),
    follow_up_label=lambda p: _("Import %(file)s") % p,
)
def check_workbook(job, progress):
    return _run_workbook(job, progress, dry_run=True)
