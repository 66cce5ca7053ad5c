"""The summary figures (analytics/models.py), built from the approved values.

`schedule_refresh()` is the one trigger: the services call it when a report is started,
submitted, returned, approved or reopened, when a target, indicator, activity, partner,
objective, period or plan changes, and when a plan is imported. It runs `refresh()` once the
transaction commits (or at once when settings.FIGURES_REFRESH is "immediate", as in the tests,
whose transactions never commit). `refresh()` takes ids only, so it can run as a background
task. `rebuild()` (manage.py refresh_figures) writes every figure into a new generation and
then makes it current.

Three levels, each computed from the one below, in the same transaction:
1. IndicatorFigure and ProgressFigure: the figures of analytics/raw.py (the raw computation the
   pages used to run on every view), for every indicator, nationally and in each governorate,
   at the end of every period;
2. RollupFigure: those progress rows added up per objective, place and period (what the
   overview, the map, the pillar and governorate pages show), recomputed for the objectives
   whose indicators changed;
3. ReportingFigure: reports expected, on time, late and by status, per period, place and
   entity (the reporting rates and report counts), recomputed for the periods that changed;
   PlaceFigure and BudgetFigure: the activities and the budget of each place, recomputed with
   the plan's structure (an activity, a partner, a funding line).
tests/analytics/test_figures.py checks that every figure agrees with the raw computation.
"""

import datetime
import logging
import threading
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.db.models import Count, F, Min, Q, Sum
from django.utils import timezone

from analytics import disclosure, measures, raw
from analytics.models import (
    FigureState,
    IndicatorFigure,
    ProgressFigure,
    RollupFigure,
)
from indicators.models import Indicator, Target
from policy.models import ActivityPartner

logger = logging.getLogger(__name__)
CHUNK = 200  # indicators computed and written together
_pending = threading.local()


def schedule_refresh(
    indicator_ids=(), policy_id=None, period_ids=(), plan_id=None, policy_ids=(), plan_ids=()
):
    """Refresh, once the current transaction commits, the figures of these indicators (and of
    every indicator of `policy_id`), the reporting figures of these periods, and, for
    `plan_id`, the plan's roll-ups and the reporting figures of all its periods (its structure
    changed: an activity, a partner, an indicator deleted); then change the figures version
    (the cache keys of the public pages and lists). Called with nothing, it only changes the
    version: for changes that no figure depends on but a cached page shows (an activity
    renamed). Several calls in one transaction make one refresh."""
    ids = {int(i) for i in indicator_ids if i is not None}
    periods = {int(p) for p in period_ids if p is not None}
    policies = {int(p) for p in (policy_id, *policy_ids) if p}
    plans = {int(p) for p in (plan_id, *plan_ids) if p}
    if getattr(settings, "FIGURES_REFRESH", "on_commit") == "immediate":
        refresh(sorted(ids), sorted(policies), sorted(periods), sorted(plans))
        return
    if not getattr(_pending, "dirty", False):
        _pending.dirty = True
        _pending.indicators, _pending.policies = set(), set()
        _pending.periods, _pending.plans = set(), set()
    _pending.indicators |= ids
    _pending.periods |= periods
    _pending.policies |= policies
    _pending.plans |= plans
    # One callback a call; the first to run takes everything pending, the others find nothing.
    # (What a rolled-back transaction left pending is refreshed with the next commit: a
    # refresh recomputes from the database, so an extra one is harmless.) Robust: a failed
    # refresh is logged and does not turn the committed approval into an error page; the
    # figures stay as they were until the next refresh (or `manage.py refresh_figures`).
    transaction.on_commit(_run_pending, robust=True)


def reports_changed(sender, indicator_ids=(), period_ids=(), **kwargs):
    """reporting.signals.reports_changed: a report's step changed what the figures count."""
    schedule_refresh(indicator_ids, period_ids=period_ids)


