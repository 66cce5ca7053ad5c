"""The national progress report for a period: a summary and one sheet per pillar, as XLSX, and
the same content as a printable page. Built from the same selectors as the dashboards."""

import io
import logging
import re

from django.utils.safestring import mark_safe
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


def national_report(policy, period, public=False):
    """The national progress report as a reader sees it (`public`: as a visitor may, figures
    hidden by disclosure control left out, analytics/disclosure.py; else as staff and partners
    do): a summary by pillar and by governorate, the achievement and the reporting rate over
    time, and per pillar its objectives, each with its activities and their indicators. A
    fixed number of queries, whatever the size of the plan."""
    progress = selectors.indicator_progress(policy, period, public=public)
    rollups = selectors.pillar_rollups(policy, period, public=public)
    over_time = selectors.achievement_over_time_by_pillar(policy, upto=period, public=public)
    periods = [p for p, _r in over_time.get(None, [])]
    rates = selectors.reporting_rates(periods)
    place_rates = selectors.reporting_rates_by_governorate(period)
    nothing_expected = selectors.ReportingRate(0, 0, 0, selectors.is_due(period))
    places = [
        {
            "place": place,
            "rollup": rollup,
            "counts": counts,
            "rate": place_rates.get(place.pk, nothing_expected),
        }
        for place, (rollup, counts) in selectors.governorate_rollups(
            policy, period, public=public
        ).items()
    ]
    by_pillar = {}
    for item in progress:
        by_pillar.setdefault(item.pillar.pk, []).append(item)
    pillars = []
    for pillar in Pillar.objects.order_by("number"):
        rollup, counts = rollups.get(pillar.pk, selectors.EMPTY)
        pillars.append(
            {
                "pillar": pillar,
                "rollup": rollup,
                "counts": counts,
                "objectives": _by_objective(by_pillar.get(pillar.pk, [])),
                "over_time": over_time.get(pillar.pk, [(p, measures.rollup([])) for p in periods]),
            }
        )
    national, counts = rollups.get(None, selectors.EMPTY)
    return {
        "policy": policy,
        "period": period,
        "public": public,
        "pillars": pillars,
        "national": national,
        "counts": counts,
        "rate": rates.get(period.pk) or selectors.reporting_rate(period),
        "rates": [(p, rates[p.pk]) for p in periods],
        "over_time": over_time.get(None, []),
        "places": places,
        "statuses": measures.Status,
    }


def _by_objective(items):
    """[{objective, items (its own indicators), activities: [{activity, items}]}] by code."""
    objectives = {}
    for item in sorted(items, key=lambda i: i.indicator.code):
        indicator = item.indicator
        activity = indicator.activity
        objective = indicator.objective or activity.objective
        entry = objectives.setdefault(
            objective.pk, {"objective": objective, "items": [], "activities": {}}
        )
        if activity is None:
            entry["items"].append(item)
        else:
            entry["activities"].setdefault(activity.pk, {"activity": activity, "items": []})
            entry["activities"][activity.pk]["items"].append(item)
    result = []
    for entry in sorted(objectives.values(), key=lambda e: e["objective"].code):
        activities = sorted(entry["activities"].values(), key=lambda a: a["activity"].code)
        result.append({**entry, "activities": activities})
    return result


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
            _("not yet due"),
            rate.not_yet_due,
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


# -- the report as a PDF (WeasyPrint) -------------------------------------------------------------

# WeasyPrint logs each step of each page at INFO: kept out of the server's log.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

# The fonts the PDF embeds (static/vendor/, README.md there): Arabic script with the Kurdish
# letters, and Latin. Nothing else is fetched while the PDF is made (_FontsOnly).
PDF_FONTS = {
    "arabic_400": "vendor/vazirmatn/vazirmatn-arabic-400-normal.woff",
    "arabic_700": "vendor/vazirmatn/vazirmatn-arabic-700-normal.woff",
    "latin_400": "vendor/noto-sans/noto-sans-latin-400-normal.woff",
    "latin_700": "vendor/noto-sans/noto-sans-latin-700-normal.woff",
    "symbols": "vendor/noto-sans-symbols-2/noto-sans-symbols-2-status-400.woff",  # ✓ ✗ ✱
}


def _font_files():
    """{name: (file URL, path)} of PDF_FONTS, found as the static files are."""
    from pathlib import Path

    from django.contrib.staticfiles import finders

    result = {}
    for name, relative in PDF_FONTS.items():
        path = Path(finders.find(relative))
        result[name] = (path.as_uri(), path)
    return result


def report_pdf(content) -> bytes:
    """The report (national_report's content) as a PDF in the active language: a cover, the
    summary by pillar and governorate, the charts over time with their tables, then each
    pillar; page numbers; right to left in Arabic and Kurdish, whose PDFs also write their
    numbers in Eastern Arabic digits (٠١٢, as Iraq's printed reports do; codes keep theirs)."""
    from django.template.loader import render_to_string
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    from core.digits import html_eastern

    fonts = _font_files()
    allowed = {url: path for url, path in fonts.values()}

    class _FontsOnly(URLFetcher):
        def fetch(self, url, headers=None):
            if url not in allowed:
                raise ValueError(f"not fetched for the report: {url[:80]}")
            return URLFetcherResponse(url, allowed[url].read_bytes(), {"Content-Type": "font/woff"})

    rtl = get_language_bidi()
    family = mark_safe(  # a constant of this function, written into the template's CSS
        '"Report Arabic", "Report Latin", "Report Symbols", sans-serif'
        if rtl
        else '"Report Latin", "Report Arabic", "Report Symbols", sans-serif'
    )
    context = {
        **content,
        "pdf": True,
        "fonts": {name: url for name, (url, _path) in fonts.items()},
        "family": family,
    }
    html = render_to_string("analytics/progress_report_pdf.html", context)
    if rtl:
        html = html_eastern(html)
    fetcher = _FontsOnly()
    # The styles come beside the HTML (it holds no inline style); their @font-face rules need
    # the font configuration that the PDF is then written with.
    fonts_used = FontConfiguration()
    styles = CSS(
        string=render_to_string("analytics/progress_report_pdf.css", context),
        url_fetcher=fetcher,
        font_config=fonts_used,
    )
    return HTML(string=html, url_fetcher=fetcher).write_pdf(
        stylesheets=[styles], font_config=fonts_used
    )
