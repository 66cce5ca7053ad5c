"""The numbers behind the measures: the figures from the summary tables (analytics/models.py,
built by analytics/figures.py), reporting rates and budgets with database aggregates."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db import connection
from django.db.models import Count, Min, OuterRef, Q, Subquery, Sum
from django.utils import timezone

from analytics import disclosure, measures
from analytics.models import FigureState, IndicatorFigure, ProgressFigure
from indicators.models import Indicator, ReportingPeriod, Target
from policy.models import Activity, ActivityPartner
from reporting.models import ProgressReport, ReportEvent, ReportStatus


@dataclass(frozen=True)
class ReportingRate:
    """Expected reports against those submitted on time, late, and missing (as DHIS2 has it)."""

    expected: int
    on_time: int
    late: int

    @property
    def missing(self) -> int:
        return max(self.expected - self.on_time - self.late, 0)

    @property
    def rate(self):
        """Share of expected reports submitted at all; None when none was expected."""
        return None if not self.expected else (self.on_time + self.late) / self.expected


def _running(period):
    return Q(start_date__lte=period.end_date, end_date__gte=period.start_date) & ~Q(
        status=Activity.Status.CANCELLED
    )


def _covering(governorate_id):
    """Activities in a governorate: nation-wide, or listing it (a subquery, no duplicate rows)."""
    listed = Activity.governorates.through.objects.filter(governorate_id=governorate_id)
    return Q(is_nationwide=True) | Q(pk__in=listed.values("activity_id"))


def expected_by_entity(period, governorate_id=None) -> dict[int, int]:
    """entity id -> reports expected in `period`: one per activity the entity leads or
    implements, when the activity runs in the period and is not cancelled (and, if given,
    covers the governorate)."""
    running = Activity.objects.filter(_running(period), objective__policy_id=period.policy_id)
    if governorate_id is not None:
        running = running.filter(_covering(governorate_id))
    counts = {}
    for row in running.values("lead_entity_id").annotate(n=Count("id")):
        counts[row["lead_entity_id"]] = row["n"]
    partners = (
        ActivityPartner.objects.filter(role=ActivityPartner.Role.IMPLEMENTING, activity__in=running)
        .values("entity_id")
        .annotate(n=Count("activity_id", distinct=True))
    )
    for row in partners:
        counts[row["entity_id"]] = counts.get(row["entity_id"], 0) + row["n"]
    return counts


def submitted_by_entity(period, governorate_id=None) -> dict[int, tuple[int, int]]:
    """entity id -> (on time, late): reports of `period` ever submitted, one per activity,
    judged by their first submission against the due date (end of that day, in the portal's
    time zone). Counted in the database, whatever the number of reports."""
    first = (
        ReportEvent.objects.filter(report=OuterRef("pk"), kind=ReportEvent.Kind.SUBMITTED)
        .order_by("at")
        .values("at")[:1]
    )
    reports = (
        ProgressReport.objects.filter(period=period)
        .exclude(status=ReportStatus.DRAFT)
        .filter(
            **(
                {}
                if governorate_id is None
                else {"activity__in": Activity.objects.filter(_covering(governorate_id))}
            )
        )
        .annotate(first_submitted=Subquery(first))
        .values("entity_id", "activity_id")
        .annotate(first=Min("first_submitted"))
        .order_by()
    )
    # The first moment after the due date, in the portal's time zone.
    deadline = timezone.make_aware(
        datetime.datetime.combine(period.due_date + datetime.timedelta(days=1), datetime.time())
    )
    deadline = connection.ops.adapt_datetimefield_value(deadline)
    sql, params = reports.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT entity_id, SUM(CASE WHEN first < %s THEN 1 ELSE 0 END), "
            "SUM(CASE WHEN first < %s THEN 0 ELSE 1 END) "
            f"FROM ({sql}) AS per_activity GROUP BY entity_id",
            [deadline, deadline, *params],
        )
        return {entity: (int(on_time), int(late)) for entity, on_time, late in cursor.fetchall()}


def reporting_rate(period, entity_id=None, governorate_id=None) -> ReportingRate:
    expected = expected_by_entity(period, governorate_id)
    submitted = submitted_by_entity(period, governorate_id)
    ids = [entity_id] if entity_id is not None else set(expected) | set(submitted)
    return ReportingRate(
        expected=sum(expected.get(i, 0) for i in ids),
        on_time=sum(submitted.get(i, (0, 0))[0] for i in ids),
        late=sum(submitted.get(i, (0, 0))[1] for i in ids),
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


def _rollup_aggregates(public):
    """Count, with data, sum of capped achievements and status counts of summary rows."""
    visible = Q(hidden=False) if public else None
    aggregates = {
        "n": Count("id"),
        "with_data": Count("capped", filter=visible),
        "total": Sum("capped", filter=visible),
    }
    for status in measures.Status.values:
        if status == measures.Status.HIDDEN:
            if public:
                aggregates[status] = Count("id", filter=Q(hidden=True))
        else:
            condition = Q(status=status) & visible if public else Q(status=status)
            aggregates[status] = Count("id", filter=condition)
    return aggregates


def _rollup_of(row, indicators=None):
    """(Rollup, status counts) from one row of _rollup_aggregates."""
    with_data = row["with_data"]
    mean = Decimal(row["total"]) / with_data if with_data else None
    counts = {s: row.get(s, 0) for s in measures.Status.values}
    return measures.Rollup(mean, row["n"] if indicators is None else indicators, with_data), counts


def _merge(rows):
    merged = {"n": 0, "with_data": 0, "total": Decimal(0)}
    for row in rows:
        for key, value in row.items():
            if key in merged or key in measures.Status.values:
                merged[key] = merged.get(key, 0) + (value or 0)
    return merged


EMPTY = (measures.rollup([]), {s: 0 for s in measures.Status.values})


def pillar_rollups(policy, as_of, governorate_id=None, public=False) -> dict:
    """{pillar id: (Rollup, status counts)} and {None: ...} for all pillars, at the end of
    `as_of`, nationally or in a governorate, from the summaries in one grouped query (two in a
    governorate, where every indicator of the plan counts, with data there or not)."""
    if as_of is None:
        return {}
    rows = {
        row["pillar_id"]: row
        for row in _progress_rows(policy, as_of, governorate_id)
        .values("pillar_id")
        .annotate(**_rollup_aggregates(public))
        .order_by()
    }
    counts = None
    if governorate_id is not None:
        counts = dict(
            _progress_rows(policy, as_of)
            .values("pillar_id")
            .annotate(n=Count("id"))
            .order_by()
            .values_list("pillar_id", "n")
        )
        for pillar_id in counts:
            rows.setdefault(pillar_id, {"n": 0, "with_data": 0, "total": None})
    result = {
        pillar_id: _rollup_of(row, None if counts is None else counts.get(pillar_id, 0))
        for pillar_id, row in rows.items()
    }
    everything = _merge(rows.values())
    result[None] = _rollup_of(everything, None if counts is None else sum(counts.values()))
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
        for row in ProgressFigure.objects.filter(
            generation=current_generation(),
            policy=policy,
            governorate__isnull=True,
            period__in=[p.pk for p in periods],
        )
        .values("period_id")
        .annotate(**_rollup_aggregates(public))
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
    """Planned, committed and disbursed per funding source type and currency (one query)."""
    from policy.models import Funding

    lines = Funding.objects.filter(activity__objective__policy=policy)
    if governorate_id is not None:
        lines = lines.filter(
            Q(activity__is_nationwide=True) | Q(activity__governorates=governorate_id)
        ).distinct()
    return list(
        lines.values(
            "source_type__code",
            "source_type__name_en",
            "source_type__name_ar",
            "source_type__name_ckb",
            "currency",
        )
        .annotate(planned=Sum("planned"), committed=Sum("committed"), disbursed=Sum("disbursed"))
        .order_by("source_type__order", "currency")
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


def activities_in(policy, governorate, limit=None):
    """(the first `limit` activities of the policy that cover the governorate, nation-wide
    ones included, by code; how many there are): two queries."""
    covering = Activity.objects.filter(objective__policy=policy).filter(_covering(governorate.pk))
    listed = covering.select_related("objective__pillar", "lead_entity").order_by("code")
    return list(listed[:limit] if limit else listed), covering.count()


def reports_in(policy, governorate):
    """Report counts by status for activities covering the governorate."""
    rows = (
        ProgressReport.objects.filter(period__policy=policy)
        .filter(
            Q(governorate=governorate)
            | Q(activity__in=Activity.objects.filter(_covering(governorate.pk)).values("pk"))
        )
        .values("status")
        .annotate(n=Count("id"))
        .order_by()
    )
    counts = {s: 0 for s in ReportStatus.values}
    for row in rows:
        counts[row["status"]] = row["n"]
    return counts


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
    if measure == "activities":
        counts = dict(
            Activity.objects.filter(objective__policy=policy, governorates__isnull=False)
            .values_list("governorates")
            .annotate(n=Count("id"))
        )
        nationwide = Activity.objects.filter(objective__policy=policy, is_nationwide=True).count()
        return {g: counts.get(g.pk, 0) + nationwide for g in places}
    rows = {
        row["governorate_id"]: row
        for row in ProgressFigure.objects.filter(
            generation=current_generation(),
            policy=policy,
            period=as_of,
            governorate__isnull=False,
            has_target=True,
        )
        .values("governorate_id")
        .annotate(**_rollup_aggregates(public))
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
    """[(entity, [rate per period])] for entities expected to report in any of the periods."""
    from policy.models import Entity

    per_period = []
    for period in periods:  # three queries a period, for four periods at most
        per_period.append((expected_by_entity(period), submitted_by_entity(period)))
    entity_ids = set()
    for expected, submitted in per_period:
        entity_ids |= set(expected) | set(submitted)
    entities = Entity.objects.filter(pk__in=entity_ids).order_by("name_en")
    table = []
    for entity in entities:
        rates = []
        for expected, submitted in per_period:
            on_time, late = submitted.get(entity.pk, (0, 0))
            rates.append(ReportingRate(expected.get(entity.pk, 0), on_time, late))
        table.append((entity, rates))
    return table
