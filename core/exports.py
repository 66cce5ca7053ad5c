"""What goes into a cell of a spreadsheet we hand out: one function for every export.

The API's CSV and XLSX renderers (core/api.py), the admin's import-export sheets
(core/importing.py PlanResource.export_field, also `manage.py export_plan`), the progress report
(analytics/report.py) and the chart tables (analytics/views.py chart_csv) all write their cells
through `safe_cell`.

Order matters. First the characters a worksheet cannot hold (openpyxl raises
IllegalCharacterError on them) and the other control characters are taken out; then a text that
a spreadsheet would run as a formula (it starts with = + - @, a tab or a carriage return) gets an
apostrophe in front. Neutralising first and stripping after would uncover the `=` of
"\\x01=HYPERLINK(...)" and hand out a live formula.

Numbers stay numbers (a negative amount is not a formula), dates and booleans stay as they are.
"""

import re

from django.utils.functional import Promise
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

# C0 controls other than tab, line feed and carriage return (what openpyxl refuses), DEL and the
# C1 controls: nothing a person types, and some programs treat them as line breaks.
# Control characters, and the two "noncharacters" XML does not allow (U+FFFE, U+FFFF): a cell
# holding one makes the whole workbook unreadable.
CONTROL_CHARACTERS_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def safe_cell(value):
    """The value as it may be written to a CSV or XLSX cell."""
    if isinstance(value, Promise):
        value = str(value)
    if not isinstance(value, str):
        return value
    text = CONTROL_CHARACTERS_RE.sub("", value)
    text = ILLEGAL_CHARACTERS_RE.sub("", text)  # the same set today; follows openpyxl if it grows
    if text.startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text


def unneutralise(value):
    """The text as typed, from a cell that safe_cell neutralised (import of an exported sheet)."""
    if isinstance(value, str) and value[:1] == "'" and value[1:].startswith(FORMULA_TRIGGERS):
        return value[1:]
    return value
