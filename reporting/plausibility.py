"""Whether a reported value looks plausible: a warning, never a refusal (the figure may be right).

The report form shows the warning beside the value and asks the reporter to confirm ("The figures
are correct") before saving; the review page shows the same warning to the reviewer. What is
impossible (a negative value, a percentage above 100, yes/no other than 0 or 1) is refused
elsewhere (indicators.models.range_problem, reporting.services.value_problem).
"""

import re
from decimal import Decimal

from django.utils.translation import gettext as _

from core.templatetags.numbers import plain_number
from governorates.models import Governorate
from indicators.models import Indicator

# Far above the target: more than one and a half times it.
FAR_ABOVE = Decimal("1.5")
# An indicator that counts governorates ("Number of governorates with ..."), by its English title.
_COUNTS_GOVERNORATES = re.compile(r"\b(number|count) of governorates\b", re.I)


def counts_governorates(indicator) -> bool:
    return indicator.unit == Indicator.Unit.NUMBER and bool(
        _COUNTS_GOVERNORATES.search(indicator.title_en or "")
    )


def value_warning(indicator, value, target=None, governorates=None) -> str | None:
    """Why `value` (a Decimal) of `indicator` looks implausible, or None. `target`: the value it
    should reach (a Decimal or None); `governorates`: how many there are (counted if None and
    needed)."""
    if value is None:
        return None
    warnings = []
    if target is not None and target > 0 and value > target * FAR_ABOVE:
        warnings.append(
            _("%(value)s is %(share)s%% of the target (%(target)s): far above it.")
            % {
                "value": plain_number(value),
                "share": int((value / target * 100).to_integral_value()),
                "target": plain_number(target),
            }
        )
    if counts_governorates(indicator):
        if governorates is None:
            governorates = Governorate.objects.count()
        if governorates and value > governorates:
            warnings.append(
                _("There are %(count)s governorates: %(value)s is more than all of them.")
                % {"count": governorates, "value": plain_number(value)}
            )
    return " ".join(warnings) or None


def row_warning(row, value=None, governorates=None) -> str | None:
    """The warning for a selectors.ValueRow, for `value` or else the value it holds."""
    if value is None and row.value is not None:
        value = row.value.value
    target = row.target.value if row.target is not None else None
    return value_warning(row.indicator, value, target, governorates)