def plan_changed(sender, instance, deleted=False, **kwargs):
    """core.services.plan_changed: refresh what a written plan row changes. A deleted
    indicator's figures went with it (on delete cascade); other rows change only the version."""
    from django.db.models import Q

    from governorates.models import Governorate
    from indicators.models import ReportingPeriod
    from policy.models import Activity, ActivityPartner, Funding, Objective, Policy

    if isinstance(instance, Indicator):
        if deleted:  # its figures went with it; its objective's roll-ups change
            schedule_refresh(plan_id=instance.policy_id)
        else:
            schedule_refresh([instance.pk])
    elif isinstance(instance, Target):
        schedule_refresh([instance.indicator_id])
    elif isinstance(instance, Activity):
        # Its dates, status, lead, places and partners decide the reports expected.
        plan = _policy_of_objective(instance.objective_id)
        indicators = Indicator.objects.filter(activity_id=instance.pk).values_list("pk", flat=True)
        schedule_refresh([] if deleted else indicators, plan_id=plan)
    elif isinstance(instance, ActivityPartner | Funding):
        # Who owes reports; the budget of each place.
        plan = (
            Activity.objects.filter(pk=instance.activity_id)
            .values_list("objective__policy_id", flat=True)
            .first()
        )
        schedule_refresh(plan_id=plan)
    elif isinstance(instance, Objective):
        if deleted:
            schedule_refresh(plan_id=instance.policy_id)
        else:
            schedule_refresh(
                Indicator.objects.filter(
                    Q(objective=instance) | Q(activity__objective=instance)
                ).values_list("pk", flat=True)
            )
    elif isinstance(instance, ReportingPeriod):
        changed = deleted or _changed(instance, ("start_date", "end_date", "label"))
        if changed:
            schedule_refresh(policy_id=instance.policy_id)
        elif _changed(instance, ("due_date",)):  # on time or late
            schedule_refresh(period_ids=[instance.pk])
        else:
            schedule_refresh()
    elif isinstance(instance, Governorate):
        # A nation-wide activity runs in a new governorate too: reports expected there.
        for policy_id in Policy.objects.values_list("pk", flat=True):
            schedule_refresh(plan_id=policy_id)
    elif isinstance(instance, Policy) and not deleted:
        # Only the years change figures (the expected share); publishing one changes the version.
        changed = _changed(instance, ("start_year", "end_year"))
        schedule_refresh(policy_id=instance.pk if changed else None)
    else:
        schedule_refresh()


def plan_bulk_changed(sender, instances, deleted=False, **kwargs):
    """core.services.plan_bulk_changed: many rows of one kind written at once (an import). One
    refresh for the lot, asked with a few queries whatever the number of rows."""
    from django.db.models import Q

    from governorates.models import Governorate
    from indicators.models import ReportingPeriod
    from policy.models import Activity, ActivityPartner, Funding, Objective, Policy

    pks = [row.pk for row in instances]
    if not pks:
        return
    if sender is Indicator:
        if deleted:
            schedule_refresh(plan_ids={row.policy_id for row in instances})
        else:
            schedule_refresh(pks)
    elif sender is Target:
        schedule_refresh({row.indicator_id for row in instances})
    elif sender is Activity:
        schedule_refresh(
            []
            if deleted
            else Indicator.objects.filter(activity__in=pks).values_list("pk", flat=True),
            plan_ids=Objective.objects.filter(
                pk__in={row.objective_id for row in instances}
            ).values_list("policy_id", flat=True),
        )
    elif sender in (ActivityPartner, Funding):
        schedule_refresh(
            plan_ids=Activity.objects.filter(
                pk__in={row.activity_id for row in instances}
            ).values_list("objective__policy_id", flat=True)
        )
    elif sender is Objective:
        if deleted:
            schedule_refresh(plan_ids={row.policy_id for row in instances})
        else:
            schedule_refresh(
                Indicator.objects.filter(
                    Q(objective__in=pks) | Q(activity__objective__in=pks)
                ).values_list("pk", flat=True)
            )
    elif sender is ReportingPeriod:
        schedule_refresh(policy_ids={row.policy_id for row in instances})
    elif sender is Policy:
        schedule_refresh(policy_ids=[] if deleted else pks)
    elif sender is Governorate:
        schedule_refresh(plan_ids=Policy.objects.values_list("pk", flat=True))
    else:
        schedule_refresh()


def _policy_of_objective(objective_id):
    from policy.models import Objective

    return Objective.objects.filter(pk=objective_id).values_list("policy_id", flat=True).first()


