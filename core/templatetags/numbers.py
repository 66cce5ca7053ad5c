from decimal import Decimal

from django import template
from django.utils import formats

register = template.Library()


def plain_number(value) -> str:
    """12.5000 -> "12.5", 600 -> "600" (never "6E+2"); anything else unchanged. For forms and
    files: no grouping, a decimal point whatever the language."""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return "" if value is None else str(value)


@register.filter("plain")
def local_number(value) -> str:
    """A number for reading, in the language of the page: 12345.5000 -> "12,345.5" in English
    and Arabic, trailing zeros dropped; "" for None; anything else unchanged."""
    if value is None or value == "":
        return ""
    if isinstance(value, float):
        value = Decimal(str(value))
    if isinstance(value, Decimal):
        value = value.normalize()
        if value == value.to_integral_value():
            value = value.quantize(Decimal(1))
    elif not isinstance(value, int):
        return value
    return formats.number_format(value, use_l10n=True, force_grouping=True)


@register.filter
def percent(ratio) -> str:
    """0.3333 -> "33 %"; None -> "–" (no data)."""
    if ratio is None:
        return "–"
    return f"{round(Decimal(ratio) * 100)}\u00a0%"


@register.filter
def bar_width(ratio) -> int:
    """A ratio as a bar's width in per cent, kept between 0 and 100."""
    if ratio is None:
        return 0
    return max(0, min(100, round(Decimal(ratio) * 100)))


@register.filter
def share(part, whole) -> Decimal | None:
    """part / whole, or None when whole is nothing."""
    if not whole:
        return None
    return Decimal(part or 0) / Decimal(whole)
