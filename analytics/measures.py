"""The measures of ../shared/DESIGN.md ("Measures"), as plain functions of numbers.

Selectors (analytics/selectors.py) fetch the numbers with database aggregates; these functions
only compute, so each rule is tested on small hand-computed cases.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

ON_TRACK = Decimal("0.9")
AT_RISK = Decimal("0.6")


class Status(models.TextChoices):
    ON_TRACK = "on_track", _("On track")
    AT_RISK = "at_risk", _("At risk")
    OFF_TRACK = "off_track", _("Off track")
    NO_DATA = "no_data", _("No data")
    # Never computed here: disclosure control (analytics/disclosure.py) hides a protection
    # figure from visitors, and with it its achievement and status.
    HIDDEN = "hidden", _("Hidden")


def achievement(actual, baseline, target):
    """(actual - baseline) / (target - baseline), the share of the way from baseline to target.

    The same formula serves a decreasing indicator: both differences are negative, so going down
    towards the target is positive achievement. None when a number is missing or the target
    equals the baseline (nothing to achieve, so no share of it).
    """
    if actual is None or target is None:
        return None
    baseline = baseline or Decimal(0)
    span = Decimal(target) - Decimal(baseline)
    if span == 0:
        return None
    return (Decimal(actual) - Decimal(baseline)) / span


def expected_share(start: datetime.date, target_date: datetime.date, on: datetime.date):
    """How much of the way to the target should be done on `on`, growing linearly from the
    policy's start (0) to the target's date (1)."""
    if target_date <= start:
        return Decimal(1)
    elapsed = (min(max(on, start), target_date) - start).days
    return Decimal(elapsed) / Decimal((target_date - start).days)


def status(achieved, expected) -> Status:
    """On track at >= 90 % of the expected progress, at risk at >= 60 %, off track below;
    no data when nothing approved (achieved is None)."""
    if achieved is None:
        return Status.NO_DATA
    if expected <= 0:
        return Status.ON_TRACK
    ratio = Decimal(achieved) / Decimal(expected)
    if ratio >= ON_TRACK:
        return Status.ON_TRACK
    if ratio >= AT_RISK:
        return Status.AT_RISK
    return Status.OFF_TRACK


@dataclass(frozen=True)
class Rollup:
    """A figure for a group of indicators (objective, pillar, governorate), with how many
    indicators fed it and how many had no data, so nobody reads 100 % from one indicator as if
    it were forty."""

    achievement: Decimal | None
    indicators: int
    with_data: int


def rollup(achievements) -> Rollup:
    """The mean achievement of the indicators that have one, each capped to 0..1 so that one
    indicator far above its target does not hide others below theirs."""
    values = list(achievements)
    known = [min(max(Decimal(a), Decimal(0)), Decimal(1)) for a in values if a is not None]
    mean = sum(known) / len(known) if known else None
    return Rollup(mean, len(values), len(known))


def status_counts(progress) -> dict:
    """How many items are on track, at risk, off track and without data."""
    counts = {s: 0 for s in Status.values}
    for item in progress:
        counts[item.status] += 1
    return counts


def combine(values, unit, aggregation, responsible=None):
    """One figure for a period from several approved values (entities, governorates).

    Counts and amounts from distinct implementers add up. Percentages and yes/no cannot be
    added: the responsible entity's value stands when it reported, else their mean. `values` is
    a list of (entity_id, value); `responsible` the responsible entity's id.
    """
    numbers = [(e, Decimal(v)) for e, v in values if v is not None]
    if not numbers:
        return None
    if unit in ("percent", "yes_no") or aggregation == "average":
        own = [v for e, v in numbers if responsible is not None and e == responsible]
        pool = own or [v for _e, v in numbers]
        return sum(pool) / len(pool)
    return sum(v for _e, v in numbers)


def over_time(period_values, aggregation):
    """The figure up to a period from its period figures in order: a sum for `sum`
    (people trained each quarter add up), the mean for `average`, the last for `latest`."""
    figures = [v for v in period_values if v is not None]
    if not figures:
        return None
    if aggregation == "sum":
        return sum(figures)
    if aggregation == "average":
        return sum(figures) / len(figures)
    return figures[-1]


def parts_agree(total, parts) -> bool:
    """Whether disaggregated parts add up to their total (a warning is shown when not)."""
    if total is None or not parts:
        return True
    return sum(Decimal(p) for p in parts) == Decimal(total)