def _changed(instance, fields) -> bool:
    """Whether the row's last save changed any of `fields` (from its two latest history
    records; a new row has changed everything)."""
    records = list(instance.history.order_by("-history_id").values(*fields)[:2])
    return len(records) < 2 or records[0] != records[1]


def _run_pending():
    if not getattr(_pending, "dirty", False):
        return
    work = (
        sorted(_pending.indicators),
        sorted(_pending.policies),
        sorted(_pending.periods),
        sorted(_pending.plans),
    )
    _pending.dirty = False
    _pending.indicators, _pending.policies = set(), set()
    _pending.periods, _pending.plans = set(), set()
    # On a worker (analytics.refresh_figures): the approval's request does not wait for it.
    # Without a broker (the quick start) the task runs here and now.
    from analytics.tasks import refresh_figures

    try:
        refresh_figures.delay(*work)
    except Exception:  # the broker unreachable: refresh here rather than show stale figures
        logger.exception("Could not queue the figures' refresh; refreshing in the request")
        refresh(*work)


def _state(lock=False) -> FigureState:
    queryset = FigureState.objects.select_for_update() if lock else FigureState.objects
    state = queryset.filter(pk=1).first()
    if state is None:
        state, _created = FigureState.objects.get_or_create(pk=1)
        if lock:
            state = FigureState.objects.select_for_update().get(pk=1)
    return state


def _published():
    """Once the new figures are committed, the cached pages and lists made from the old ones
    are not served again (core/cache.py). In the tests' transactions, which never commit, at
    once."""
    from core import cache

    if getattr(settings, "FIGURES_REFRESH", "on_commit") == "immediate":
        cache.publish(version())
    else:
        transaction.on_commit(lambda: cache.publish(version()), robust=True)


def version() -> int:
    """The figures version: changes on every refresh (one query)."""
    return FigureState.objects.filter(pk=1).values_list("version", flat=True).first() or 0


def refresh(indicator_ids=(), policy_ids=(), period_ids=(), plan_ids=()):
    """Recompute, in the current generation (and in the one a rebuild is writing), in one
    transaction: the figures of these indicators and of every indicator of these plans, the
    roll-ups of their objectives (of the whole plan for `policy_ids` and `plan_ids`), and the
    reporting figures of these periods (of every period of those plans); then change the
    version. Plain ids in, nothing out: the body of a background task."""
    from indicators.models import ReportingPeriod

    plans = set(policy_ids) | set(plan_ids)
    ids = set(indicator_ids)
    if policy_ids:
        ids |= set(Indicator.objects.filter(policy_id__in=policy_ids).values_list("pk", flat=True))
    ids = sorted(ids)
    periods = set(period_ids)
    if plans:
        periods |= set(
            ReportingPeriod.objects.filter(policy_id__in=plans).values_list("pk", flat=True)
        )
    with transaction.atomic():
        state = _state(lock=True)  # refreshes and rebuild steps take turns
        generations = [g for g in (state.current, state.building) if g]
        objectives = set()
        for start in range(0, len(ids), CHUNK):
            objectives |= _write(generations, ids[start : start + CHUNK])
        if objectives or plans:
            write_rollups(generations, objectives, plans)
        if periods:
            write_reporting(sorted(periods))
        if plans:
            write_places(sorted(plans))
        FigureState.objects.filter(pk=1).update(
            version=F("version") + 1, refreshed_at=timezone.now()
        )
    _published()


