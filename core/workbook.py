"""Workbooks the portal hands out to be filled in and then reads back: the report workbook
(reporting/workbook.py) and any other built the same way (the whole plan). Not specific to
reporting: a caller names its columns, writes its rows, and reads them back.

**What a workbook made here holds**

- Data sheets (`WorkbookWriter.add_sheet`). Row 1 holds the column headings in the reader's
  language, row 2 the column keys (short English words, the same in every language: the
  reader finds columns by key, so headings can be translated and a later template can move
  columns); rows start at row 3 (`FIRST_ROW`). Columns without a `Check` are read only:
  locked, with the sheet protected (no password: protection prevents slips, the server checks
  every cell again). Columns with a `Check` are the ones people fill in: unlocked (row by row,
  so a row can stay read only), with a drop-down list (`Check.choice`, from the hidden sheet
  "lists") or a number check (`Check.number`, `Check.integer`) that the spreadsheet program
  enforces while typing. Every text cell goes through core.exports.safe_cell.
- An instructions sheet (`add_instructions`).
- A hidden sheet "about" (`ABOUT`): the workbook's kind, template version and plan, the title
  of each data sheet by key, and whatever the maker adds (`details`, e.g. the period). An
  upload of another kind of workbook, of an older template or of another plan is recognised
  and refused with a message that says so.
- Right to left when the reader's language is (Arabic, Kurdish).

**Reading** (`read_workbook`) refuses as a whole (`WorkbookRefused`, with messages a person can
act on) a file over WORKBOOK_MAX_BYTES, one that is not an XLSX workbook (an old .xls, an
OpenDocument sheet, a CSV, a password-protected file), a ZIP that would unpack to more than
WORKBOOK_MAX_UNPACKED_BYTES, and a workbook without the "about" sheet or of another kind,
template or plan. `WorkbookReader.sheet(key)` finds a data sheet; `SheetReader.rows(keys)`
refuses missing column keys, then yields each non-empty row as a `Row`, whose `text`,
`decimal`, `integer` and `choice` methods convert one cell or record a problem that names it:
"row 12, column F: …" (`cell_name`). A formula is never taken for a value. Problems are
collected in `WorkbookReader.problems`, so a caller reports every bad cell at once.

    book = WorkbookWriter(kind="report-values", version=1, plan="np-2021-2024",
                          details={"period": "2024-Q4"})
    sheet = book.add_sheet("values", _("Values"), [
        Column("code", _("Code")),
        Column("value", _("Value"), check=Check.number(minimum=0)),
    ])
    sheet.append({"code": "1.1.1-a", "value": 12})
    book.add_instructions(_("Instructions"), [_("Type the figures in the white cells.")])
    content = book.save()

    reader = read_workbook(content, kind="report-values", version=1)
    for row in reader.sheet("values").rows(["code", "value"]):
        code, value = row.text("code"), row.decimal("value", Check.number(minimum=0))
    if reader.problems: raise WorkbookRefused(reader.problems)
"""

import datetime
import io
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from xml.etree import ElementTree

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.functional import Promise
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from core.digits import western
from core.exports import safe_cell, unneutralise
from core.text import join_list

ABOUT = "about"
LISTS = "lists"
HEADING_ROW = 1
KEY_ROW = 2
FIRST_ROW = 3
SHEET_TITLE_LIMIT = 31
# Excel's longest text in a cell.
CELL_TEXT_LIMIT = 32_767
# What a hidden sheet's name may not hold, and how long it may be (Excel's rules).
_TITLE_FORBIDDEN = str.maketrans({c: " " for c in "[]:*?/\\"})

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

_HEADING = Font(bold=True)
_KEY = Font(color="808080", size=8)
_EMPHASIS = Font(bold=True)
_EMPHASIS_FILL = PatternFill("solid", fgColor="EEEEEE")
_INPUT_FILL = PatternFill("solid", fgColor="FFFFFF")
_LOCKED_FILL = PatternFill("solid", fgColor="F3F3F3")
_UNLOCKED = Protection(locked=False)
_WRAP = Alignment(wrap_text=True, vertical="top")


