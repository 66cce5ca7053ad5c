"""The words of the plan's choices for raw values a page reads with .values() or annotates."""

from django import template

from policy.models import Activity, Currency

register = template.Library()


@register.filter
def currency_name(code):
    """IQD -> "Iraqi dinar (IQD)" in the page's language."""
    return dict(Currency.choices).get(code, code)


@register.filter
def activity_status_name(value):
    """in_progress -> "In progress" in the page's language (for annotated raw values)."""
    return dict(Activity.Status.choices).get(value, value)