def rebuild(progress=None) -> int:
    """Every figure again, into a new generation, made current only when complete; the old
    generation is then deleted. Returns the new generation. Refreshes that run meanwhile
    write to both generations, so none is lost."""
    with transaction.atomic():
        state = _state(lock=True)
        new = max(state.current, state.building or 0) + 1
        state.building = new
        state.save(update_fields=["building"])
    ids = list(Indicator.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), CHUNK):
        with transaction.atomic():
            state = _state(lock=True)
            if state.building != new:
                raise RuntimeError("Another rebuild of the figures started; this one stops.")
            chunk = ids[start : start + CHUNK]
            IndicatorFigure.objects.filter(generation=new, indicator_id__in=chunk).delete()
            ProgressFigure.objects.filter(generation=new, indicator_id__in=chunk).delete()
            _insert([new], *compute(chunk))
        if progress:
            progress(min(start + CHUNK, len(ids)), len(ids))
    with transaction.atomic():
        state = _state(lock=True)
        if state.building != new:
            raise RuntimeError("Another rebuild of the figures started; this one stops.")
        # The roll-ups of the new generation, from its complete progress rows, and every
        # reporting figure again (they have no generation: rewritten in this transaction).
        from indicators.models import ReportingPeriod
        from policy.models import Policy

        RollupFigure.objects.filter(generation=new).delete()
        policies = list(Policy.objects.values_list("pk", flat=True))
        write_rollups([new], set(), set(policies))
        write_reporting(list(ReportingPeriod.objects.values_list("pk", flat=True)))
        write_places(policies)
        FigureState.objects.filter(pk=1).update(
            current=new, building=None, version=F("version") + 1, refreshed_at=timezone.now()
        )
    _published()
    # Readers now use `new`; the old rows go, in steps so that no transaction grows large.
    for model in (IndicatorFigure, ProgressFigure, RollupFigure):
        while True:
            old = list(model.objects.exclude(generation=new).values_list("pk", flat=True)[:20000])
            if not old:
                break
            model.objects.filter(pk__in=old).delete()
    return new


def _write(generations, ids) -> set:
    """Write the figures of these indicators again; returns the objectives whose roll-ups
    change (those of the old rows, for an indicator moved to another objective, and the new)."""
    old = ProgressFigure.objects.filter(generation__in=generations, indicator_id__in=ids)
    objectives = set(old.values_list("objective_id", flat=True).distinct())
    IndicatorFigure.objects.filter(generation__in=generations, indicator_id__in=ids).delete()
    old.delete()
    figures, progress = compute(ids)
    objectives |= {row.objective_id for row in progress}
    _insert(generations, figures, progress)
    return objectives


def _insert(generations, figures, progress):
    for generation in generations:
        for row in figures:
            row.generation = generation
        IndicatorFigure.objects.bulk_create(figures, batch_size=2000)
        for row in progress:
            row.generation = generation
        ProgressFigure.objects.bulk_create(progress, batch_size=2000)
        figures = [_copy(r) for r in figures]
        progress = [_copy(r) for r in progress]


def _copy(row):
    row.pk = None
    row._state.adding = True
    return row


def compute(indicator_ids):
    """([IndicatorFigure], [ProgressFigure]) of these indicators, unsaved, from the approved
    values: a fixed number of queries, whatever the number of indicators."""
    indicators = list(
        Indicator.objects.filter(pk__in=indicator_ids).select_related(
            "policy", "objective", "activity__objective"
        )
    )
    if not indicators:
        return [], []
    periods_by_policy = disclosure.periods_of(indicators)
    all_periods = [p for periods in periods_by_policy.values() for p in periods]
    national = raw.period_figures(indicators, all_periods)
    places, unplaced = raw.place_figures(indicators, all_periods)
    released = disclosure.protect(
        [i for i in indicators if i.is_sensitive], periods_by_policy, national, places, unplaced
    )
    finals = {}
    for target in (
        Target.objects.filter(indicator__in=[i.pk for i in indicators])
        .order_by("period__end_date")
        .values_list("indicator_id", "governorate_id", "value", "period__end_date", "period__label")
    ):
        finals[target[:2]] = target[2:]
    figures = [
        IndicatorFigure(indicator_id=i, period_id=p, value=v) for (i, p), v in national.items()
    ]
    figures += [
        IndicatorFigure(indicator_id=i, period_id=p, unplaced=True, value=v)
        for (i, p), v in unplaced.items()
    ]
    figures += [
        IndicatorFigure(indicator_id=i, period_id=p, governorate_id=g, value=v)
        for (i, p), by_place in places.items()
        for g, v in by_place.items()
    ]
    local = {}  # indicator id -> {governorate id: {period id: figure}}
    for (i, p), by_place in places.items():
        for g, v in by_place.items():
            local.setdefault(i, {}).setdefault(g, {})[p] = v
    targeted = {}  # indicator id -> governorates with a target
    for i, g in finals:
        if g is not None:
            targeted.setdefault(i, set()).add(g)
    progress = []
    for indicator in indicators:
        if indicator.unit == Indicator.Unit.TEXT:
            continue
        periods = periods_by_policy.get(indicator.policy_id, [])
        objective = indicator.objective or indicator.activity.objective
        scopes = {None: {p.pk: national.get((indicator.pk, p.pk)) for p in periods}}
        scopes.update(local.get(indicator.pk, {}))
        for g in targeted.get(indicator.pk, ()):
            scopes.setdefault(g, {})
        for governorate_id, by_period in scopes.items():
            progress += _progress_rows(
                indicator,
                objective,
                periods,
                governorate_id,
                by_period,
                finals.get((indicator.pk, governorate_id)),
                released.get(indicator.pk),
            )
    return figures, progress


