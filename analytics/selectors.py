"""The numbers behind the measures: the figures from the summary tables (analytics/models.py,
built by analytics/figures.py), reporting rates and budgets with database aggregates."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q, Subquery, Sum
from django.utils import timezone

from analytics import disclosure, measures
from analytics.models import (
    BudgetFigure,
    FigureState,
    IndicatorFigure,
    PlaceFigure,
    ProgressFigure,
    ReportingFigure,
    RollupFigure,
)
from indicators.models import Indicator, ReportingPeriod, Target
from policy.models import Activity
from reporting.models import ReportStatus


@dataclass(frozen=True)
class ReportingRate:
    """Expected reports against those submitted on time, late, and missing (as DHIS2 has it).

    A report is missing only once its period's due date has passed (`due`); until then one
    not sent is "not yet due", and the rate, the share of the reports due that came in, has
    nothing to be computed over (None)."""

    expected: int
    on_time: int
    late: int
    due: bool = True

    @property
    def outstanding(self) -> int:
        """Expected reports not submitted (yet)."""
        return max(self.expected - self.on_time - self.late, 0)

    @property
    def missing(self) -> int:
        return self.outstanding if self.due else 0

    @property
    def not_yet_due(self) -> int:
        return 0 if self.due else self.outstanding

    @property
    def rate(self):
        """Share of the reports due that were submitted at all; None when none is due (none
        expected, or the period's due date has not passed)."""
        if not self.due or not self.expected:
            return None
        return (self.on_time + self.late) / self.expected


def is_due(period, today=None) -> bool:
    """Whether the period's reports are due: its due date has passed (a report sent on the
    due date itself is on time)."""
    return period.due_date < (today or timezone.localdate())


def reporting_rates(periods, governorate_id=None) -> dict:
    """{period id: ReportingRate} of these periods, nationally or in a governorate, from the
    reporting figures (analytics/models.py ReportingFigure): one query."""
    rows = (
        ReportingFigure.objects.filter(period__in=[p.pk for p in periods])
        .filter(
            Q(governorate__isnull=True) if governorate_id is None else Q(governorate=governorate_id)
        )
        .values("period_id")
        .annotate(expected=Sum("expected"), on_time=Sum("on_time"), late=Sum("late"))
        .order_by()
    )
    found = {r["period_id"]: (r["expected"], r["on_time"], r["late"]) for r in rows}
    today = timezone.localdate()
    return {p.pk: ReportingRate(*found.get(p.pk, (0, 0, 0)), due=is_due(p, today)) for p in periods}


def reporting_rate(period, entity_id=None, governorate_id=None) -> ReportingRate:
    """Expected, on time and late reports of a period (of one entity, if given), nationally
    or in a governorate, from the reporting figures."""
    if entity_id is None:
        return reporting_rates([period], governorate_id)[period.pk]
    row = ReportingFigure.objects.filter(
        period=period, entity_id=entity_id, governorate_id=governorate_id
    ).aggregate(expected=Sum("expected"), on_time=Sum("on_time"), late=Sum("late"))
    return ReportingRate(
        row["expected"] or 0, row["on_time"] or 0, row["late"] or 0, due=is_due(period)
    )


@dataclass(frozen=True)
class IndicatorProgress:
    indicator: object
    actual: Decimal | None
    target: Decimal | None
    target_period: str | None
    achievement: Decimal | None
    expected: Decimal
    status: str
    suppressed: bool = False

    @property
    def pillar(self):
        objective = self.indicator.objective or self.indicator.activity.objective
        return objective.pillar


def current_generation():
    """The generation of summary figures readers use, as a subquery (no query of its own)."""
    return Subquery(FigureState.objects.filter(pk=1).values("current")[:1])


def _figures():
    return IndicatorFigure.objects.filter(generation=current_generation(), unplaced=False)


def _progress_rows(policy, as_of, governorate_id=None):
    rows = ProgressFigure.objects.filter(
        generation=current_generation(), policy=policy, period=as_of
    )
    if governorate_id is None:
        return rows.filter(governorate__isnull=True)
    return rows.filter(governorate_id=governorate_id)


def period_figures(indicators, periods, governorate_id=None) -> dict:
    """(indicator id, period id) -> the period's figure from approved values (nationally, or
    in a governorate), read from the summaries (analytics/figures.py) in one query."""
    rows = _figures().filter(
        indicator__in=[getattr(i, "pk", i) for i in indicators],
        period__in=[getattr(p, "pk", p) for p in periods],
    )
    if governorate_id is None:
        rows = rows.filter(governorate__isnull=True)
    else:
        rows = rows.filter(governorate_id=governorate_id)
    return {(i, p): v for i, p, v in rows.values_list("indicator_id", "period_id", "value")}


def _as_progress(row, indicator, public):
    """An IndicatorProgress from a summary row; for visitors, a hidden figure to date hides
    its achievement and status too (disclosure control, rule 3)."""
    if public and row.hidden:
        return IndicatorProgress(
            indicator,
            None,
            row.target,
            row.target_label or None,
            None,
            row.expected,
            measures.Status.HIDDEN,
            suppressed=True,
        )
    return IndicatorProgress(
        indicator,
        row.actual,
        row.target,
        row.target_label or None,
        row.achievement,
        row.expected,
        row.status,
    )


def indicator_progress(
    policy, as_of, indicators=None, governorate_id=None, public=False, pillar_id=None
):
    """Each indicator's figure to date, final target, achievement and status at the end of the
    period `as_of`, read from the summaries: one query whatever the number of values (two in
    a governorate). `public`: as a visitor may see them. Text indicators have none."""
    rows = _progress_rows(policy, as_of, governorate_id).select_related(
        "indicator__objective__pillar", "indicator__activity__objective__pillar"
    )
    if indicators is not None:
        rows = rows.filter(indicator__in=indicators)
    if pillar_id is not None:
        rows = rows.filter(pillar_id=pillar_id)
    result = [_as_progress(row, row.indicator, public) for row in rows]
    if governorate_id is None:
        return result
    # In a governorate, an indicator without a target or an approved figure there has no row.
    seen = {item.indicator.pk for item in result}
    others = indicators if indicators is not None else Indicator.objects.filter(policy=policy)
    if pillar_id is not None:
        others = others.filter(
            Q(objective__pillar_id=pillar_id) | Q(activity__objective__pillar_id=pillar_id)
        )
    others = (
        others.exclude(unit=Indicator.Unit.TEXT)
        .exclude(pk__in=seen)
        .select_related("objective__pillar", "activity__objective__pillar")
    )
    expected = measures.expected_share(
        datetime.date(policy.start_year, 1, 1),
        datetime.date(policy.end_year, 12, 31),
        as_of.end_date,
    )
    result += [
        IndicatorProgress(i, None, None, None, None, expected, measures.Status.NO_DATA)
        for i in others
        if i.pk not in seen
    ]
    return result


def indicator_progress_page(
    policy, as_of, pillar_id, public=False, objective_id=None, offset=0, limit=50
):
    """[(objective, IndicatorProgress)] of one page of a pillar's indicators (of one of its
    objectives, if given), nationally at the end of `as_of`, by objective and indicator code:
    one query for the rows of the page, whatever the size of the plan."""
    rows = _progress_rows(policy, as_of).filter(pillar_id=pillar_id)
    if objective_id is not None:
        rows = rows.filter(objective_id=objective_id)
    rows = rows.select_related("indicator", "objective").order_by(
        "objective_code", "indicator_code", "indicator_id"
    )[offset : offset + limit]
    return [(row.objective, _as_progress(row, row.indicator, public)) for row in rows]


def _rollup_sums(public):
    """The sums of RollupFigure columns that give a roll-up and its status counts, as staff
    see them or as visitors do (hidden figures counted apart, under "hidden")."""
    prefix = "public_" if public else ""
    sums = {
        "n": Sum("indicators"),
        "with_data": Sum(f"{prefix}with_data"),
        "total": Sum(f"{prefix}total"),
    }
    for status in measures.Status.values:
        if status == measures.Status.HIDDEN:
            if public:
                sums[status] = Sum("hidden")
        else:
            sums[status] = Sum(f"{prefix}{status}")
    return sums


def _rollup_of(row, indicators=None):
    """(Rollup, status counts) from one row of _rollup_sums."""
    with_data = row["with_data"] or 0
    mean = Decimal(row["total"]) / with_data if with_data else None
    counts = {s: row.get(s) or 0 for s in measures.Status.values}
    n = row["n"] or 0
    return measures.Rollup(mean, n if indicators is None else indicators, with_data), counts


def _merge(rows):
    merged = {"n": 0, "with_data": 0, "total": Decimal(0)}
    for row in rows:
        for key, value in row.items():
            if key in merged or key in measures.Status.values:
                merged[key] = merged.get(key, 0) + (value or 0)
    return merged


EMPTY = (measures.rollup([]), {s: 0 for s in measures.Status.values})


def _rollup_rows(policy):
    return RollupFigure.objects.filter(generation=current_generation(), policy=policy)


def pillar_rollups(policy, as_of, governorate_id=None, public=False) -> dict:
    """{pillar id: (Rollup, status counts)} and {None: ...} for all pillars, at the end of
    `as_of`, nationally or in a governorate (where every indicator of the plan counts, with
    data there or not), from the roll-ups (RollupFigure) in one grouped query."""
    return pillar_rollups_here_and_national(policy, as_of, governorate_id, public)[0]


def pillar_rollups_here_and_national(policy, as_of, governorate_id=None, public=False):
    """(pillar_rollups in the governorate, pillar_rollups nationally): one query for both."""
    if as_of is None:
        return {}, {}
    place = Q(governorate__isnull=True)
    if governorate_id is not None:
        place |= Q(governorate_id=governorate_id)
    grouped = (
        _rollup_rows(policy)
        .filter(place, period=as_of, targeted=False)
        .values("governorate_id", "pillar_id")
        .annotate(**_rollup_sums(public))
        .order_by()
    )
    national_rows, local_rows = {}, {}
    for row in grouped:
        (national_rows if row["governorate_id"] is None else local_rows)[row["pillar_id"]] = row
    national = _rollups_by_pillar(national_rows)
    if governorate_id is None:
        return national, national
    counts = {pillar_id: row["n"] for pillar_id, row in national_rows.items()}
    for pillar_id in counts:
        local_rows.setdefault(pillar_id, {"n": 0, "with_data": 0, "total": None})
    return _rollups_by_pillar(local_rows, counts), national


def _rollups_by_pillar(rows, counts=None) -> dict:
    result = {
        pillar_id: _rollup_of(row, None if counts is None else counts.get(pillar_id, 0))
        for pillar_id, row in rows.items()
    }
    everything = _merge(rows.values())
    result[None] = _rollup_of(everything, None if counts is None else sum(counts.values()))
    return result


def objective_rollups(policy, as_of, pillar_id, public=False) -> dict:
    """{objective id: Rollup} of a pillar's objectives at the end of `as_of`, nationally,
    and {None: the pillar's}, from the roll-ups in one query."""
    if as_of is None:
        return {None: measures.rollup([])}
    rows = list(
        _rollup_rows(policy)
        .filter(period=as_of, governorate__isnull=True, targeted=False, pillar_id=pillar_id)
        .values("objective_id")
        .annotate(**_rollup_sums(public))
        .order_by()
    )
    result = {row["objective_id"]: _rollup_of(row)[0] for row in rows}
    result[None] = _rollup_of(_merge(rows))[0]
    return result


def achievement_over_time(policy, public=False):
    """[(period, roll-up of all indicators at its end)] for every period that has started,
    nationally: two queries, however many periods, indicators and values."""
    today = timezone.localdate()
    periods = list(
        ReportingPeriod.objects.filter(policy=policy, start_date__lte=today).order_by("start_date")
    )
    rows = {
        row["period_id"]: row
        for row in _rollup_rows(policy)
        .filter(governorate__isnull=True, targeted=False, period__in=[p.pk for p in periods])
        .values("period_id")
        .annotate(**_rollup_sums(public))
        .order_by()
    }
    return [
        (period, _rollup_of(rows[period.pk])[0] if period.pk in rows else measures.rollup([]))
        for period in periods
    ]


def rollups(progress, key) -> dict:
    """Group indicator progress by `key(item)` (a pillar, an objective, ...) into roll-ups."""
    groups = {}
    for item in progress:
        groups.setdefault(key(item), []).append(item.achievement)
    return {k: measures.rollup(v) for k, v in groups.items()}


def budget_by_source(policy, governorate_id=None):
    """Planned, committed and disbursed per funding source type and currency, nationally or
    in a governorate (nation-wide activities count in full), from the budget figures."""
    return list(
        BudgetFigure.objects.filter(policy=policy, governorate_id=governorate_id)
        .values(
            "source_type__code",
            "source_type__name_en",
            "source_type__name_ar",
            "source_type__name_ckb",
            "currency",
            "planned",
            "committed",
            "disbursed",
        )
        .order_by("source_type__order", "source_type__name_en", "source_type__code", "currency")
    )


def recent_periods(policy, count):
    """The last `count` periods that have started, oldest first."""
    started = ReportingPeriod.objects.filter(policy=policy, start_date__lte=timezone.localdate())
    return list(reversed(started.order_by("-start_date")[:count]))


def latest_closed_or_open(policy):
    """The period the dashboards speak of: the last one that has started."""
    today = timezone.localdate()
    return (
        ReportingPeriod.objects.filter(policy=policy, start_date__lte=today)
        .order_by("-start_date")
        .first()
        or ReportingPeriod.objects.filter(policy=policy).order_by("start_date").first()
    )


def activities_in(policy, governorate, offset=0, limit=None):
    """The activities of the policy that cover the governorate, nation-wide ones included, by
    code, from `offset`, `limit` of them (one query)."""
    covering = Activity.objects.filter(objective__policy=policy).covering(governorate.pk)
    listed = covering.select_related("objective__pillar", "lead_entity").order_by("code", "pk")
    return list(listed[offset : offset + limit] if limit is not None else listed)


def activity_count(policy, governorate=None) -> int:
    """How many activities of the policy run in the governorate (nation-wide ones included),
    or in all, from the place figures (one query)."""
    count = (
        PlaceFigure.objects.filter(policy=policy, governorate=governorate)
        .values_list("activities", flat=True)
        .first()
    )
    return count or 0


def reports_in(policy, governorate):
    """Report counts by status for activities covering the governorate (and reports about it),
    over every period of the plan, from the reporting figures: one query."""
    sums = {s: Sum(s) for s in ReportStatus.values}
    row = ReportingFigure.objects.filter(policy=policy, governorate=governorate).aggregate(**sums)
    return {s: row[s] or 0 for s in ReportStatus.values}


# A tile map of Iraq: each governorate one square, placed roughly where it lies (row, column).
# Drawn from this table, so no map tiles or geodata are fetched from anywhere.
TILES = {
    "IQ-DA": (1, 3),
    "IQ-NI": (2, 2),
    "IQ-AR": (2, 3),
    "IQ-SU": (2, 4),
    "IQ-HAL": (2, 5),
    "IQ-SD": (3, 3),
    "IQ-KI": (3, 4),
    "IQ-AN": (4, 1),
    "IQ-BG": (4, 3),
    "IQ-DI": (4, 4),
    "IQ-KA": (5, 2),
    "IQ-BB": (5, 3),
    "IQ-WA": (5, 4),
    "IQ-NA": (6, 2),
    "IQ-QA": (6, 3),
    "IQ-MA": (6, 4),
    "IQ-MU": (7, 2),
    "IQ-DQ": (7, 3),
    "IQ-BA": (7, 4),
}


def governorate_measures(policy, as_of, measure, public=False):
    """{governorate: figure} for the map: `achievement` (a roll-up of the indicators that have
    a target in the governorate, from the summaries in one grouped query) or `activities`
    (two)."""
    from governorates.models import Governorate

    places = list(Governorate.objects.all())
    if measure == "activities":  # those that run there, nation-wide ones included
        counts = dict(
            PlaceFigure.objects.filter(policy=policy, governorate__isnull=False).values_list(
                "governorate_id", "activities"
            )
        )
        return {g: counts.get(g.pk, 0) for g in places}
    rows = {
        row["governorate_id"]: row
        for row in _rollup_rows(policy)
        .filter(period=as_of, governorate__isnull=False, targeted=True)
        .values("governorate_id")
        .annotate(**_rollup_sums(public))
        .order_by()
    }
    return {g: _rollup_of(rows[g.pk])[0] if g.pk in rows else measures.rollup([]) for g in places}


def indicator_history(indicator, public=False):
    """Baseline, targets and approved figures per period, nationally and by governorate:
    {"rows": [{"period", "national", "target", "places": [(figure, target)]}], "places"}, each
    figure a disclosure.Figure (for visitors, hidden where disclosure control says)."""
    from governorates.models import Governorate

    periods = list(
        ReportingPeriod.objects.filter(policy=indicator.policy_id).order_by("start_date")
    )
    national, by_place = {}, {}
    for governorate_id, period_id, value in (
        _figures().filter(indicator=indicator).values_list("governorate_id", "period_id", "value")
    ):
        if governorate_id is None:
            national[period_id] = value
        else:
            by_place[(governorate_id, period_id)] = value
    targets = {
        (t.governorate_id, t.period_id): t.value for t in Target.objects.filter(indicator=indicator)
    }
    place_ids = {g for g, _p in by_place} | {g for g, _p in targets if g}
    places = list(Governorate.objects.filter(pk__in=place_ids).order_by("name_en"))
    released = disclosure.released([indicator], {indicator.policy_id: periods}) if public else {}
    shown = released.get(indicator.pk)

    def figure(period, governorate_id, value):
        if shown is not None:
            return shown.cell(period.pk, governorate_id)
        return disclosure.Figure(value)

    rows = [
        {
            "period": p,
            "national": figure(p, None, national.get(p.pk)),
            "target": targets.get((None, p.pk)),
            "places": [
                (figure(p, g.pk, by_place.get((g.pk, p.pk))), targets.get((g.pk, p.pk)))
                for g in places
            ],
        }
        for p in periods
    ]
    return {"rows": rows, "places": places}


def across_plans(indicator, max_plans=10, public=False):
    """An indicator that continues one of an earlier plan, compared across plans.

    Follows `carried_from` back (one small query a plan) and returns, earliest plan first and
    this indicator's own plan last, [{"indicator", "policy", "rows": [(period, figure)],
    "to_date"}]: each plan's national figures from approved values only (period_figures, one
    aggregate for all the plans), periods without an approved figure left out, and the figure
    to date by the indicator's aggregation. An empty list when the indicator was not carried
    over from another."""
    chain, seen, current = [indicator], {indicator.pk}, indicator
    while current.carried_from_id and len(chain) < max_plans:
        current = (
            Indicator.objects.select_related("policy").filter(pk=current.carried_from_id).first()
        )
        if current is None or current.pk in seen:
            break
        seen.add(current.pk)
        chain.append(current)
    if len(chain) == 1:
        return []
    chain.reverse()
    periods = list(
        ReportingPeriod.objects.filter(policy__in=[i.policy_id for i in chain]).order_by(
            "start_date"
        )
    )
    figures = period_figures(chain, periods)
    by_policy = {}
    for period in periods:
        by_policy.setdefault(period.policy_id, []).append(period)
    released = disclosure.released(chain, by_policy) if public else {}
    plans = []
    for item in chain:
        own = [(p, figures.get((item.pk, p.pk))) for p in periods if p.policy_id == item.policy_id]
        if item.pk in released:
            shown = released[item.pk]
            rows = [(p, shown.cell(p.pk)) for p, value in own if value is not None]
            to_date = shown.to_date(own[-1][0]) if own else disclosure.NO_DATA
        else:
            rows = [(p, disclosure.Figure(value)) for p, value in own if value is not None]
            to_date = disclosure.Figure(
                measures.over_time([value for _p, value in own], item.aggregation)
            )
        plans.append({"indicator": item, "policy": item.policy, "rows": rows, "to_date": to_date})
    return plans


def reporting_rate_by_entity(periods):
    """[(entity, [rate per period])] for entities expected to report in any of the periods,
    from the reporting figures: two queries."""
    from policy.models import Entity

    due = {p.pk: is_due(p) for p in periods}
    cells = {}
    for entity_id, period_id, expected, on_time, late in ReportingFigure.objects.filter(
        period__in=[p.pk for p in periods], governorate__isnull=True
    ).values_list("entity_id", "period_id", "expected", "on_time", "late"):
        cells[(entity_id, period_id)] = ReportingRate(expected, on_time, late, due[period_id])
    entities = Entity.objects.filter(pk__in={e for e, _p in cells}).order_by("name_en")
    return [
        (
            entity,
            [cells.get((entity.pk, p.pk), ReportingRate(0, 0, 0, due[p.pk])) for p in periods],
        )
        for entity in entities
    ]


def indicator_count_in(policy, as_of, governorate_id) -> int:
    """How many indicators have a target or an approved figure in the governorate (the rows
    of the summaries there at the end of `as_of`): one query."""
    if as_of is None:
        return 0
    return _progress_rows(policy, as_of, governorate_id).count()


def indicators_in(policy, as_of, governorate_id, public=False, offset=0, limit=50):
    """[IndicatorProgress] of one page of the indicators with a target or an approved figure
    in the governorate at the end of `as_of`, by code (as a visitor may see them when
    `public`): one query, whatever the size of the plan."""
    if as_of is None:
        return []
    rows = (
        _progress_rows(policy, as_of, governorate_id)
        .select_related("indicator")
        .order_by("indicator_code", "indicator_id")[offset : offset + limit]
    )
    return [_as_progress(row, row.indicator, public) for row in rows]


# -- the national progress report (analytics/report.py) ----------------------------------------


def achievement_over_time_by_pillar(policy, upto=None, public=False) -> dict:
    """{pillar id: [(period, roll-up of the pillar's indicators at its end)]} for every period
    that has started (up to `upto`, if given), nationally, and {None: ...} for all pillars:
    two queries, however many periods, pillars and values."""
    today = timezone.localdate()
    periods = ReportingPeriod.objects.filter(policy=policy, start_date__lte=today)
    if upto is not None:
        periods = periods.filter(start_date__lte=upto.start_date)
    periods = list(periods.order_by("start_date"))
    rows = {}
    for row in (
        _rollup_rows(policy)
        .filter(governorate__isnull=True, targeted=False, period__in=[p.pk for p in periods])
        .values("period_id", "pillar_id")
        .annotate(**_rollup_sums(public))
        .order_by()
    ):
        rows.setdefault(row["pillar_id"], {})[row["period_id"]] = row
    everything = {
        period.pk: _merge(
            [by_period[period.pk] for by_period in rows.values() if period.pk in by_period]
        )
        for period in periods
    }
    rows[None] = everything
    return {
        pillar_id: [
            (p, _rollup_of(by_period[p.pk])[0] if p.pk in by_period else measures.rollup([]))
            for p in periods
        ]
        for pillar_id, by_period in rows.items()
    }


def governorate_rollups(policy, as_of, public=False) -> dict:
    """{governorate: (Rollup, status counts)} of the indicators that have a target in each
    governorate (as the map has them), at the end of `as_of`: two queries."""
    from governorates.models import Governorate

    rows = {}
    if as_of is not None:
        rows = {
            row["governorate_id"]: row
            for row in _rollup_rows(policy)
            .filter(period=as_of, governorate__isnull=False, targeted=True)
            .values("governorate_id")
            .annotate(**_rollup_sums(public))
            .order_by()
        }
    return {
        g: _rollup_of(rows[g.pk]) if g.pk in rows else EMPTY
        for g in Governorate.objects.order_by("name_en")
    }


def reporting_rates_by_governorate(period) -> dict:
    """{governorate id: ReportingRate} of one period, from the reporting figures: one query."""
    rows = (
        ReportingFigure.objects.filter(period=period, governorate__isnull=False)
        .values("governorate_id")
        .annotate(expected=Sum("expected"), on_time=Sum("on_time"), late=Sum("late"))
        .order_by()
    )
    return {
        r["governorate_id"]: ReportingRate(
            r["expected"] or 0, r["on_time"] or 0, r["late"] or 0, due=is_due(period)
        )
        for r in rows
    }