def max_bytes() -> int:
    return getattr(settings, "WORKBOOK_MAX_BYTES", 20 * 1024 * 1024)


def max_unpacked_bytes() -> int:
    return getattr(settings, "WORKBOOK_MAX_UNPACKED_BYTES", 400 * 1024 * 1024)


class WorkbookRefused(Exception):
    """The workbook was refused as a whole; `problems` holds one message per problem, each
    naming the sheet, row and column where there is one."""

    def __init__(self, problems):
        self.problems = [str(p) for p in problems]
        super().__init__("\n".join(self.problems))


def cell_name(row: int, column: int | str) -> str:
    """ "row 12, column F": a cell as a person finds it in a spreadsheet program."""
    letter = column if isinstance(column, str) else get_column_letter(column)
    return _("row %(row)s, column %(column)s") % {"row": row, "column": letter}


def row_name(row: int) -> str:
    return _("row %(row)s") % {"row": row}


# -- what a cell takes --------------------------------------------------------------------------
@dataclass(frozen=True)
class Check:
    """What a cell that people fill in takes: the spreadsheet program's data validation while
    they type, and the reader's conversion and check when the workbook comes back.

    kind: "text", "number" (a decimal), "integer" or "choice" (one of `choices`, pairs of the
    stored value and the label people see: the drop-down list shows labels; reading takes
    either, in any language the caller lists in `aliases`)."""

    kind: str = "text"
    minimum: Decimal | int | None = None
    maximum: Decimal | int | None = None
    decimals: int | None = None
    max_length: int | None = None
    choices: tuple[tuple[str, str], ...] = ()
    # Other words a choice cell may hold for a value (its label in another language).
    aliases: tuple[tuple[str, str], ...] = ()

    @classmethod
    def text(cls, max_length=None):
        return cls("text", max_length=max_length)

    @classmethod
    def number(cls, minimum=None, maximum=None, decimals=None):
        return cls("number", minimum=minimum, maximum=maximum, decimals=decimals)

    @classmethod
    def integer(cls, minimum=None, maximum=None):
        return cls("integer", minimum=minimum, maximum=maximum)

    @classmethod
    def choice(cls, choices, aliases=()):
        return cls(
            "choice",
            choices=tuple((str(v), str(label)) for v, label in choices),
            aliases=tuple((str(v), str(word)) for v, word in aliases),
        )

    def describe(self) -> str:
        """What the cell takes, in words (the spreadsheet program's message on a wrong entry)."""
        if self.kind == "choice":
            return _("Choose from the list.")
        if self.kind == "text":
            if self.max_length:
                return _("At most %(limit)s characters.") % {"limit": self.max_length}
            return ""
        whole = self.kind == "integer"
        low, high = self.minimum, self.maximum
        if low is not None and high is not None:
            if whole:
                return _("A whole number from %(low)s to %(high)s.") % {"low": low, "high": high}
            return _("A number from %(low)s to %(high)s.") % {"low": low, "high": high}
        if low is not None:
            if whole:
                return _("A whole number, at least %(low)s.") % {"low": low}
            return _("A number, at least %(low)s.") % {"low": low}
        return _("A whole number.") if whole else _("A number.")


@dataclass(frozen=True)
class Column:
    """A column of a data sheet: its key (row 2), its heading (row 1), its width, and, for a
    column people fill in, what it takes (`check`); without a check it is read only."""

    key: str
    heading: str
    width: float = 14
    check: Check | None = None
    wrap: bool = False
    number_format: str | None = None

    @property
    def editable(self) -> bool:
        return self.check is not None


# -- writing ----------------------------------------------------------------------------------
def _title(text, taken) -> str:
    """A sheet title Excel takes: no []:*?/\\, at most 31 characters, unique in the book."""
    base = str(safe_cell(str(text))).translate(_TITLE_FORBIDDEN).strip("' ")[:SHEET_TITLE_LIMIT]
    base = base or "sheet"
    title, n = base, 2
    while title.lower() in taken:
        suffix = f" ({n})"
        title = base[: SHEET_TITLE_LIMIT - len(suffix)] + suffix
        n += 1
    taken.add(title.lower())
    return title


