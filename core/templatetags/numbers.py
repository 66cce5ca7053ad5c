from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import template
from django.utils import formats
from django.utils.translation import gettext

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


# -- figures for reading: one set of filters for every page that shows numbers ---------------

NO_FIGURE = "–"


def _decimal(value):
    """value as a Decimal, or None when it is no number (text, None, "")."""
    if isinstance(value, bool) or value is None or value == "":
        return None
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(str(value))
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def _rounded(number: Decimal, places: int) -> Decimal:
    """number to at most `places` decimal places, trailing zeros dropped (18.0 -> 18)."""
    number = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    if number == number.to_integral_value():
        return number.quantize(Decimal(1))
    return number.normalize()


def _grouped(number, decimal_pos=None) -> str:
    """Thousands grouped and the decimal separator of the page's language (config/formats:
    1,234.5 in English and Arabic, the Kurdish module's separators; Eastern Arabic digits are
    written on the way out for those who chose them, core/digits.py). Grouping is forced here,
    for figures only: USE_THOUSAND_SEPARATOR stays off, so a key or a year in a link or a form
    value is never written 1,234."""
    return formats.number_format(
        number, decimal_pos=decimal_pos, use_l10n=True, force_grouping=True
    )


def figure_text(value, unit="") -> str:
    """A figure as people read it, by its unit (an indicator's: number, percent, yes_no,
    amount; none for a count). Whole numbers without decimals; others to one decimal place
    from 10 up and two below (17.9666666666667 -> "18", 2.345 -> "2.35", 0.125 -> "0.13");
    thousands grouped in the page's language (45000000 -> "45,000,000"); a per cent unit gets
    its sign ("45 %"), yes/no its word, an amount is money(); "–" when there is no figure.
    Anything that is no number (a text answer) comes back as it is."""
    number = _decimal(value)
    if number is None:
        return NO_FIGURE if value is None or value == "" else value
    if unit == "amount":
        return money_text(number)
    if unit == "yes_no" and number in (0, 1):
        return gettext("Yes") if number else gettext("No")
    text = _grouped(_rounded(number, 1 if abs(number) >= 10 else 2))
    if unit == "percent":
        return f"{text}\u00a0%"
    return text


def money_text(value, currency="") -> str:
    """An amount of money: whole units without decimals ("45000000.00" -> "45,000,000"), an
    amount with cents to two places ("12.5" -> "12.50"), thousands grouped in the page's
    language, then the currency's code when given ("45,000,000 IQD"); "–" when there is none."""
    number = _decimal(value)
    if number is None:
        return NO_FIGURE if value is None or value == "" else value
    number = number.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if number == number.to_integral_value():
        text = _grouped(number.quantize(Decimal(1)))
    else:
        text = _grouped(number, decimal_pos=2)
    return f"{text}\u00a0{currency}" if currency else text


@register.filter("figure")
def figure_filter(value, unit=""):
    """{{ value|figure }} for a count or a number, {{ value|figure:indicator.unit }} for an
    indicator's figure: figure_text()."""
    return figure_text(value, unit)


@register.filter("money")
def money_filter(value, currency=""):
    """{{ amount|money }} in a column of its own currency, {{ amount|money:"IQD" }} with it:
    money_text()."""
    return money_text(value, currency)
