"""Lists and mixed-direction text in templates (core/text.py):

{% load text %}
{{ report.fields|join_list }}      "a, b" in English, "a، b" in Arabic and Kurdish
{% list_separator %}               the separator alone, between items written in a loop
{% list_separator long=True %}     "; " between items that hold commas
{{ value|isolate }}                a run of its own (FSI ... PDI), where <bdi> cannot go
"""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from core import text

register = template.Library()


@register.filter(needs_autoescape=True)
def join_list(items, autoescape=True):
    escape = conditional_escape if autoescape else (lambda value: value)
    return mark_safe(text.join_list(escape(item) for item in items or ()))


@register.filter(is_safe=True)
def isolate(value):
    return text.isolate(value)


@register.simple_tag
def list_separator(long=False):
    """{% list_separator %}: ", "; {% list_separator long=True %}: "; " (the Arabic comma and
    semicolon in Arabic and Kurdish)."""
    return text.list_separator(long=long)
