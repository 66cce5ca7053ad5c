"""The spreadsheets the plan can be loaded from and saved to, by name, in dependency order."""

import tablib
from django.db import transaction
from django.utils.translation import gettext as _

from core.importing import describe_errors
from governorates.resources import DistrictResource, GovernorateResource
from indicators.resources import IndicatorResource, TargetResource
from policy.resources import ActivityResource, EntityResource, ObjectiveResource

SHEETS = {
    "governorates": GovernorateResource,
    "districts": DistrictResource,
    "entities": EntityResource,
    "objectives": ObjectiveResource,
    "activities": ActivityResource,
    "indicators": IndicatorResource,
    "targets": TargetResource,
}


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
