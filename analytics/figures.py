"""The summary figures (analytics/models.py), built from the approved values.

`schedule_refresh()` is the one trigger: the services call it when a report is approved or
reopened, when a target, indicator, activity, objective, period or plan changes, and when a
plan is imported. It runs `refresh()` once the transaction commits (or at once when
settings.FIGURES_REFRESH is "immediate", as in the tests, whose transactions never commit).
`refresh()` takes ids only, so it can run as a background task. `rebuild()` (manage.py
refresh_figures) writes every figure into a new generation and then makes it current.

The figures computed are those of analytics/raw.py (the raw computation the pages used to run
on every view), for every indicator, nationally and in each governorate, at the end of every
period; tests/test_figures.py checks that both ways agree.
"""

import datetime
import logging
import threading
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from analytics import disclosure, measures, raw
from analytics.models import FigureState, IndicatorFigure, ProgressFigure
from indicators.models import Indicator, Target

logger = logging.getLogger(__name__)
CHUNK = 200  # indicators computed and written together
_pending = threading.local()


def schedule_refresh(indicator_ids=(), policy_id=None):
    """Refresh the figures of these indicators (and of every indicator of `policy_id`) once
    the current transaction commits, and change the figures version (the cache keys of the
    public pages and lists). Called with nothing, it only changes the version: for changes
    that no figure depends on but a cached page shows (a report submitted, an activity
    renamed). Several calls in one transaction make one refresh."""
    ids = {int(i) for i in indicator_ids if i is not None}
    if getattr(settings, "FIGURES_REFRESH", "on_commit") == "immediate":
        refresh(sorted(ids), [policy_id] if policy_id else [])
        return
    if not getattr(_pending, "dirty", False):
        _pending.dirty, _pending.indicators, _pending.policies = True, set(), set()
    _pending.indicators |= ids
    if policy_id:
        _pending.policies.add(int(policy_id))
    # One callback a call; the first to run takes everything pending, the others find nothing.
    # (What a rolled-back transaction left pending is refreshed with the next commit: a
    # refresh recomputes from the database, so an extra one is harmless.) Robust: a failed
    # refresh is logged and does not turn the committed approval into an error page; the
    # figures stay as they were until the next refresh (or `manage.py refresh_figures`).
    transaction.on_commit(_run_pending, robust=True)


def plan_changed(sender, instance, deleted=False, **kwargs):
    """core.services.plan_changed: refresh what a written plan row changes. A deleted
    indicator's figures went with it (on delete cascade); other rows change only the version."""
    from django.db.models import Q

    from indicators.models import ReportingPeriod
    from policy.models import Activity, Objective, Policy

    if isinstance(instance, Indicator):
        schedule_refresh([instance.pk] if not deleted else [])
    elif isinstance(instance, Target):
        schedule_refresh([instance.indicator_id])
    elif isinstance(instance, Activity) and not deleted:
        schedule_refresh(Indicator.objects.filter(activity=instance).values_list("pk", flat=True))
    elif isinstance(instance, Objective) and not deleted:
        schedule_refresh(
            Indicator.objects.filter(
                Q(objective=instance) | Q(activity__objective=instance)
            ).values_list("pk", flat=True)
        )
    elif isinstance(instance, ReportingPeriod):
        changed = deleted or _changed(instance, ("start_date", "end_date", "label"))
        schedule_refresh(policy_id=instance.policy_id if changed else None)
    elif isinstance(instance, Policy) and not deleted:
        # Only the years change figures (the expected share); publishing one changes the version.
        changed = _changed(instance, ("start_year", "end_year"))
        schedule_refresh(policy_id=instance.pk if changed else None)
    else:
        schedule_refresh()


def _changed(instance, fields) -> bool:
    """Whether the row's last save changed any of `fields` (from its two latest history
    records; a new row has changed everything)."""
    records = list(instance.history.order_by("-history_id").values(*fields)[:2])
    return len(records) < 2 or records[0] != records[1]


def _run_pending():
    if not getattr(_pending, "dirty", False):
        return
    indicators, policies = _pending.indicators, _pending.policies
    _pending.dirty, _pending.indicators, _pending.policies = False, set(), set()
    # On a worker (analytics.refresh_figures): the approval's request does not wait for it.
    # Without a broker (the quick start) the task runs here and now.
    from analytics.tasks import refresh_figures

    try:
        refresh_figures.delay(sorted(indicators), sorted(policies))
    except Exception:  # the broker unreachable: refresh here rather than show stale figures
        logger.exception("Could not queue the figures' refresh; refreshing in the request")
        refresh(sorted(indicators), sorted(policies))


def _state(lock=False) -> FigureState:
    queryset = FigureState.objects.select_for_update() if lock else FigureState.objects
    state = queryset.filter(pk=1).first()
    if state is None:
        state, _created = FigureState.objects.get_or_create(pk=1)
        if lock:
            state = FigureState.objects.select_for_update().get(pk=1)
    return state


def version() -> int:
    """The figures version: changes on every refresh (one query)."""
    return FigureState.objects.filter(pk=1).values_list("version", flat=True).first() or 0


def refresh(indicator_ids=(), policy_ids=()):
    """Recompute the figures of these indicators and of every indicator of these plans, in
    the current generation (and in the one a rebuild is writing), in one transaction; then
    change the version. Plain ids in, nothing out: the body of a background task."""
    ids = set(indicator_ids)
    if policy_ids:
        ids |= set(Indicator.objects.filter(policy_id__in=policy_ids).values_list("pk", flat=True))
    ids = sorted(ids)
    with transaction.atomic():
        state = _state(lock=True)  # refreshes and rebuild steps take turns
        generations = [g for g in (state.current, state.building) if g]
        for start in range(0, len(ids), CHUNK):
            _write(generations, ids[start : start + CHUNK])
        FigureState.objects.filter(pk=1).update(
            version=F("version") + 1, refreshed_at=timezone.now()
        )


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
        FigureState.objects.filter(pk=1).update(
            current=new, building=None, version=F("version") + 1, refreshed_at=timezone.now()
        )
    # Readers now use `new`; the old rows go, in steps so that no transaction grows large.
    for model in (IndicatorFigure, ProgressFigure):
        while True:
            old = list(model.objects.exclude(generation=new).values_list("pk", flat=True)[:20000])
            if not old:
                break
            model.objects.filter(pk__in=old).delete()
    return new


def _write(generations, ids):
    IndicatorFigure.objects.filter(generation__in=generations, indicator_id__in=ids).delete()
    ProgressFigure.objects.filter(generation__in=generations, indicator_id__in=ids).delete()
    _insert(generations, *compute(ids))


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
