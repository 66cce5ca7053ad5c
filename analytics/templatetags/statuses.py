"""{% status_tag status %}: an indicator's status as a tag, a sign beside its word (colour is never
the only sign). A tag, not an included template: the pillar page and the national progress report
write one per row, and an include per row cost more than the rest of the row."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext

from analytics.measures import Status

register = template.Library()

SIGNS = {
    Status.ON_TRACK: "✓",
    Status.AT_RISK: "!",
    Status.OFF_TRACK: "✗",
    Status.HIDDEN: "✱",
    Status.NO_DATA: "–",
}


@register.simple_tag
def status_tag(status):
    known = status in SIGNS
    sign = SIGNS[status] if known else SIGNS[Status.NO_DATA]
    label = Status(status).label if known else Status.NO_DATA.label
    return format_html('<span class="tag status-{}">{} {}</span>', status, sign, gettext(label))
