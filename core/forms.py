"""Shared form helpers."""

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.digits import western


def add_service_errors(form, error):
    """A service's ValidationError onto the form: each message beside its field, the rest
    (and messages for fields the form does not have) at the top. What was typed stays."""
    if hasattr(error, "error_dict"):
        for field, problems in error.message_dict.items():
            for problem in problems:
                form.add_error(field if field in form.fields else None, problem)
    else:
        for problem in error.messages:
            form.add_error(None, problem)


# -- numbers as people type them ---------------------------------------------------------------
# Thousands separators people type between groups of three digits: the Arabic one (٬), the Latin
# comma, the Arabic comma (،) and spaces (a phone's keyboard may put a thin or no-break one).
_GROUPED = re.compile(r"^\d{1,3}([,،\u066c\u00a0\u202f ])\d{3}(?:\1\d{3})*(?:\.\d+)?$")
_PLAIN = re.compile(r"-?(\d+(\.\d*)?|\.\d+)")
# Direction marks a right-to-left keyboard may add.
_MARKS = str.maketrans({"\u200e": "", "\u200f": "", "\u061c": ""})


def local_number(text):
    """What a person typed for a number, as a plain number text ("1250.5"), or None when empty:
    Eastern Arabic (٠-٩) and Persian (۰-۹) digits, the Arabic decimal separator (٫),
    thousands separators (٬ , ، or a space) between groups of three digits, a per cent sign
    at the end. Raises ValidationError (code "invalid") for anything else, so a comma meant as a
    decimal point ("12,5") is refused rather than read as 125."""
    if text is None:
        return None
    # 0-9 for the Eastern digits, "." for ٫ and "," for ٬ (western), without direction marks.
    text = western(str(text)).translate(_MARKS).strip()
    text = text.removesuffix("%").removesuffix("٪").strip()
    if not text:
        return None
    grouped = _GROUPED.match(text)
    if grouped:
        text = text.replace(grouped.group(1), "")
    if not _PLAIN.fullmatch(text):
        raise ValidationError(NOT_A_NUMBER, code="invalid")
    return text


NOT_A_NUMBER = _("Type a number, such as 1250 or 12.5 (Arabic digits are fine).")
NOT_A_WHOLE_NUMBER = _("Type a whole number, such as 1250 (Arabic digits are fine).")


class _TypedNumber:
    """A number typed in a text box (not type=number: browsers refuse ٣٥ there, and a phone
    shows its number pad for `inputmode`)."""

    inputmode = "decimal"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", forms.TextInput)
        super().__init__(*args, **kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        for name in ("min", "max", "step"):  # not for a text box
            attrs.pop(name, None)
        attrs.update({"inputmode": self.inputmode, "autocomplete": "off", "spellcheck": "false"})
        return attrs


class LocalizedDecimalField(_TypedNumber, forms.DecimalField):
    """A decimal as people type it on their phones (see local_number): ١٢٫٥, ۱۲٫۵, 1,250.5."""

    default_error_messages = {"invalid": NOT_A_NUMBER}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            text = local_number(value)
            return Decimal(text) if text else None
        except InvalidOperation:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None


class LocalizedIntegerField(_TypedNumber, forms.IntegerField):
    """A whole number as people type it (see local_number): ٣٥, ۳۵, 10,000."""

    inputmode = "numeric"
    default_error_messages = {"invalid": NOT_A_WHOLE_NUMBER}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            text = local_number(value)
        except ValidationError:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None
        if not text:
            return None
        number = Decimal(text)
        if number != number.to_integral_value():
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return int(number)
