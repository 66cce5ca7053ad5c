"""Disclosure control: what a visitor may see of protection and gender-based-violence figures.

Every public number derived from a sensitive indicator (a period's figure, nationally or in a
governorate; a figure to date; the achievement, status, roll-ups, map shades and chart points
computed from it; the CSV files; the API for visitors) is read from `released()`, the one
function that decides what may be shown. Signed-in accounts, which the Directorate vets, see
every figure; visitors see what `released()` lets through.

The rules, for an indicator marked sensitive:

1. **Primary suppression.** For a count (unit "number"), a cell below SMALL_NUMBER_THRESHOLD
   (zero included) is hidden: it could identify a survivor. For percentages, yes/no and
   amounts there is no count to hide, but the breakdown by governorate is hidden, as its
   denominators are small and unknown; the national figures are shown.
2. **Complementary suppression within a period.** A period's national figure of a summed
   indicator is the sum of its governorate figures plus what nation-wide reports gave (never
   shown, but a visitor can work it out by subtraction). So that no hidden cell can be worked
   out from that equation, it must hold at least two unknowns, and when the national figure is
   shown, the hidden cells together must come to at least the threshold (else "hidden, and
   together 2" tells a visitor that each is 0, 1 or 2). Cells are added, smallest first
   (governorates before the national figure), until both hold.
3. **Figures to date.** A figure to date (national, or a governorate's), and everything
   computed from it (achievement, status, roll-ups, the map), is shown only when every period
   figure it is computed from is shown: otherwise subtracting the published periods from it
   would give the hidden one. Each period is then an equation of its own that no other
   published number touches, which is what makes rule 2 sufficient.
4. **One marker.** Every hidden cell is shown the same way, whether it is small or hides a
   small one: "< 5" on some cells and "hidden" on others would tell a visitor which are small,
   and with a published total that can be enough to work them out.
5. **Visitors' API.** The API lists individual approved values, one entity's report for one
   governorate; for a sensitive indicator no such value is shown to a visitor (it has no
   token), whatever its size: the published figures are the portal's pages.

What this does not protect against is differencing over time when approved data change (a
report reopened and corrected); nor does it hide that a cell has data.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings

from analytics import measures

NATIONAL = None  # the governorate key of national figures


@dataclass(frozen=True)
class Figure:
    """A number as a visitor may see it: `value` is None when there is no data or when it is
    hidden, and `hidden` says which."""

    value: Decimal | None
    hidden: bool = False


NO_DATA = Figure(None)
HIDDEN = Figure(None, hidden=True)


def is_count(indicator) -> bool:
    return indicator.unit == "number"


def is_additive(indicator) -> bool:
    """Whether a period's national figure is the sum of its parts (raw._figure)."""
    return indicator.unit not in ("percent", "yes_no") and indicator.aggregation != "average"


def protect_period(parts, total, unpublished=None, *, count=True, additive=True, threshold=None):
    """The cells of one period of one indicator that a visitor may not see.

    `parts`: {governorate id: figure} of the governorates that have one; `total`: the national
    figure (None without data); `unpublished`: what nation-wide reports (no governorate) added,
    which is never shown but follows from the others by subtraction. Returns the set of hidden
    keys: governorate ids, and NATIONAL for the national figure.
    """
    threshold = settings.SMALL_NUMBER_THRESHOLD if threshold is None else threshold
    if not count:
        hidden = set(parts)  # rule 1: no breakdown by governorate
        if additive and total is not None and len(parts) == 1 and unpublished is None:
            hidden.add(NATIONAL)  # the national figure would be that one governorate's
        return hidden
    hidden = {key for key, value in parts.items() if value < threshold}
    if total is not None and total < threshold:
        hidden.add(NATIONAL)
    protected = bool(hidden) or (unpublished is not None and unpublished < threshold)
    if not additive or not protected:
        return hidden
    while True:
        unknowns = len(hidden) + (unpublished is not None)
        known_sum = None  # what the hidden cells come to, when a visitor can work it out
        if NATIONAL not in hidden and total is not None:
            known_sum = total - sum(v for k, v in parts.items() if k not in hidden)
        if unknowns >= 2 and (known_sum is None or known_sum >= threshold):
            return hidden
        candidates = [key for key in parts if key not in hidden]
        if candidates:  # the smallest governorate figure that adds something to the unknowns
            hidden.add(min(candidates, key=lambda k: (parts[k] <= 0, parts[k], str(k))))
        elif NATIONAL not in hidden and total is not None:
            hidden.add(NATIONAL)
        else:
            return hidden  # everything in the equation is hidden


