"""The plan workbook: a whole plan and its reference data in one XLSX file, to download (the
template, or a plan as it stands) and to import, every sheet in dependency order, with one
preview, all or nothing.

Each sheet is one of the spreadsheet layouts the admin imports one at a time (a PlanResource,
core/importing.py: codes for keys and links, the same checks and messages, rows written in
bulk). The apps register theirs in their AppConfig.ready() (`register`), with a place in the
order, so that this module imports no app. The file itself is made and read by core/workbook.py
(row 1: each column's heading in English, Arabic and Kurdish; row 2: its key; the rows from
row 3; a hidden sheet "about" saying it is a plan workbook of template VERSION).

The reference data (seed_reference) and the demo plan (seed_demo) are plan workbooks in
policy/data/, loaded through `import_workbook` like any other.
"""

from collections.abc import Callable
from dataclasses import dataclass

import tablib
from django.db import transaction
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from openpyxl.utils.datetime import from_excel

from core import bulk
from core.importing import (
    CodeListField,
    NumberWidget,
    WholeNumberWidget,
    YesNoWidget,
    describe_errors,
)
from core.services import as_system
from core.workbook import Check, Column, WorkbookRefused, WorkbookWriter, read_workbook

KIND = "plan"
VERSION = 1
LANGUAGES = ("en", "ar", "ckb")


@dataclass(frozen=True)
class Sheet:
    name: str
    resource: type
    order: int
    # The path from a row to its plan's code (`objective__policy__code`), for a plan's
    # workbook; None for reference data (every row goes in).
    plan_path: str | None = None
    # Words on the instructions sheet.
    about: object = ""


SHEETS: dict[str, Sheet] = {}


def register(name, resource, order, plan_path=None, about=""):
    SHEETS[name] = Sheet(name, resource, order, plan_path, about)


def sheets() -> list[Sheet]:
    return sorted(SHEETS.values(), key=lambda s: s.order)


def title(sheet: Sheet) -> str:
    return str(sheet.resource._meta.model._meta.verbose_name_plural).capitalize()


# -- writing ------------------------------------------------------------------------------------
def _label(model, key):
    """A column's heading in the active language: its field's name."""
    name = key.split("__")[0]
    try:
        field = model._meta.get_field(name)
    except Exception:
        return capfirst(key.replace("_", " "))
    return capfirst(str(getattr(field, "verbose_name", name)))


def heading(model, key) -> str:
    """The column's heading in English, Arabic and Kurdish (each once)."""
    labels = []
    for code in LANGUAGES:
        with translation.override(code):
            label = _label(model, key)
        if label not in labels:
            labels.append(label)
    return " · ".join(labels)


def _field(model, key):
    try:
        return model._meta.get_field(key)
    except Exception:
        return None


def _check(resource, field) -> Check:
    """What a column takes, for the spreadsheet program's own check while people type."""
    model_field = _field(resource._meta.model, field.attribute or "")
    if model_field is not None and model_field.choices and not model_field.is_relation:
        return Check.choice(
            [(value, label) for value, label in model_field.choices],
            aliases=_aliases(model_field),
        )
    if isinstance(field.widget, YesNoWidget):
        return Check.choice([("1", _("yes")), ("0", _("no"))], aliases=_yes_no_aliases())
    if isinstance(field.widget, WholeNumberWidget):
        return Check.integer()
    if isinstance(field.widget, NumberWidget):
        return Check.number()
    return Check.text(getattr(model_field, "max_length", None))


def _aliases(model_field):
    """A choice's label in every language, so that any of them is read back."""
    words = []
    for code in LANGUAGES:
        with translation.override(code):
            words += [(value, str(label)) for value, label in model_field.choices]
    return words


def _yes_no_aliases():
    words = []
    for code in LANGUAGES:
        with translation.override(code):
            words += [("1", _("yes")), ("0", _("no"))]
    return words