def _progress_rows(indicator, objective, periods, governorate_id, by_period, final, shown):
    """The rows of one indicator in one place, one per period (raw._progress_at)."""
    policy = indicator.policy
    start = datetime.date(policy.start_year, 1, 1)
    target, target_date, label = final if final else (None, None, "")
    target_date = target_date or datetime.date(policy.end_year, 12, 31)
    rows = []
    for as_of in periods:
        upto = [p for p in periods if p.end_date <= as_of.end_date]
        actual = measures.over_time([by_period.get(p.pk) for p in upto], indicator.aggregation)
        achieved = measures.achievement(actual, indicator.baseline_value, target)
        expected = measures.expected_share(start, target_date, as_of.end_date)
        rows.append(
            ProgressFigure(
                policy_id=indicator.policy_id,
                indicator_id=indicator.pk,
                period_id=as_of.pk,
                governorate_id=governorate_id,
                pillar_id=objective.pillar_id,
                objective_id=objective.pk,
                objective_code=objective.code,
                indicator_code=indicator.code,
                has_target=final is not None,
                actual=actual,
                target=target,
                target_label=label,
                achievement=achieved,
                capped=None if achieved is None else min(max(achieved, Decimal(0)), Decimal(1)),
                expected=expected,
                status=measures.status(achieved, expected),
                hidden=shown is not None and shown.to_date(as_of, governorate_id).hidden,
            )
        )
    return rows


# -- second level: roll-ups of the progress rows --------------------------------------------

STATUSES = ("on_track", "at_risk", "off_track", "no_data")


def _rollup_aggregates():
    """What a RollupFigure holds, as aggregates over its ProgressFigure rows (named `agg_` and
    the column: an annotation may not take the name of a field it reads, `hidden`)."""
    shown = Q(hidden=False)
    aggregates = {
        "indicators": Count("id"),
        "with_data": Count("capped"),
        "total": Sum("capped"),
        "public_with_data": Count("capped", filter=shown),
        "public_total": Sum("capped", filter=shown),
        "hidden": Count("id", filter=Q(hidden=True)),
    }
    for status in STATUSES:
        aggregates[status] = Count("id", filter=Q(status=status))
        aggregates[f"public_{status}"] = Count("id", filter=Q(status=status) & shown)
    return {f"agg_{name}": aggregate for name, aggregate in aggregates.items()}


def write_rollups(generations, objective_ids, policy_ids, apps=None):
    """The roll-ups of these objectives and of every objective of these plans, again, from
    the progress rows of each generation: one grouped query for every place and period, and
    one more for the indicators with a target in a governorate (the map). `apps`: a
    migration's registry of models (analytics/migrations/0002)."""
    progress_model = apps.get_model("analytics", "ProgressFigure") if apps else ProgressFigure
    rollup_model = apps.get_model("analytics", "RollupFigure") if apps else RollupFigure
    scope = Q(objective_id__in=sorted(objective_ids)) | Q(policy_id__in=sorted(policy_ids))
    keys = ("policy_id", "period_id", "governorate_id", "pillar_id", "objective_id")
    for generation in generations:
        rollup_model.objects.filter(scope, generation=generation).delete()
        progress = progress_model.objects.filter(scope, generation=generation)
        rows = []
        for targeted, queryset in (
            (False, progress),
            (True, progress.filter(has_target=True, governorate__isnull=False)),
        ):
            for row in queryset.values(*keys).annotate(**_rollup_aggregates()).order_by():
                row = {name.removeprefix("agg_"): value for name, value in row.items()}
                row["total"] = row["total"] or 0
                row["public_total"] = row["public_total"] or 0
                rows.append(rollup_model(generation=generation, targeted=targeted, **row))
        rollup_model.objects.bulk_create(rows, batch_size=2000)


