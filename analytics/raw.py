"""The figures computed from the raw approved values, as the pages did before the summary
tables (analytics/models.py): kept for the test that computes every figure both ways
(tests/analytics/test_figures.py) and for building the summaries (analytics/figures.py).
Pages read the summaries through analytics/selectors.py, never these. The reporting rates and
report counts at the end are what the pages counted from every report and event before the reporting
figures (analytics/models.py ReportingFigure)."""

import datetime

from django.db import connection
from django.db.models import Avg, Count, F, Min, OuterRef, Q, Subquery, Sum
from django.utils import timezone

from analytics import disclosure, measures
from analytics.selectors import IndicatorProgress, ReportingRate
from indicators.models import Indicator, ReportingPeriod, Target
from policy.models import Activity, ActivityPartner, covering_q
from reporting.models import IndicatorValue, ProgressReport, ReportEvent, ReportStatus

# What each group of approved values yields; _figure picks one per indicator (measures.combine).
FIGURE_AGGREGATES = {
    "total": Sum("value"),
    "mean": Avg("value"),
    "own": Avg("value", filter=Q(report__entity_id=F("indicator__responsible_entity_id"))),
}


def _figure(indicator, row):
    """Counts add up; percentages, yes/no and averages take the responsible entity's value
    when it reported, else the mean."""
    if indicator.unit in ("percent", "yes_no") or indicator.aggregation == "average":
        return row["own"] if row["own"] is not None else row["mean"]
    return row["total"]


def period_figures(indicators, periods, governorate_id=None) -> dict:
    """(indicator id, period id) -> the period's figure from approved values, in one query:
    counts add up across entities and governorates; percentages, yes/no and averages take the
    responsible entity's value when it reported, else the mean (see measures.combine)."""
    values = IndicatorValue.objects.filter(
        report__status=ReportStatus.APPROVED,
        not_available=False,
        indicator__in=indicators,
        report__period__in=periods,
    )
    if governorate_id is not None:
        values = values.filter(governorate_id=governorate_id)
    rows = values.values("indicator_id", "report__period_id").annotate(**FIGURE_AGGREGATES)
    by_id = {i.pk: i for i in indicators}
    return {
        (row["indicator_id"], row["report__period_id"]): _figure(by_id[row["indicator_id"]], row)
        for row in rows
    }


def _indicators_with_final_targets(policy, indicators=None, governorate_id=None):
    target_scope = (
        Q(governorate_id=governorate_id) if governorate_id is not None else Q(governorate=None)
    )
    final = Target.objects.filter(target_scope, indicator=OuterRef("pk")).order_by(
        "-period__end_date"
    )
    queryset = (
        indicators if indicators is not None else Indicator.objects.filter(policy=policy)
    ).exclude(unit=Indicator.Unit.TEXT)
    return list(
        queryset.select_related("objective__pillar", "activity__objective__pillar").annotate(
            final_target=Subquery(final.values("value")[:1]),
            final_label=Subquery(final.values("period__label")[:1]),
            final_date=Subquery(final.values("period__end_date")[:1]),
        )
    )


def _progress_at(policy, indicators, periods, figures, as_of, released=None, governorate_id=None):
    """Progress of each indicator at the end of `as_of`, from figures already fetched.
    `released` (for visitors) holds what disclosure control lets them see of the sensitive
    indicators: a hidden figure to date hides its achievement and status too."""
    upto = [p for p in periods if p.end_date <= as_of.end_date]
    start = datetime.date(policy.start_year, 1, 1)
    result = []
    for indicator in indicators:
        target_date = indicator.final_date or datetime.date(policy.end_year, 12, 31)
        expected = measures.expected_share(start, target_date, as_of.end_date)
        shown = (released or {}).get(indicator.pk)
        if shown is not None and shown.to_date(as_of, governorate_id).hidden:
            result.append(_hidden_progress(indicator, expected))
            continue
        actual = measures.over_time(
            [figures.get((indicator.pk, p.pk)) for p in upto], indicator.aggregation
        )
        achieved = measures.achievement(actual, indicator.baseline_value, indicator.final_target)
        result.append(
            IndicatorProgress(
                indicator,
                actual,
                indicator.final_target,
                indicator.final_label,
                achieved,
                expected,
                measures.status(achieved, expected),
            )
        )
    return result


def _hidden_progress(indicator, expected):
    return IndicatorProgress(
        indicator,
        None,
        indicator.final_target,
        indicator.final_label,
        None,
        expected,
        measures.Status.HIDDEN,
        suppressed=True,
    )


def _released(public, policy_id, indicators, periods):
    """What visitors may see of the sensitive indicators (analytics/disclosure.py); None for
    signed-in readers, who see every figure."""
    return released_raw(indicators, {policy_id: periods}) if public else None