def _columns(resource):
    model = resource._meta.model
    return [
        Column(
            field.column_name,
            heading(model, field.column_name),
            width=28 if field.column_name.startswith(("title", "description", "text")) else 16,
            check=_check(resource, field),
            wrap=field.column_name.startswith(("title", "description", "text", "subject")),
        )
        for field in resource.get_export_fields()
    ]


def _cell(resource, field, obj):
    """A cell's value: numbers as numbers, everything else as the sheet's text."""
    if isinstance(field.widget, NumberWidget | WholeNumberWidget):
        return field.get_value(obj)
    if isinstance(field.widget, YesNoWidget):
        return 1 if field.get_value(obj) else 0
    return resource.export_field(field, obj)


def write_workbook(*, policy=None, rows=True, only=None, leave_out=None) -> bytes:
    """The plan workbook: with `rows`, the reference data and `policy`'s plan (every plan if
    None) as they stand; without, the empty template. `only`: "reference" (the sheets of every
    installation's reference data) or "plan" (a plan's own sheets). `leave_out`: {sheet: {list
    column}}, list columns not written (their links stay as they are when it is imported).
    Headings in three languages; the instructions sheet in the active language."""
    book = WorkbookWriter(kind=KIND, version=VERSION, plan=policy.code if policy else "")
    book.add_instructions(_("Instructions"), instructions())
    for sheet in sheets():
        if only is not None and (only == "plan") != bool(sheet.plan_path):
            continue
        resource = sheet.resource()
        left_out = (leave_out or {}).get(sheet.name, set())
        fields = [f for f in resource.get_export_fields() if f.column_name not in left_out]
        columns = [c for c in _columns(resource) if c.key not in left_out]
        writer = book.add_sheet(sheet.name, title(sheet), columns)
        if not rows:
            continue
        queryset = resource.get_queryset()
        if policy is not None and sheet.plan_path:
            queryset = queryset.filter(**{sheet.plan_path: policy.code})
        for obj in resource.iter_queryset(queryset):
            writer.append({f.column_name: _cell(resource, f, obj) for f in fields})
    return book.save()


def instructions() -> list[str]:
    lines = [
        _("The plan workbook"),
        _(
            "One sheet for each part of the plan and of its reference data, in the order the "
            "portal imports them: a sheet may name a row of a sheet before it (an activity names "
            "its objective, by the objective's code)."
        ),
        _(
            "Row 1 holds each column's heading in English, Arabic and Kurdish; row 2 its key, "
            "which the portal reads: do not change row 2. Type the rows from row 3."
        ),
        _(
            "Rows are found by their codes: a row whose code is already in the portal changes "
            "it, a new code adds a row. Nothing is deleted: a row left out stays as it is."
        ),
        _(
            "Lists in one cell are separated by semicolons (IQ-BG;IQ-NI). A partner is "
            "entity:role (moi:implementing). Dates are YYYY-MM-DD; decimals have a point."
        ),
        _(
            "A sheet you do not need may be left empty or deleted. The import checks every row "
            "of every sheet first and writes nothing unless all of them are good; its preview "
            "counts what would be new and what would change, sheet by sheet."
        ),
    ]
    for sheet in sheets():
        if sheet.about:
            lines.append(f"{title(sheet)}: {sheet.about}")
    return lines


# -- reading ------------------------------------------------------------------------------------
@dataclass
class SheetData:
    sheet: Sheet
    dataset: tablib.Dataset
    row_numbers: list[int]