def _ranges(rows: list[int], letter: str) -> str:
    """Rows [3, 4, 5, 9] of column F as "F3:F5 F9": the cells a validation applies to."""
    parts = []
    start = previous = None
    for row in rows:
        if start is None:
            start = previous = row
        elif row == previous + 1:
            previous = row
        else:
            parts.append((start, previous))
            start = previous = row
    if start is not None:
        parts.append((start, previous))
    return " ".join(f"{letter}{a}" if a == b else f"{letter}{a}:{letter}{b}" for a, b in parts)


class SheetWriter:
    """A data sheet being written row by row (openpyxl's write-only mode: the memory used does
    not grow with the rows)."""

    def __init__(self, book: "WorkbookWriter", key: str, title: str, columns: list[Column]):
        self.book = book
        self.key = key
        self.columns = list(columns)
        self.index = {c.key: i for i, c in enumerate(self.columns, 1)}
        self.sheet = book.book.create_sheet(title)
        self.title = title
        self.rows_written = 0
        self._next_row = FIRST_ROW
        # (column index, check) -> rows where that cell is open with that check
        self._validations: dict[tuple[int, Check], list[int]] = defaultdict(list)
        sheet = self.sheet
        if book.right_to_left:
            sheet.sheet_view.rightToLeft = True
        for i, column in enumerate(self.columns, 1):
            sheet.column_dimensions[get_column_letter(i)].width = column.width
        sheet.freeze_panes = f"A{FIRST_ROW}"
        sheet.protection.sheet = True
        # People may still widen columns and rows to read long texts.
        sheet.protection.formatColumns = False
        sheet.protection.formatRows = False
        self._styled = {}
        sheet.append([self._cell(c.heading, font=_HEADING, wrap=True) for c in self.columns])
        sheet.append([self._cell(c.key, font=_KEY) for c in self.columns])

    def _cell(self, value, *, font=None, fill=None, unlocked=False, wrap=False, number_format=None):
        cell = WriteOnlyCell(self.sheet, value=safe_cell(value))
        if font is not None:
            cell.font = font
        if fill is not None:
            cell.fill = fill
        if unlocked:
            cell.protection = _UNLOCKED
        if wrap:
            cell.alignment = _WRAP
        if number_format:
            cell.number_format = number_format
        return cell

    def append(
        self,
        values: Mapping[str, object],
        *,
        editable: Iterable[str] | None = None,
        checks: Mapping[str, Check] | None = None,
        emphasis: bool = False,
    ) -> int:
        """Write one row: `values` by column key (missing keys stay empty). `editable`: the keys
        of the columns open in this row (by default every column with a check; pass an empty
        list for a read-only row); `checks`: a check for this row only (a yes/no cell in a
        column of numbers). Returns the row's number."""
        row_number = self._next_row
        open_keys = (
            {c.key for c in self.columns if c.editable} if editable is None else set(editable)
        )
        cells = []
        for i, column in enumerate(self.columns, 1):
            value = values.get(column.key)
            if isinstance(value, Promise):
                value = str(value)
            is_open = column.key in open_keys
            if is_open:
                check = (checks or {}).get(column.key) or column.check or Check.text()
                self._validations[(i, check)].append(row_number)
                cells.append(
                    self._cell(
                        value,
                        fill=_INPUT_FILL,
                        unlocked=True,
                        wrap=column.wrap,
                        font=_EMPHASIS if emphasis else None,
                        number_format=column.number_format,
                    )
                )
            elif emphasis or column.wrap or column.number_format or column.editable:
                # A closed cell of a column people fill elsewhere is shaded: it takes nothing.
                cells.append(
                    self._cell(
                        value,
                        font=_EMPHASIS if emphasis else None,
                        fill=_EMPHASIS_FILL
                        if emphasis
                        else (_LOCKED_FILL if column.editable else None),
                        wrap=column.wrap,
                        number_format=column.number_format,
                    )
                )
            else:
                cells.append(safe_cell(value))
        self.sheet.append(cells)
        self._next_row += 1
        self.rows_written += 1
        return row_number

    def _close(self):
        for (index, check), rows in self._validations.items():
            validation = self.book._validation(check)
            if validation is None:
                continue
            validation.sqref = _ranges(rows, get_column_letter(index))
            self.sheet.data_validations.append(validation)


