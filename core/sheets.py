"""The spreadsheets the plan can be loaded from and saved to one at a time (the admin's import
and export pages, `manage.py import_plan` and `export_plan`), by name, in dependency order.

The apps register theirs in their AppConfig.ready() (`register`), with a place in the order
(the one of the plan workbook, core/planbook.py), so that this module imports no app. The app
that runs the import jobs says how a sheet too large for one request is imported in the
background (`configure`).
"""

import tablib
from django.db import transaction
from django.utils.translation import gettext as _

from core.importing import describe_errors

# name -> the sheet's resource (core/importing.py), in dependency order.
SHEETS: dict[str, type] = {}
_ORDER: dict[str, int] = {}
# start_import(user=, sheet=, content=, file_name=, rows=) -> the job checking the sheet.
_BACKGROUND = {"start_import": None}


def register(name, resource, order):
    _ORDER[name] = order
    SHEETS[name] = resource
    ordered = sorted(SHEETS.items(), key=lambda item: _ORDER[item[0]])
    SHEETS.clear()
    SHEETS.update(ordered)


def configure(*, start_import):
    _BACKGROUND["start_import"] = start_import


def start_import(*, user, sheet: str, content: bytes, file_name: str, rows: int):
    """The background job that checks (then, when the person confirms, imports) a large sheet,
    started; None when no app runs import jobs."""
    start = _BACKGROUND["start_import"]
    if start is None:
        return None
    return start(user=user, sheet=sheet, content=content, file_name=file_name, rows=rows)


class SheetRefused(Exception):
    """The whole sheet was refused; `problems` names each row and column at fault."""

    def __init__(self, problems):
        self.problems = problems
        super().__init__("\n".join(problems))


def load_dataset(content: bytes, file_name: str) -> tablib.Dataset:
    fmt = "xlsx" if file_name.lower().endswith(".xlsx") else "csv"
    try:
        if fmt == "xlsx":
            return tablib.Dataset().load(content, format="xlsx")
        text = content.decode("utf-8-sig")
        # Excel in Arabic and many European locales saves CSV with semicolons; the header row
        # (column names only) tells which separator the file uses.
        delimiter = max(",;\t", key=text.split("\n", 1)[0].count)
        return tablib.Dataset().load(text, format="csv", delimiter=delimiter)
    except UnicodeDecodeError as exc:
        raise SheetRefused(
            [
                _("%(file)s is not a UTF-8 text file. Save it as “CSV UTF-8” or as XLSX.")
                % {"file": file_name}
            ]
        ) from exc
    except Exception as exc:  # tablib raises many kinds for a broken file
        raise SheetRefused(
            [
                _("%(file)s could not be read as %(fmt)s: %(error)s")
                % {"file": file_name, "fmt": fmt.upper(), "error": str(exc) or type(exc).__name__}
            ]
        ) from exc


def sheet_import(
    *, user, sheet: str, dataset: tablib.Dataset, dry_run: bool = False, progress=None
):
    """Import one sheet all-or-nothing; returns the import result or raises SheetRefused.

    `progress(done, total)`, if given, is called after each row (a background job's bar)."""
    resource = SHEETS[sheet]().quick()
    model = resource._meta.model
    perm = f"{model._meta.app_label}.import_{model._meta.model_name}"
    if not user.has_perm(perm):
        raise SheetRefused(
            [_("You may not import %(things)s.") % {"things": model._meta.verbose_name_plural}]
        )
    with transaction.atomic():
        result = resource.import_data(
            dataset,
            dry_run=dry_run,
            raise_errors=False,
            use_transactions=True,
            user=user,
            collect_failed_rows=True,
            **({"progress": progress} if progress is not None else {}),
        )
        problems = describe_errors(result)
        if problems:
            transaction.set_rollback(True)
            raise SheetRefused(problems)
        if dry_run:
            transaction.set_rollback(True)
    return result


def sheet_export(*, sheet: str, queryset=None) -> tablib.Dataset:
    resource = SHEETS[sheet]()
    return resource.export(queryset if queryset is not None else resource.get_queryset())