@dataclass
class Released:
    """What a visitor may see of one sensitive indicator: each period's figures, nationally
    and by governorate, and the figures to date computed from them."""

    indicator: object
    periods: list  # of the indicator's policy, in order
    cells: dict = field(default_factory=dict)  # (period id, governorate id | None) -> Decimal
    hidden: set = field(default_factory=set)  # keys of `cells` a visitor may not see

    def cell(self, period_id, governorate_id=NATIONAL) -> Figure:
        key = (period_id, governorate_id)
        if key in self.hidden:
            return HIDDEN
        return Figure(self.cells.get(key))

    def to_date(self, as_of, governorate_id=NATIONAL) -> Figure:
        """The figure at the end of `as_of` (rule 3): hidden when a period figure it is
        computed from is hidden."""
        upto = [p for p in self.periods if p.end_date <= as_of.end_date]
        keys = [(p.pk, governorate_id) for p in upto if (p.pk, governorate_id) in self.cells]
        if self.indicator.aggregation == "latest":
            keys = keys[-1:]  # the latest figure is the one it shows
        if any(k in self.hidden for k in keys):
            return HIDDEN
        return Figure(measures.over_time([self.cells[k] for k in keys], self.indicator.aggregation))


def periods_of(indicators, periods_by_policy=None) -> dict:
    """{policy id: [periods in order]} for the indicators' policies (one query), unless given."""
    from indicators.models import ReportingPeriod

    if periods_by_policy is not None:
        return periods_by_policy
    result = {}
    for period in ReportingPeriod.objects.filter(
        policy__in={i.policy_id for i in indicators}
    ).order_by("start_date"):
        result.setdefault(period.policy_id, []).append(period)
    return result


def released(indicators, periods_by_policy=None) -> dict:
    """{indicator id: Released} for the sensitive indicators among `indicators`, in two
    queries whatever their number, from the figures computed ahead (analytics/models.py
    IndicatorFigure). Non-sensitive indicators are not in the result: their figures are
    public as they are."""
    from analytics.models import IndicatorFigure
    from analytics.selectors import current_generation

    sensitive = [i for i in indicators if i.is_sensitive]
    if not sensitive:
        return {}
    periods_by_policy = periods_of(sensitive, periods_by_policy)
    all_periods = [p.pk for periods in periods_by_policy.values() for p in periods]
    national, places, unplaced = {}, {}, {}
    rows = IndicatorFigure.objects.filter(
        generation=current_generation(),
        indicator__in=[i.pk for i in sensitive],
        period__in=all_periods,
    ).values_list("indicator_id", "period_id", "governorate_id", "unplaced", "value")
    for indicator_id, period_id, governorate_id, is_unplaced, value in rows:
        key = (indicator_id, period_id)
        if is_unplaced:
            unplaced[key] = value
        elif governorate_id is None:
            national[key] = value
        else:
            places.setdefault(key, {})[governorate_id] = value
    return protect(sensitive, periods_by_policy, national, places, unplaced)


def protect(sensitive, periods_by_policy, national, places, unplaced) -> dict:
    """{indicator id: Released} from the period figures of the sensitive indicators:
    `national` {(indicator id, period id): figure}, `places` {(indicator id, period id):
    {governorate id: figure}}, `unplaced` {(indicator id, period id): what nation-wide reports
    gave}. The rules of this module, applied period by period."""
    result = {}
    for indicator in sensitive:
        item = Released(indicator, periods_by_policy.get(indicator.policy_id, []))
        for period in item.periods:
            key = (indicator.pk, period.pk)
            parts, total = places.get(key, {}), national.get(key)
            if total is None and not parts:
                continue
            if total is not None:
                item.cells[(period.pk, NATIONAL)] = total
            for governorate_id, value in parts.items():
                item.cells[(period.pk, governorate_id)] = value
            hidden = protect_period(
                parts,
                total,
                unplaced.get(key),
                count=is_count(indicator),
                additive=is_additive(indicator),
            )
            item.hidden |= {(period.pk, g) for g in hidden}
        result[indicator.pk] = item
    return result


def for_visitor(request) -> bool:
    """Whether the figures on this request's page are the public ones."""
    return not request.user.is_authenticated


def value_visible(request, indicator) -> bool:
    """Rule 5: an individual approved value of a sensitive indicator is not for visitors."""
    return not (indicator.is_sensitive and for_visitor(request))