# -- reports expected, on time, late, and by status -----------------------------------------


def write_reporting(period_ids, apps=None):
    """The reporting figures of these periods, again (ReportingFigure): deleted and written in
    the caller's transaction, so readers see the old rows or the new, never a mix."""
    models = _reporting_models(apps)
    periods = list(models["ReportingPeriod"].objects.filter(pk__in=period_ids))
    models["ReportingFigure"].objects.filter(period_id__in=period_ids).delete()
    by_policy = {}
    for period in periods:
        by_policy.setdefault(period.policy_id, []).append(period)
    for policy_id, its_periods in by_policy.items():
        models["ReportingFigure"].objects.bulk_create(
            compute_reporting(policy_id, its_periods, apps), batch_size=2000
        )


def _reporting_models(apps=None) -> dict:
    if apps is None:
        from django.apps import apps
    names = {
        "Governorate": "governorates",
        "Activity": "policy",
        "ActivityPartner": "policy",
        "Funding": "policy",
        "ProgressReport": "reporting",
        "ReportEvent": "reporting",
        "ReportingPeriod": "indicators",
        "ReportingFigure": "analytics",
        "PlaceFigure": "analytics",
        "BudgetFigure": "analytics",
    }
    return {name: apps.get_model(app, name) for name, app in names.items()}


# Plain values, not the models' choices: a migration's historical models have none.
CANCELLED, SUBMITTED, DRAFT = "cancelled", "submitted", "draft"


def _activities_and_places(policy_id, models):
    """({activity id: (lead, nation-wide, start, end, status)}, {activity id: the places it
    runs in: None (the whole country) and its governorates, all of them if nation-wide})."""
    activity_model = models["Activity"]
    everywhere = tuple(models["Governorate"].objects.values_list("pk", flat=True))
    activities = {}
    for pk, lead, nationwide, start, end, status in activity_model.objects.filter(
        objective__policy_id=policy_id
    ).values_list("pk", "lead_entity_id", "is_nationwide", "start_date", "end_date", "status"):
        activities[pk] = (lead, nationwide, start, end, status)
    listed = {}
    for activity_id, governorate_id in activity_model.governorates.through.objects.filter(
        activity__objective__policy_id=policy_id
    ).values_list("activity_id", "governorate_id"):
        listed.setdefault(activity_id, []).append(governorate_id)
    places = {
        pk: (None, *(everywhere if a[1] else listed.get(pk, ()))) for pk, a in activities.items()
    }
    return activities, places


def write_places(policy_ids, apps=None):
    """The activities and the budget of each place of these plans, again (PlaceFigure,
    BudgetFigure): what analytics/raw.py's activities_in and budget_by_source give."""
    models = _reporting_models(apps)
    for model in (models["PlaceFigure"], models["BudgetFigure"]):
        model.objects.filter(policy_id__in=policy_ids).delete()
    for policy_id in policy_ids:
        activities, places = _activities_and_places(policy_id, models)
        counts = {}
        for pk in activities:
            for place in places[pk]:
                counts[place] = counts.get(place, 0) + 1
        models["PlaceFigure"].objects.bulk_create(
            models["PlaceFigure"](policy_id=policy_id, governorate_id=place, activities=n)
            for place, n in counts.items()
        )
        sums = {}
        for activity_id, source, currency, planned, committed, disbursed in (
            models["Funding"]
            .objects.filter(activity__objective__policy_id=policy_id)
            .values_list(
                "activity_id", "source_type_id", "currency", "planned", "committed", "disbursed"
            )
        ):
            for place in places.get(activity_id, (None,)):
                total = sums.setdefault((place, source, currency), [0, 0, 0])
                total[0] += planned
                total[1] += committed
                total[2] += disbursed
        models["BudgetFigure"].objects.bulk_create(
            (
                models["BudgetFigure"](
                    policy_id=policy_id,
                    governorate_id=place,
                    source_type_id=source,
                    currency=currency,
                    planned=planned,
                    committed=committed,
                    disbursed=disbursed,
                )
                for (place, source, currency), (planned, committed, disbursed) in sums.items()
            ),
            batch_size=2000,
        )