class WorkbookWriter:
    """A workbook to hand out: see the module's docstring."""

    def __init__(
        self,
        *,
        kind: str,
        version: int,
        plan: str = "",
        details: Mapping[str, object] | None = None,
        right_to_left: bool | None = None,
    ):
        self.book = Workbook(write_only=True)
        self.kind = kind
        self.version = version
        self.plan = plan
        self.details = dict(details or {})
        self.right_to_left = get_language_bidi() if right_to_left is None else right_to_left
        self.sheets: dict[str, SheetWriter] = {}
        self._titles: set[str] = {ABOUT, LISTS}
        self._lists: dict[tuple[str, ...], int] = {}

    def add_sheet(self, key: str, title: str, columns: list[Column]) -> SheetWriter:
        sheet = SheetWriter(self, key, _title(title, self._titles), columns)
        self.sheets[key] = sheet
        return sheet

    def add_instructions(self, title: str, paragraphs: Iterable[str]) -> None:
        """A sheet of text, one paragraph a row, for people to read before they fill in."""
        sheet = self.book.create_sheet(_title(title, self._titles))
        if self.right_to_left:
            sheet.sheet_view.rightToLeft = True
        sheet.column_dimensions["A"].width = 100
        sheet.protection.sheet = True
        for i, paragraph in enumerate(paragraphs):
            cell = WriteOnlyCell(sheet, value=safe_cell(str(paragraph)))
            cell.alignment = _WRAP
            if i == 0:
                cell.font = _HEADING
            sheet.append([cell])

    def _validation(self, check: Check) -> DataValidation | None:
        message = check.describe()
        options = {
            "allow_blank": True,
            "showErrorMessage": True,
            "errorStyle": "stop",
            "error": message[:255],
            "showInputMessage": bool(message),
            "prompt": message[:255],
        }
        if check.kind == "choice":
            labels = tuple(label for _value, label in check.choices)
            column = self._lists.setdefault(labels, len(self._lists) + 1)
            letter = get_column_letter(column)
            source = f"{LISTS}!${letter}$1:${letter}${max(len(labels), 1)}"
            return DataValidation(type="list", formula1=source, **options)
        if check.kind in ("number", "integer"):
            kind = "whole" if check.kind == "integer" else "decimal"
            low, high = check.minimum, check.maximum
            if low is not None and high is not None:
                return DataValidation(
                    type=kind, operator="between", formula1=str(low), formula2=str(high), **options
                )
            if low is not None:
                return DataValidation(
                    type=kind, operator="greaterThanOrEqual", formula1=str(low), **options
                )
            if high is not None:
                return DataValidation(
                    type=kind, operator="lessThanOrEqual", formula1=str(high), **options
                )
            return DataValidation(
                type=kind, operator="between", formula1="-1E+307", formula2="1E+307", **options
            )
        if check.kind == "text" and check.max_length:
            return DataValidation(
                type="textLength",
                operator="lessThanOrEqual",
                formula1=str(min(check.max_length, CELL_TEXT_LIMIT)),
                **options,
            )
        return None

    def _write_hidden(self):
        for sheet in self.sheets.values():
            sheet._close()
        lists = self.book.create_sheet(LISTS)
        lists.sheet_state = "hidden"
        columns = sorted(self._lists.items(), key=lambda item: item[1])
        longest = max((len(labels) for labels, _i in columns), default=0)
        for r in range(longest):
            lists.append(
                [safe_cell(labels[r]) if r < len(labels) else None for labels, _i in columns]
            )
        about = self.book.create_sheet(ABOUT)
        about.sheet_state = "hidden"
        about.append(["kind", safe_cell(self.kind)])
        about.append(["template", self.version])
        about.append(["plan", safe_cell(self.plan)])
        for key, sheet in self.sheets.items():
            about.append([f"sheet:{key}", safe_cell(sheet.title)])
        for key, value in self.details.items():
            about.append([safe_cell(str(key)), safe_cell(_about_value(value))])

    def save(self, target=None) -> bytes | None:
        """The workbook as bytes, or written to `target` (a path or a binary file)."""
        self._write_hidden()
        if target is not None:
            self.book.save(target)
            return None
        buffer = io.BytesIO()
        self.book.save(buffer)
        return buffer.getvalue()