def indicator_progress(policy, as_of, indicators=None, governorate_id=None, public=False):
    """Each indicator's figure to date, final target, achievement and status at the end of the
    period `as_of`. A fixed number of queries whatever the number of indicators. `public`:
    as a visitor may see them."""
    indicators = _indicators_with_final_targets(policy, indicators, governorate_id)
    periods = list(
        ReportingPeriod.objects.filter(policy=policy, end_date__lte=as_of.end_date).order_by(
            "start_date"
        )
    )
    figures = period_figures(indicators, periods, governorate_id)
    released = _released(public, policy.pk, indicators, periods)
    return _progress_at(policy, indicators, periods, figures, as_of, released, governorate_id)


def achievement_over_time(policy, governorate_id=None, public=False):
    """[(period, roll-up of all indicators at its end)] for every period that has started:
    three queries in all (five for visitors), however many periods and indicators."""
    indicators = _indicators_with_final_targets(policy, None, governorate_id)
    today = timezone.localdate()
    periods = list(
        ReportingPeriod.objects.filter(policy=policy, start_date__lte=today).order_by("start_date")
    )
    figures = period_figures(indicators, periods, governorate_id)
    released = _released(public, policy.pk, indicators, periods)
    return [
        (
            period,
            measures.rollup(
                p.achievement
                for p in _progress_at(
                    policy, indicators, periods, figures, period, released, governorate_id
                )
            ),
        )
        for period in periods
    ]


def governorate_measures(policy, as_of, measure, public=False):
    """{governorate: figure} for the map: `achievement` (a roll-up of the indicators that have
    a target in the governorate; four queries for all governorates, six for visitors) or
    `activities` (two)."""
    from governorates.models import Governorate

    places = list(Governorate.objects.all())
    if measure == "activities":
        counts = dict(
            # Listed and nation-wide at once counts once, as Activity.covers has it.
            Activity.objects.filter(
                objective__policy=policy, is_nationwide=False, governorates__isnull=False
            )
            .values_list("governorates")
            .annotate(n=Count("id"))
        )
        nationwide = Activity.objects.filter(objective__policy=policy, is_nationwide=True).count()
        return {g: counts.get(g.pk, 0) + nationwide for g in places}
    achievements = governorate_achievements(policy, as_of, public)
    return {g: measures.rollup(achievements.get(g.pk, [])) for g in places}


def governorate_achievements(policy, as_of, public=False) -> dict:
    """governorate id -> [achievement of each indicator with a target there], from one
    aggregate over the approved values of those indicators only: achievement in a governorate
    needs the governorate's own target. For visitors, a sensitive indicator whose figure to
    date is hidden there counts as one without data."""
    finals = {}
    for target in (
        Target.objects.filter(indicator__policy=policy, governorate__isnull=False)
        .exclude(indicator__unit=Indicator.Unit.TEXT)
        .order_by("period__end_date")
        .values("indicator_id", "governorate_id", "value", "period__end_date")
    ):
        finals[(target["indicator_id"], target["governorate_id"])] = target
    if not finals:
        return {}
    indicators = {i.pk: i for i in Indicator.objects.filter(pk__in={i for i, _g in finals})}
    periods = list(
        ReportingPeriod.objects.filter(policy=policy, end_date__lte=as_of.end_date).order_by(
            "start_date"
        )
    )
    rows = (
        IndicatorValue.objects.filter(
            report__status=ReportStatus.APPROVED,
            not_available=False,
            indicator_id__in=indicators,
            report__period__in=periods,
            governorate__isnull=False,
        )
        .values("governorate_id", "indicator_id", "report__period_id")
        .annotate(**FIGURE_AGGREGATES)
    )
    figures = {
        (row["governorate_id"], row["indicator_id"], row["report__period_id"]): _figure(
            indicators[row["indicator_id"]], row
        )
        for row in rows
    }
    released = _released(public, policy.pk, list(indicators.values()), periods) or {}
    result = {}
    for (indicator_id, governorate_id), target in finals.items():
        indicator = indicators[indicator_id]
        if (
            indicator_id in released
            and released[indicator_id].to_date(as_of, governorate_id).hidden
        ):
            result.setdefault(governorate_id, []).append(None)
            continue
        actual = measures.over_time(
            [figures.get((governorate_id, indicator_id, p.pk)) for p in periods],
            indicator.aggregation,
        )
        result.setdefault(governorate_id, []).append(
            measures.achievement(actual, indicator.baseline_value, target["value"])
        )
    return result


