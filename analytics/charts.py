"""Charts over time, drawn on the server as SVG: no JavaScript, nothing fetched, the same
drawing on a page, in print and in the PDF (WeasyPrint draws inline SVG).

A chart is a bar per period, with its axes, grid lines labelled in the page's language, and a
<title> and <desc> for screen readers (role="img", aria-labelledby). Every chart stands next
to a table of the same numbers: the chart is a picture of the table, never the only place a
number is written. A period without a figure has no bar and says "no data" (or "hidden", for a
figure hidden by disclosure control, analytics/disclosure.py) under its place on the axis.

Right to left (Arabic, Kurdish): the time axis runs from right to left, the earliest period at
the right, as a reader of those languages reads a line and as their printed charts run; the
value axis and its labels stand on the right. Only positions are mirrored: the words and
numbers are written as they are (never a mirrored glyph). The SVG's own direction is left to
right, so that positions and anchors are physical ones in every language; a browser still
orders the words of each label with the bidirectional algorithm (an Arabic label reads right
to left). WeasyPrint's SVG text does not, so the PDF's labels are given in visual order, in
digits only (visual_rtl).
"""

import re
from dataclasses import dataclass
from decimal import Decimal

from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _

from core.digits import eastern_text
from core.templatetags.numbers import figure_text, percent
from indicators.models import QUARTER_LABEL

# Drawn small and scaled to the page: at 360 px a phone shows the chart at three quarters of
# this size, so its 13-unit labels stay about 9 px high.
WIDTH, HEIGHT = 480, 270
TOP, BOTTOM, SIDE, FAR = 16, 84, 50, 10  # margins: above, below (the labels), the axis side
BAR = "#205375"
MUTED = "#5b6670"
LINE = "#c9d1d9"


@dataclass(frozen=True)
class Point:
    """One period on a chart: `value` None when there is no figure, `hidden` when disclosure
    control hides it."""

    label: str
    value: Decimal | None
    hidden: bool = False
    short: str = ""  # the label in digits only ("4/2024"), for the PDF in right to left
    code: str = ""  # the period's code ("2024-H1"), for the PDF when it has no short label


def period_point(period, value, hidden=False):
    """A Point of a reporting period: its name, and for a quarter "4/2024" (the quarter, then
    the year), which the right-to-left PDF writes in place of words (see visual_rtl)."""
    quarter = QUARTER_LABEL.match(period.label or "")
    short = f"{quarter.group('quarter')}/{quarter.group('year')}" if quarter else ""
    return Point(str(period), value, hidden, short, period.label)


def _n(number) -> str:
    """A coordinate, to a tenth (format_html escapes its arguments into text)."""
    return f"{number:.1f}"


def _ticks(top, share):
    """Four or five round steps from 0 to at least `top`."""
    if share:
        top = max(Decimal(1), top)
        step = Decimal("0.25") if top <= 1 else Decimal("0.5")
    else:
        top = max(Decimal(1), top)
        raw = top / 4
        magnitude = Decimal(10) ** (len(str(int(raw))) - 1)
        steps = (Decimal(m) * magnitude for m in ("1", "2", "2.5", "5", "10"))
        step = next(m for m in steps if m >= raw)
    ticks, value = [], Decimal(0)
    while value < top + step:
        ticks.append(value)
        if value >= top:
            break
        value += step
    return ticks


# Runs a renderer without the bidirectional algorithm must keep in their own order: a number
# (with its separators), a Latin phrase, a space, anything else (Arabic-script words, signs).
_DIGIT = "0-9\u0660-\u0669\u06f0-\u06f9"
_RUNS = re.compile(
    rf"[{_DIGIT}]+(?:[.,\u066b\u066c][{_DIGIT}]+)*"
    rf"|[A-Za-z](?:[A-Za-z ]*[A-Za-z])?|\s+|[^\sA-Za-z{_DIGIT}]+"
)