def _about_value(value):
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return "" if value is None else str(value)


# -- reading ------------------------------------------------------------------------------------
def _size(source) -> int:
    if isinstance(source, bytes | bytearray):
        return len(source)
    size = getattr(source, "size", None)
    if size is not None:
        return size
    position = source.tell()
    source.seek(0, io.SEEK_END)
    size = source.tell()
    source.seek(position)
    return size


def check_upload(source, name: str = "") -> None:
    """Refuse, before anything is unpacked, a file too large or not an XLSX workbook."""
    size = _size(source)
    limit = max_bytes()
    label = name or _("The file")
    if size > limit:
        raise WorkbookRefused(
            [
                _(
                    "%(file)s is %(size)s; the largest workbook the portal takes is %(limit)s. "
                    "Split it (for example one workbook per period or per entity), or ask the "
                    "Directorate."
                )
                % {"file": label, "size": filesizeformat(size), "limit": filesizeformat(limit)}
            ]
        )
    if size == 0:
        raise WorkbookRefused([_("%(file)s is empty.") % {"file": label}])
    head = _head(source, 8)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        # An OLE compound file: an Excel 97-2003 workbook, or an XLSX with a password.
        raise WorkbookRefused(
            [
                _(
                    "%(file)s is an old Excel workbook (.xls) or is protected with a password. "
                    "Open it, remove any password, and save it as an Excel workbook (.xlsx)."
                )
                % {"file": label}
            ]
        )
    refused = WorkbookRefused(
        [
            _(
                "%(file)s is not an Excel workbook (.xlsx). Download the workbook from the "
                "portal, fill it in, and save it as .xlsx (in LibreOffice: “Keep current "
                "format” is not enough; choose “Excel 2007-365”)."
            )
            % {"file": label}
        ]
    )
    if not head.startswith(b"PK"):
        raise refused
    try:
        with zipfile.ZipFile(_as_file(source)) as archive:
            names = set(archive.namelist())
            unpacked = sum(entry.file_size for entry in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise refused from None
    if "xl/workbook.xml" not in names:
        raise refused
    if unpacked > max_unpacked_bytes():
        raise WorkbookRefused(
            [
                _(
                    "%(file)s would unpack to %(size)s, more than the portal reads "
                    "(%(limit)s). Split it into smaller workbooks."
                )
                % {
                    "file": label,
                    "size": filesizeformat(unpacked),
                    "limit": filesizeformat(max_unpacked_bytes()),
                }
            ]
        )


def _head(source, n) -> bytes:
    if isinstance(source, bytes | bytearray):
        return bytes(source[:n])
    position = source.tell()
    source.seek(0)
    head = source.read(n)
    source.seek(position)
    return head


def _as_file(source):
    if isinstance(source, bytes | bytearray):
        return io.BytesIO(source)
    source.seek(0)
    return source


def read_workbook(
    source, *, kind: str, version: int, plan: str | None = None, name: str = ""
) -> "WorkbookReader":
    """Open an uploaded workbook of `kind` made from template `version` (and for `plan`, when
    given); bytes or a binary file. Raises WorkbookRefused when it cannot be that workbook."""
    check_upload(source, name)
    try:
        book = load_workbook(_as_file(source), read_only=True, data_only=False)
    except Exception:  # openpyxl raises many kinds for a broken file
        raise WorkbookRefused(
            [
                _(
                    "%(file)s could not be read as an Excel workbook. Save it again as .xlsx, "
                    "or download a new workbook."
                )
                % {"file": name or _("The file")}
            ]
        ) from None
    reader = WorkbookReader(book, name)
    try:
        reader._check(kind, version, plan)
    except WorkbookRefused:
        reader.close()
        raise
    return reader


class WorkbookReader:
    def __init__(self, book, name=""):
        self.book = book
        self.name = name
        self.problems: list[str] = []
        self.about: dict[str, str] = {}

    def close(self):
        self.book.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @property
    def plan(self) -> str:
        return self.about.get("plan", "")

    def _check(self, kind, version, plan):
        if ABOUT not in self.book.sheetnames:
            raise WorkbookRefused(
                [
                    _(
                        "This workbook was not made by the portal, or its hidden sheet “about” "
                        "was removed. Download the workbook from the portal and type your "
                        "figures into it."
                    )
                ]
            )
        for row in self.book[ABOUT].iter_rows(min_row=1, max_col=2, values_only=True):
            if row and row[0] is not None:
                self.about[str(row[0])] = "" if len(row) < 2 or row[1] is None else str(row[1])
        found = self.about.get("kind", "")
        if found != kind:
            raise WorkbookRefused(
                [
                    _(
                        "This is another kind of workbook (“%(found)s”), not the one this page "
                        "reads (“%(expected)s”). Upload the workbook you downloaded here."
                    )
                    % {"found": found or "?", "expected": kind}
                ]
            )
        if self.about.get("template") != str(version):
            raise WorkbookRefused(
                [
                    _(
                        "This workbook was made from another version of the template "
                        "(%(found)s; the portal now uses %(current)s). Download a new workbook "
                        "and copy your figures into it."
                    )
                    % {"found": self.about.get("template") or "?", "current": version}
                ]
            )
        if plan is not None and self.plan != plan:
            raise WorkbookRefused(
                [
                    _(
                        "This workbook is for the plan %(found)s, not for %(expected)s. "
                        "Download the workbook of %(expected)s."
                    )
                    % {"found": self.plan or "?", "expected": plan}
                ]
            )

    def sheet(self, key: str) -> "SheetReader":
        title = self.about.get(f"sheet:{key}", "")
        if not title or title not in self.book.sheetnames:
            raise WorkbookRefused(
                [
                    _(
                        "The sheet “%(sheet)s” is missing from this workbook (it may have been "
                        "renamed or deleted). Download a new workbook."
                    )
                    % {"sheet": title or key}
                ]
            )
        return SheetReader(self, self.book[title], key)


_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ROW, _CELL, _VALUE, _FORMULA, _INLINE, _TEXT = (
    f"{_MAIN}{tag}" for tag in ("row", "c", "v", "f", "is", "t")
)
_DIGITS = "0123456789"


class SheetReader:
    """A data sheet of an uploaded workbook. Rows are read by streaming the sheet's XML with
    the standard library's parser and converting only the cells asked for: openpyxl's own
    read-only iteration makes an object of every cell and took 9.8 s for 50,000 rows of 13
    columns, this 2.4 s (numbers are read exactly, as Decimals, never through a float). It
    uses two attributes of openpyxl's read-only worksheet (`_get_source`, the sheet's XML in
    the archive, and `_shared_strings`); tests/core/test_workbook.py reads workbooks saved by
    openpyxl in both ways it writes strings."""

    def __init__(self, reader: WorkbookReader, sheet, key: str):
        self.reader = reader
        self.sheet = sheet
        self.key = key
        self.title = sheet.title
        self._index: dict[str, int] | None = None

    def columns(self) -> dict[str, int]:
        """Column index (1-based) by key, from the key row."""
        if self._index is None:
            index = {}
            for number, cells in self._cells(KEY_ROW, None):
                if number > KEY_ROW:
                    break
                if number == KEY_ROW:
                    for i, (_kind, value) in sorted(cells.items()):
                        if isinstance(value, str) and value.strip():
                            index.setdefault(value.strip(), i)
            self._index = index
        return self._index

    def require(self, keys: Iterable[str]) -> dict[str, int]:
        index = self.columns()
        missing = [k for k in keys if k not in index]
        if missing:
            raise WorkbookRefused(
                [
                    _(
                        "Sheet “%(sheet)s”, row %(row)s: the column “%(key)s” is missing. The "
                        "keys in row %(row)s tell the portal what each column holds: do not "
                        "change them. Download a new workbook."
                    )
                    % {"sheet": self.title, "row": KEY_ROW, "key": key}
                    for key in missing
                ]
            )
        return index

    def count_rows(self) -> int:
        """How many rows of data the sheet holds: from the size the sheet declares (cheap,
        whatever the rows; spreadsheet programs write it), else by reading it."""
        last = self.sheet.max_row
        if last is not None:
            return max(0, last - FIRST_ROW + 1)
        return sum(1 for number, cells in self._cells(FIRST_ROW, None) if cells)

    def rows(self, keys: Iterable[str]) -> Iterator["Row"]:
        """Each data row with anything in the cells of `keys` (all must be in the key row)."""
        index = self.require(list(keys))
        by_column = {i: key for key, i in index.items()}
        for number, cells in self._cells(FIRST_ROW, set(by_column)):
            if number < FIRST_ROW or not cells:
                continue
            yield Row(self, number, {by_column[i]: cell for i, cell in cells.items()})

    def _cells(self, first_row, wanted):
        """(row number, {column index: (type, value)}) for each row from `first_row`, with the
        non-empty cells of the columns `wanted` (all when None). Types: "s" text, "n" number (a
        Decimal, exactly as stored), "d" a number shown as a date, "b" yes/no, "e" an error,
        "f" a formula (its text)."""
        strings = self.sheet._shared_strings
        dates = getattr(self.sheet.parent, "_date_formats", set())
        columns: dict[str, int] = {}
        row_counter = 0
        with self.sheet._get_source() as source:
            for _event, element in ElementTree.iterparse(source, events=("end",)):
                if element.tag != _ROW:
                    continue
                row_counter = int(element.get("r") or row_counter + 1)
                if row_counter < first_row:
                    element.clear()
                    continue
                cells = {}
                column = 0
                for cell in element:
                    ref = cell.get("r")
                    if ref:
                        letters = ref.rstrip(_DIGITS)
                        column = columns.get(letters) or columns.setdefault(
                            letters, column_index_from_string(letters)
                        )
                    else:
                        column += 1
                    if wanted is not None and column not in wanted:
                        continue
                    found = _cell_value(cell, strings, dates)
                    if found is not None:
                        cells[column] = found
                element.clear()
                yield row_counter, cells


def _cell_value(cell, strings, dates):
    kind = cell.get("t", "n")
    formula = cell.find(_FORMULA)
    if formula is not None:
        return "f", "=" + (formula.text or "")
    if kind == "inlineStr":
        inline = cell.find(_INLINE)
        text = "".join(t.text or "" for t in inline.iter(_TEXT)) if inline is not None else ""
        return ("s", text) if text != "" else None
    raw = cell.findtext(_VALUE)
    if raw is None or raw == "":
        return None
    if kind == "s":
        text = strings[int(raw)]
        text = str(text) if not isinstance(text, str) else text
        return ("s", text) if text != "" else None
    if kind == "str":
        return "s", raw
    if kind == "b":
        return "b", raw == "1"
    if kind == "e":
        return "e", raw
    if kind == "d":
        return "d", raw
    style = cell.get("s")
    if style and int(style) in dates:
        return "d", raw
    try:
        return "n", Decimal(raw)
    except InvalidOperation:
        return "e", raw


@dataclass
class Row:
    """One row of a data sheet: the cells read, by key, and methods that convert one cell or
    record a problem naming it (the reader's `problems`)."""

    sheet: SheetReader
    number: int
    cells: dict[str, tuple[str, object]] = field(default_factory=dict)

    def name(self, key: str | None = None) -> str:
        if key is None:
            return row_name(self.number)
        return cell_name(self.number, self.sheet.columns()[key])

    def problem(self, key: str | None, message: str) -> None:
        where = self.name(key)
        sheet = self.sheet.title
        self.sheet.reader.problems.append(
            _("Sheet “%(sheet)s”, %(cell)s: %(problem)s")
            % {"sheet": sheet, "cell": where, "problem": message}
        )

    def has(self, key: str) -> bool:
        return key in self.cells

    def _value(self, key):
        """(type, value) of the cell, or None when empty or a formula or an error (a problem)."""
        if key not in self.cells:
            return None
        data_type, value = self.cells[key]
        if data_type == "f":
            self.problem(
                key,
                _("a formula (%(formula)s). Type the value itself, not a formula.")
                % {"formula": str(value)[:40]},
            )
            return None
        if data_type == "e":
            self.problem(key, _("an error value (%(error)s).") % {"error": value})
            return None
        return data_type, value

    def text(self, key: str, check: Check | None = None) -> str:
        found = self._value(key)
        if found is None:
            return ""
        data_type, value = found
        if data_type == "n":
            value = _plain(value)
        elif data_type == "b":
            value = "1" if value else "0"
        text = unneutralise(str(value)).replace("\r\n", "\n").replace("\r", "\n")
        limit = check.max_length if check else None
        if limit and len(text) > limit:
            self.problem(
                key,
                _("%(count)s characters; at most %(limit)s are taken.")
                % {"count": len(text), "limit": limit},
            )
        return text

    def code(self, key: str) -> str:
        """A code (of a plan object, a period): the text without surrounding spaces."""
        return self.text(key).strip()

    def decimal(self, key: str, check: Check | None = None) -> Decimal | None:
        """A number (None when empty), exactly as stored. Text holding a number (with Eastern
        Arabic digits, 1,234.5) is taken; other text, a date, a yes/no, a formula is a problem."""
        check = check or Check.number()
        found = self._value(key)
        if found is None:
            return None
        data_type, value = found
        if data_type == "n":
            number = value
        elif data_type == "d":
            self.problem(key, _("a date, not a number. %(takes)s") % {"takes": check.describe()})
            return None
        else:
            text = western(str(value)).strip().replace(",", "").replace(" ", "")
            try:
                number = Decimal(text) if data_type == "s" else None
            except InvalidOperation:
                number = None
            if number is None or not number.is_finite():
                shown = str(value)[:40] if data_type == "s" else str(value)
                self.problem(
                    key,
                    _("“%(value)s” is not a number. %(takes)s")
                    % {"value": shown, "takes": check.describe()},
                )
                return None
        return self._in_range(key, number, check)

    def integer(self, key: str, check: Check | None = None) -> int | None:
        check = check or Check.integer()
        number = self.decimal(key, check)
        if number is None:
            return None
        if number != number.to_integral_value():
            self.problem(
                key,
                _("%(value)s is not a whole number. %(takes)s")
                % {"value": _shown(number), "takes": check.describe()},
            )
            return None
        return int(number)

    def _in_range(self, key, number, check):
        low, high = check.minimum, check.maximum
        if (low is not None and number < low) or (high is not None and number > high):
            self.problem(
                key,
                _("%(value)s is out of range. %(takes)s")
                % {"value": _shown(number), "takes": check.describe()},
            )
            return None
        if check.decimals is not None and -number.as_tuple().exponent > check.decimals:
            self.problem(
                key,
                _("%(value)s has more than %(decimals)s decimal places.")
                % {"value": _shown(number), "decimals": check.decimals},
            )
            return None
        return number

    def choice(self, key: str, check: Check) -> str | None:
        """The stored value of a choice (None when empty): the cell may hold a label (in any
        language the check lists) or the value itself."""
        found = self._value(key)
        if found is None:
            return None
        text = self.text(key).strip()
        folded = text.casefold()
        for stored, label in (*check.choices, *check.aliases):
            if folded in (stored.casefold(), label.casefold()):
                return stored
        self.problem(
            key,
            _("“%(value)s” is not one of the choices (%(choices)s).")
            % {"value": text[:40], "choices": join_list(label for _v, label in check.choices)},
        )
        return None


def _shown(number: Decimal) -> str:
    """A number for a message: as typed when short, else in scientific notation (a cell may
    hold 1E-20000000, which written out is twenty million characters)."""
    exponent = number.as_tuple().exponent
    if isinstance(exponent, int) and -20 <= exponent <= 20 and len(number.as_tuple().digits) <= 30:
        return _plain(number)
    return f"{number:.6E}"


def _plain(number: Decimal) -> str:
    text = format(number, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