def indicator_history(indicator, public=False):
    """Baseline, targets and approved figures per period, nationally and by governorate:
    {"rows": [{"period", "national", "target", "places": [(figure, target)]}], "places"}, each
    figure a disclosure.Figure (for visitors, hidden where disclosure control says)."""
    from governorates.models import Governorate

    periods = list(
        ReportingPeriod.objects.filter(policy=indicator.policy_id).order_by("start_date")
    )
    national = period_figures([indicator], periods)
    by_place = {}
    values = (
        IndicatorValue.objects.filter(
            report__status=ReportStatus.APPROVED,
            not_available=False,
            indicator=indicator,
            governorate__isnull=False,
        )
        .values("governorate_id", "report__period_id")
        .annotate(**FIGURE_AGGREGATES)
    )
    for row in values:
        by_place[(row["governorate_id"], row["report__period_id"])] = _figure(indicator, row)
    targets = {
        (t.governorate_id, t.period_id): t.value for t in Target.objects.filter(indicator=indicator)
    }
    place_ids = {g for g, _p in by_place} | {g for g, _p in targets if g}
    places = list(Governorate.objects.filter(pk__in=place_ids).order_by("name_en"))
    released = _released(public, indicator.policy_id, [indicator], periods) or {}
    shown = released.get(indicator.pk)

    def figure(period, governorate_id, value):
        if shown is not None:
            return shown.cell(period.pk, governorate_id)
        return disclosure.Figure(value)

    rows = [
        {
            "period": p,
            "national": figure(p, None, national.get((indicator.pk, p.pk))),
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
    released = released_raw(chain, by_policy) if public else {}
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


def place_figures(indicators, periods) -> tuple[dict, dict]:
    """({(indicator id, period id): {governorate id: figure}}, {(indicator id, period id): what
    nation-wide reports gave}) from approved values, in one query."""
    by_id = {i.pk: i for i in indicators}
    places, unplaced = {}, {}
    rows = (
        IndicatorValue.objects.filter(
            report__status=ReportStatus.APPROVED,
            not_available=False,
            indicator__in=list(by_id),
            report__period__in=periods,
        )
        .values("indicator_id", "report__period_id", "governorate_id")
        .annotate(**FIGURE_AGGREGATES)
    )
    for row in rows:
        key = (row["indicator_id"], row["report__period_id"])
        figure = _figure(by_id[row["indicator_id"]], row)
        if row["governorate_id"] is None:
            unplaced[key] = figure
        else:
            places.setdefault(key, {})[row["governorate_id"]] = figure
    return places, unplaced


def released_raw(indicators, periods_by_policy=None) -> dict:
    """disclosure.released, from the raw approved values (three queries)."""
    sensitive = [i for i in indicators if i.is_sensitive]
    if not sensitive:
        return {}
    periods_by_policy = disclosure.periods_of(sensitive, periods_by_policy)
    all_periods = [p for periods in periods_by_policy.values() for p in periods]
    national = period_figures(sensitive, all_periods)
    places, unplaced = place_figures(sensitive, all_periods)
    return disclosure.protect(sensitive, periods_by_policy, national, places, unplaced)


# -- reporting rates and report counts, from every report and event ----------------------


def _running(period):
    return Q(start_date__lte=period.end_date, end_date__gte=period.start_date) & ~Q(
        status=Activity.Status.CANCELLED
    )


def expected_by_entity(period, governorate_id=None) -> dict[int, int]:
    """entity id -> reports expected in `period`: one per activity the entity leads or
    implements, when the activity runs in the period and is not cancelled (and, if given,
    covers the governorate)."""
    running = Activity.objects.filter(_running(period), objective__policy_id=period.policy_id)
    if governorate_id is not None:
        running = running.covering(governorate_id)
    counts = {}
    for row in running.values("lead_entity_id").annotate(n=Count("id")):
        counts[row["lead_entity_id"]] = row["n"]
    partners = (
        ActivityPartner.objects.filter(
            role__in=ActivityPartner.REPORTING_ROLES, activity__in=running
        )
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
                else {"activity__in": Activity.objects.covering(governorate_id)}
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
        due=period.due_date < timezone.localdate(),
    )


def reports_in(policy, governorate):
    """Report counts by status for activities covering the governorate."""
    rows = (
        ProgressReport.objects.filter(period__policy=policy)
        .filter(Q(governorate=governorate) | covering_q(governorate.pk, path="activity"))
        .values("status")
        .annotate(n=Count("id"))
        .order_by()
    )
    counts = {s: 0 for s in ReportStatus.values}
    for row in rows:
        counts[row["status"]] = row["n"]
    return counts


def budget_by_source(policy, governorate_id=None):
    """Planned, committed and disbursed per funding source type and currency (one query)."""
    from policy.models import Funding

    lines = Funding.objects.filter(activity__objective__policy=policy)
    if governorate_id is not None:
        lines = lines.filter(covering_q(governorate_id, path="activity"))
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


def activities_in(policy, governorate, limit=None):
    """(the first `limit` activities of the policy that cover the governorate, nation-wide
    ones included, by code; how many there are): two queries."""
    covering = Activity.objects.filter(objective__policy=policy).covering(governorate.pk)
    listed = covering.select_related("objective__pillar", "lead_entity").order_by("code")
    return list(listed[:limit] if limit else listed), covering.count()


def activities_by_place(policy):
    """{governorate: activities there} for the map, as it counted them: those listing it
    plus the nation-wide ones (each once: Activity.covers)."""
    from governorates.models import Governorate

    counts = dict(
        Activity.objects.filter(
            objective__policy=policy, is_nationwide=False, governorates__isnull=False
        )
        .values_list("governorates")
        .annotate(n=Count("id"))
    )
    nationwide = Activity.objects.filter(objective__policy=policy, is_nationwide=True).count()
    return {g: counts.get(g.pk, 0) + nationwide for g in Governorate.objects.all()}