def visual_rtl(text):
    """A right-to-left label of digits and signs in the order its runs are seen, for a
    renderer that draws SVG text left to right without the bidirectional algorithm
    (WeasyPrint): "٤/٢٠٢٤" becomes "٢٠٢٤/٤", "٢٥٪" becomes "٪٢٥". Each run of digits keeps its
    order. Words in Arabic script would be drawn backwards by such a renderer, so the PDF's
    charts write none: periods by their digits (Point.short), a missing figure as a sign."""
    return "".join(reversed(_RUNS.findall(text)))


def time_chart(points, *, title, description, share=True, chart_id="chart", visual=False):
    """An SVG bar chart of `points` (Points, earliest first). `share`: the values are ratios
    (0.33 is 33 %) on an axis from 0 to 100 % (more when a value exceeds it); else numbers on
    an axis from 0. `visual`: for WeasyPrint (the PDF), which draws SVG text without the
    bidirectional algorithm: right-to-left labels are given in visual order, with the Eastern
    Arabic digits of the rest of the PDF. Returns safe HTML."""
    rtl = get_language_bidi()

    visual_fonts = visual
    visual = visual and rtl

    def say(text):
        text = str(text)
        return visual_rtl(eastern_text(text)) if visual else text

    points = list(points)
    values = [p.value for p in points if p.value is not None]
    top = max([Decimal(v) for v in values] + [Decimal(0)])
    ticks = _ticks(top, share)
    ceiling = ticks[-1] or Decimal(1)
    fmt = percent if share else figure_text  # 18, not 17.9666666666667
    plot_w, plot_h = WIDTH - SIDE - FAR, HEIGHT - TOP - BOTTOM
    left = FAR if rtl else SIDE
    axis_x = left + plot_w if rtl else left  # the value axis, on the reading side
    label_x = axis_x + 6 if rtl else axis_x - 6
    anchor = "start" if rtl else "end"

    def y(value):
        return TOP + plot_h - float(Decimal(value) / ceiling) * plot_h

    parts = []
    for tick in ticks:
        ty = y(tick)
        parts.append(
            format_html(
                '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}" stroke-width="1"/>'
                '<text x="{}" y="{}" text-anchor="{}" font-size="13" fill="{}" '
                'dominant-baseline="middle">{}</text>',
                _n(left),
                _n(left + plot_w),
                _n(ty),
                _n(ty),
                LINE,
                _n(label_x),
                _n(ty),
                anchor,
                MUTED,
                say(fmt(tick)),
            )
        )
    n = max(len(points), 1)
    slot = plot_w / n
    bar_w = max(min(slot * 0.6, 40), 2)
    rotate = n > 5  # long series: slanted labels, so that they never overlap
    for index, point in enumerate(points):
        position = n - 1 - index if rtl else index
        centre = left + slot * position + slot / 2
        if point.value is not None:
            value = max(Decimal(point.value), Decimal(0))
            top_y = y(value)
            parts.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="{}">'
                    "<title>{}: {}</title></rect>",
                    _n(centre - bar_w / 2),
                    _n(top_y),
                    _n(bar_w),
                    _n(TOP + plot_h - top_y),
                    BAR,
                    point.label,
                    fmt(point.value),
                )
            )
            if not rotate:
                parts.append(
                    format_html(
                        '<text x="{}" y="{}" text-anchor="middle" font-size="13" '
                        'fill="{}">{}</text>',
                        _n(centre),
                        _n(top_y - 4),
                        "#1b1f23",
                        say(fmt(point.value)),
                    )
                )
        else:
            missing = _("hidden") if point.hidden else _("no data")
            parts.append(
                format_html(
                    '<text x="{}" y="{}" text-anchor="middle" font-size="12" fill="{}">{}</text>',
                    _n(centre),
                    _n(TOP + plot_h - 6),
                    MUTED,
                    ("✱" if point.hidden else "–") if rotate or visual else say(missing),
                )
            )
        base_y = TOP + plot_h + 17
        if rotate:
            # Slanted so that the end of each label meets its bar; in right-to-left the slant
            # is mirrored with the axis, the text itself is not.
            angle = 40 if rtl else -40
            parts.append(
                format_html(
                    '<text x="{}" y="{}" text-anchor="{}" font-size="13" fill="{}" '
                    'transform="rotate({} {} {})">{}</text>',
                    _n(centre),
                    _n(base_y),
                    "start" if rtl else "end",
                    MUTED,
                    angle,
                    _n(centre),
                    _n(base_y),
                    (say(point.short) if point.short else point.code or point.label)
                    if visual
                    else point.label,
                )
            )
        else:
            parts.append(
                format_html(
                    '<text x="{}" y="{}" text-anchor="middle" font-size="13" fill="{}">{}</text>',
                    _n(centre),
                    _n(base_y),
                    MUTED,
                    (say(point.short) if point.short else point.code or point.label)
                    if visual
                    else point.label,
                )
            )
    parts.append(
        format_html(
            '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}" stroke-width="1"/>'
            '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}" stroke-width="1"/>',
            left,
            left + plot_w,
            TOP + plot_h,
            TOP + plot_h,
            MUTED,
            axis_x,
            axis_x,
            TOP,
            TOP + plot_h,
            MUTED,
        )
    )
    return format_html(
        '<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" '
        'width="{}" height="{}" role="img" aria-labelledby="{}-title {}-desc" '
        'font-family="{}" direction="ltr"><title id="{}-title">{}</title>'
        '<desc id="{}-desc">{}</desc>{}</svg>',
        WIDTH,
        HEIGHT,
        WIDTH,
        HEIGHT,
        chart_id,
        chart_id,
        # WeasyPrint does not inherit the page's font into SVG: the PDF's own fonts, by name
        # (templates/analytics/progress_report_pdf.html).
        ("Report Arabic, Report Latin" if rtl else "Report Latin, Report Arabic")
        if visual_fonts
        else "inherit",
        chart_id,
        title,
        chart_id,
        description,
        format_html_join("", "{}", ((p,) for p in parts)),
    )


