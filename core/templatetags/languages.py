from django import template

from core.i18n import language_order

register = template.Library()


@register.filter
def in_language(row, prefix):
    """{{ line|in_language:"source_type__name" }}: of a dict from .values() with the columns
    <prefix>_en, _ar and _ckb, the one in the page's language, else one that is filled in."""
    for code in language_order():
        value = row.get(f"{prefix}_{code}")
        if value:
            return value
    return ""