def read_sheets(content, name="") -> dict[str, SheetData]:
    """The data sheets of a plan workbook, as datasets of the cells' values (by key, in
    dependency order), or WorkbookRefused naming every unreadable cell."""
    with read_workbook(content, kind=KIND, version=VERSION, name=name) as reader:
        found = {}
        for sheet in sheets():
            # A sheet not needed may be deleted (the instructions say so): it is left out.
            if reader.about.get(f"sheet:{sheet.name}") not in reader.book.sheetnames:
                continue
            source = reader.sheet(sheet.name)
            resource = sheet.resource()
            fields = resource.get_export_fields()
            keys = [f.column_name for f in fields]
            checks = {f.column_name: _check(resource, f) for f in fields}
            present = source.columns()
            # A list column may be left out (its links stay as they are); the rest must be there.
            keys = [
                f.column_name
                for f in fields
                if f.column_name in present or not isinstance(f, CodeListField)
            ]
            dataset = tablib.Dataset(headers=keys)
            numbers = []
            for row in source.rows(keys):
                dataset.append([_read(row, key, checks[key]) for key in keys])
                numbers.append(row.number)
            found[sheet.name] = SheetData(sheet, dataset, numbers)
        if reader.problems:
            raise WorkbookRefused(reader.problems)
    return found


def _read(row, key, check):
    """A cell's value as the sheet's widgets read it (a number as a Decimal, a date cell as a
    date, a choice by its stored value whatever the language of its label)."""
    if not row.has(key):
        return ""
    kind, value = row.cells[key]
    if check.kind == "choice":
        return row.choice(key, check) or ""
    if kind in ("f", "e"):
        row.text(key)  # records the problem: a formula, an error value
        return ""
    if kind == "d":
        return from_excel(float(value)).date()
    if kind == "n":
        return value
    if kind == "b":
        return 1 if value else 0
    return row.text(key)


@dataclass
class SheetOutcome:
    name: str
    title: str
    new: int = 0
    changed: int = 0
    unchanged: int = 0


def import_workbook(
    *,
    user,
    content,
    name="",
    dry_run=False,
    system=False,
    adjust: Callable[[dict], None] | None = None,
    progress=None,
    reason="",
) -> list[SheetOutcome]:
    """Import every sheet of a plan workbook in dependency order, all or nothing: a dry run
    (the preview) checks every row of every sheet and writes nothing; an import writes each
    sheet's rows in bulk when every row of every sheet is good. Raises WorkbookRefused with
    every problem, each naming its sheet, row and column. `system`: the installation's own
    data (seed_reference, seed_demo), written without a person's rights. `adjust(datasets)`
    may change the rows before they are read (the demo's dates)."""
    datasets = read_sheets(content, name)
    if adjust is not None:
        adjust({key: data.dataset for key, data in datasets.items()})
    total = sum(len(d.dataset) for d in datasets.values())
    done = 0
    outcomes, problems = [], []
    with transaction.atomic(), bulk.importing():
        context = as_system() if system else _nothing()
        with context:
            for key, data in datasets.items():
                if not len(data.dataset):
                    continue
                sheet, resource = data.sheet, data.sheet.resource().quick()
                if reason:
                    resource.reason = reason  # the history's reason for every row
                model = resource._meta.model
                place = _("Sheet “%(sheet)s”") % {"sheet": title(sheet)}
                if not system:
                    refused = _import_refusal(user, model)
                    if refused:
                        problems.append(f"{place}: {refused}")
                        continue

                def step(row, _total, offset=done):
                    if progress is not None:
                        progress(offset + row, total)

                result = resource.import_data(
                    data.dataset,
                    dry_run=dry_run,
                    raise_errors=False,
                    use_transactions=True,
                    user=user,
                    collect_failed_rows=True,
                    progress=step,
                )
                done += len(data.dataset)
                found = describe_errors(result, row_numbers=data.row_numbers)
                problems += [f"{place}, {p[0].lower()}{p[1:]}" for p in found]
                outcomes.append(
                    SheetOutcome(
                        key,
                        title(sheet),
                        result.totals["new"],
                        result.totals["update"],
                        result.totals["skip"],
                    )
                )
        if problems:
            raise WorkbookRefused(problems)
        if dry_run:
            transaction.set_rollback(True)
    return outcomes


class _nothing:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def _import_refusal(user, model):
    opts = model._meta
    if user is None or not user.has_perm(f"{opts.app_label}.import_{opts.model_name}"):
        return _("You may not import %(things)s.") % {"things": opts.verbose_name_plural}
    return None  # and each row is checked against the right to add or change it