def compute_reporting(policy_id, periods, apps=None) -> list:
    """[ReportingFigure] of these periods of one plan, unsaved: what analytics/raw.py's
    expected_by_entity, submitted_by_entity and reports_in give for each period, nationally
    and in every governorate, per entity. Reads the plan's activities, partners, places,
    reports and first submissions once (six queries), then counts in memory."""
    import datetime as dt

    if not periods:
        return []
    models = _reporting_models(apps)
    activities, places = _activities_and_places(policy_id, models)
    # The partners that report, as policy.models.owed_q has it (its roles are plain strings).
    implementers = {}
    for activity_id, entity_id in (
        models["ActivityPartner"]
        .objects.filter(
            role__in=ActivityPartner.REPORTING_ROLES, activity__objective__policy_id=policy_id
        )
        .values_list("activity_id", "entity_id")
        .distinct()
    ):
        implementers.setdefault(activity_id, []).append(entity_id)
    period_ids = [p.pk for p in periods]
    reports = list(
        models["ProgressReport"]
        .objects.filter(period_id__in=period_ids)
        .values_list("pk", "period_id", "entity_id", "activity_id", "governorate_id", "status")
    )
    first_submitted = dict(
        models["ReportEvent"]
        .objects.filter(kind=SUBMITTED, report__period_id__in=period_ids)
        .values("report_id")
        .annotate(first=Min("at"))
        .values_list("report_id", "first")
    )
    by_period = {}
    for row in reports:
        by_period.setdefault(row[1], []).append(row)
    cells = {}  # (period id, governorate id, entity id) -> [expected, on time, late, statuses]
    columns = {"draft": 3, "submitted": 4, "returned": 5, "approved": 6}

    def cell(period_id, place, entity_id):
        key = (period_id, place, entity_id)
        found = cells.get(key)
        if found is None:
            found = cells[key] = [0, 0, 0, 0, 0, 0, 0]
        return found

    for period in periods:
        for pk, (lead, _nationwide, start, end, status) in activities.items():
            if status == CANCELLED or start > period.end_date or end < period.start_date:
                continue
            for entity_id in (lead, *implementers.get(pk, ())):
                for place in places[pk]:
                    cell(period.pk, place, entity_id)[0] += 1
        # The first moment after the due date, in the portal's time zone.
        deadline = timezone.make_aware(
            dt.datetime.combine(period.due_date + dt.timedelta(days=1), dt.time())
        )
        first = {}  # (entity, activity) -> the first submission of any of its reports
        for pk, _period, entity_id, activity_id, governorate_id, status in by_period.get(
            period.pk, ()
        ):
            around = places.get(activity_id, (None,))
            if governorate_id is not None and governorate_id not in around:
                around = (*around, governorate_id)  # a report about a place counts there too
            for place in around:
                cell(period.pk, place, entity_id)[columns[status]] += 1
            if status == DRAFT:
                continue
            key = (entity_id, activity_id)
            when = first_submitted.get(pk)
            if key not in first or (when is not None and (first[key] is None or when < first[key])):
                first[key] = when
        for (entity_id, activity_id), when in first.items():
            column = 1 if when is not None and when < deadline else 2
            for place in places.get(activity_id, (None,)):
                cell(period.pk, place, entity_id)[column] += 1
    figure = models["ReportingFigure"]
    return [
        figure(
            policy_id=policy_id,
            period_id=period_id,
            governorate_id=place,
            entity_id=entity_id,
            expected=c[0],
            on_time=c[1],
            late=c[2],
            draft=c[3],
            submitted=c[4],
            returned=c[5],
            approved=c[6],
        )
        for (period_id, place, entity_id), c in cells.items()
    ]