def achievement_points(over_time):
    """Points of [(period, Rollup)]: the achievement at the end of each period."""
    return [period_point(period, rollup.achievement) for period, rollup in over_time]


def achievement_chart(over_time, *, title, chart_id, visual=False):
    points = achievement_points(over_time)
    shown = [p for p in points if p.value is not None]
    if shown:
        description = _(
            "Achievement at the end of each period, from %(first)s (%(first_value)s) to "
            "%(last)s (%(last_value)s). The same numbers are in the table below."
        ) % {
            "first": shown[0].label,
            "first_value": percent(shown[0].value),
            "last": shown[-1].label,
            "last_value": percent(shown[-1].value),
        }
    else:
        description = _("No approved figures yet. The same numbers are in the table below.")
    return time_chart(
        points, title=title, description=description, chart_id=chart_id, visual=visual
    )


def reporting_chart(rates, *, title, chart_id, visual=False):
    """[(period, ReportingRate)] as the share of expected reports that came in."""
    points = [period_point(period, rate.rate) for period, rate in rates]
    description = _(
        "Share of the expected reports submitted, for each period. The same numbers are in the "
        "table below."
    )
    return time_chart(
        points, title=title, description=description, chart_id=chart_id, visual=visual
    )


def indicator_chart(rows, *, title, chart_id, visual=False):
    """An indicator's approved national figure per period (indicator_history's rows, each
    figure a disclosure.Figure)."""
    points = [
        period_point(row["period"], row["national"].value, row["national"].hidden) for row in rows
    ]
    description = _(
        "The approved national figure of each period. The same numbers are in the table below."
    )
    return time_chart(points, title=title, description=description, share=False, chart_id=chart_id)
