from decimal import Decimal

from django import template

register = template.Library()


def plain_number(value) -> str:
    """12.5000 -> "12.5", 600 -> "600" (never "6E+2"); anything else unchanged."""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return "" if value is None else str(value)


register.filter("plain", plain_number)
