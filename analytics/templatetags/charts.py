"""{% achievement_chart over_time title id %}, {% reporting_chart rates title id %},
{% indicator_chart rows title id %}: the SVG charts over time of analytics/charts.py, drawn
in the page's language and direction (in the PDF, whose context has `pdf`, with labels in
visual order). Each stands next to a table of its numbers."""

from django import template

from analytics import charts

register = template.Library()


@register.simple_tag(takes_context=True)
def achievement_chart(context, over_time, title, chart_id):
    return charts.achievement_chart(
        over_time, title=title, chart_id=chart_id, visual=bool(context.get("pdf"))
    )


@register.simple_tag(takes_context=True)
def reporting_chart(context, rates, title, chart_id):
    return charts.reporting_chart(
        rates, title=title, chart_id=chart_id, visual=bool(context.get("pdf"))
    )


@register.simple_tag(takes_context=True)
def indicator_chart(context, rows, title, chart_id):
    return charts.indicator_chart(
        rows, title=title, chart_id=chart_id, visual=bool(context.get("pdf"))
    )
