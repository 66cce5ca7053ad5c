from decimal import Decimal

from django import template

register = template.Library()


def plain_number(value) -> str:
    """12.5000 -> "12.5", 600 -> "600" (never "6E+2"); anything else unchanged."""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return "" if value is None else str(value)


register.filter("plain", plain_number)


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
