"""The national progress report for a period: a summary and one sheet per pillar, as XLSX, and
the same content as a printable page. Built from the same selectors as the dashboards."""

import io
import re

from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from analytics import measures, selectors
from core.exports import safe_cell
from pillars.models import Pillar


def report_content(policy, period):
    progress = selectors.indicator_progress(policy, period)
    pillars = []
    for pillar in Pillar.objects.order_by("number"):
        items = sorted(
            (p for p in progress if p.pillar.pk == pillar.pk), key=lambda p: p.indicator.code
        )
        rows = []
        for item in items:
            indicator = item.indicator
            objective = indicator.objective or indicator.activity.objective
            rows.append(
                {
                    "objective": objective,
                    "activity": indicator.activity,
                    "item": item,
                }
            )
        pillars.append(
            {
                "pillar": pillar,
                "rollup": measures.rollup(i.achievement for i in items),
                "counts": measures.status_counts(items),
                "rows": rows,
            }
        )
    return {
        "policy": policy,
        "period": period,
        "pillars": pillars,
        "national": measures.rollup(p.achievement for p in progress),
        "rate": selectors.reporting_rate(period),
    }


def _number(value):
    return None if value is None else float(value)


def _append(sheet, values):
    """A row, every cell through core.exports.safe_cell: no live formula, nothing the
    worksheet refuses."""
    sheet.append([safe_cell(v) for v in values])


def _sheet_title(text):
    # Excel refuses these characters in a sheet's name and 32 characters or more.
    return re.sub(r"[\\/*?:\[\]]", "", safe_cell(text)).lstrip("'")[:31] or "-"


def report_xlsx(content) -> bytes:
    book = Workbook()
    summary = book.active
    summary.title = _sheet_title(_("Summary"))
    _append(summary, [f"{content['policy'].title}: {content['period'].name}"])
    summary["A1"].font = Font(bold=True, size=13)
    _append(summary, [])
    headers = [
        _("Pillar"),
        _("Achievement"),
        _("Indicators with data"),
        _("Indicators"),
        str(measures.Status.ON_TRACK.label),
        str(measures.Status.AT_RISK.label),
        str(measures.Status.OFF_TRACK.label),
        str(measures.Status.NO_DATA.label),
    ]
    _append(summary, headers)
    for block in content["pillars"]:
        r, c = block["rollup"], block["counts"]
        _append(
            summary,
            [
                str(block["pillar"]),
                _number(r.achievement),
                r.with_data,
                r.indicators,
                c["on_track"],
                c["at_risk"],
                c["off_track"],
                c["no_data"],
            ],
        )
    n = content["national"]
    _append(summary, [_("All pillars"), _number(n.achievement), n.with_data, n.indicators])
    rate = content["rate"]
    _append(summary, [])
    _append(
        summary,
        [
            _("Reports expected"),
            rate.expected,
            _("on time"),
            rate.on_time,
            _("late"),
            rate.late,
            _("missing"),
            rate.missing,
        ],
    )
    for block in content["pillars"]:
        sheet = book.create_sheet(
            title=_sheet_title(f"{block['pillar'].number}. {block['pillar'].code}")
        )
        _append(
            sheet,
            [
                _("Objective"),
                _("Activity"),
                _("Indicator code"),
                _("Indicator"),
                _("Unit"),
                _("Baseline"),
                _("Target"),
                _("Target period"),
                _("Actual"),
                _("Achievement"),
                _("Status"),
            ],
        )
        for row in block["rows"]:
            item = row["item"]
            activity = row["activity"]
            _append(
                sheet,
                [
                    str(row["objective"]),
                    str(activity) if activity else "",
                    item.indicator.code,
                    item.indicator.title,
                    item.indicator.get_unit_display(),
                    _number(item.indicator.baseline_value),
                    _number(item.target),
                    item.target_period or "",
                    _number(item.actual),
                    _number(item.achievement),
                    str(measures.Status(item.status).label),
                ],
            )
    for sheet in book.worksheets:
        # Arabic and Kurdish readers get sheets that run from right to left, as Excel does for
        # a workbook made in those languages.
        sheet.sheet_view.rightToLeft = get_language_bidi()
        for cell in sheet[3 if sheet is summary else 1]:
            cell.font = Font(bold=True)
        for index, column in enumerate(sheet.columns, 1):
            width = max((len(str(c.value)) for c in column if c.value is not None), default=8)
            sheet.column_dimensions[get_column_letter(index)].width = min(max(width, 8), 60)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
