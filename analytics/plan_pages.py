"""The public pages of the plan's middle levels, between a pillar and an indicator: an
objective (its activities and indicators) and an activity (its indicators, where it runs, who
leads it). With the overview, the pillar, indicator and governorate pages they make one path a
visitor clicks down and back up (breadcrumbs on each page):

    national overview -> pillar -> objective -> activity -> indicator -> governorate

Published plans only for visitors, approved figures only (the summaries hold nothing else),
and every figure of a protection indicator as analytics/disclosure.py lets it through. The
pages are cached like the other public pages (core.cache)."""

from types import SimpleNamespace

from django.http import Http404
from django.shortcuts import get_object_or_404, render

from analytics import disclosure, measures, selectors
from core import cache, paging
from indicators.models import Indicator
from policy.models import Activity, Objective

PER_PAGE = 50


@cache.public_page
def objective(request, pk):
    """An objective: its roll-up, its activities and its indicators (outcome indicators and
    those of its activities), fifty a page."""
    context = cache.cached(
        request,
        "objective",
        lambda: _objective_context(request, pk),
        head=lambda c: {"objective": c["objective"]},
    )
    return render(request, "analytics/objective.html", context)


def _visible_or_404(request, policy):
    if disclosure.for_visitor(request) and not policy.is_published:
        raise Http404


def _objective_context(request, pk):
    item = get_object_or_404(Objective.objects.select_related("policy", "pillar"), pk=pk)
    policy = item.policy
    _visible_or_404(request, policy)
    public = disclosure.for_visitor(request)
    period = selectors.latest_closed_or_open(policy)
    rollups = selectors.objective_rollups(policy, period, item.pillar_id, public=public)
    rollup = rollups.get(item.pk, measures.rollup([]))
    page = paging.pager(request, rollup.indicators, PER_PAGE)
    items = (
        selectors.indicator_progress_page(
            policy,
            period,
            item.pillar_id,
            public=public,
            objective_id=item.pk,
            offset=page.offset,
            limit=PER_PAGE,
        )
        if period
        else []
    )
    activities = list(
        Activity.objects.filter(objective=item).select_related("lead_entity").order_by("code", "pk")
    )
    return {
        "objective": item,
        "policy": policy,
        "pillar": item.pillar,
        "period": period,
        "rollup": rollup,
        "activities": activities,
        "items": [progress for _objective, progress in items],
        "pager": page,
        "hidden": disclosure.HIDDEN,
    }


@cache.public_page
def activity(request, pk):
    """An activity: who leads it and with whom, where it runs (each governorate a link), its
    dates, status and planned budget, and its indicators with their progress."""
    context = cache.cached(
        request,
        "activity",
        lambda: _activity_context(request, pk),
        head=lambda c: {"activity": c["activity"]},
    )
    return render(request, "analytics/activity.html", context)


def _activity_context(request, pk):
    item = get_object_or_404(
        Activity.objects.select_related("objective__policy", "objective__pillar", "lead_entity"),
        pk=pk,
    )
    policy = item.objective.policy
    _visible_or_404(request, policy)
    public = disclosure.for_visitor(request)
    period = selectors.latest_closed_or_open(policy)
    indicators = list(Indicator.objects.filter(activity=item).order_by("code", "pk"))
    progress = (
        {
            p.indicator.pk: p
            for p in selectors.indicator_progress(
                policy, period, indicators=[i.pk for i in indicators], public=public
            )
        }
        if period and indicators
        else {}
    )
    return {
        "activity": item,
        "objective": item.objective,
        "pillar": item.objective.pillar,
        "policy": policy,
        "period": period,
        "partners": list(item.partnerships.select_related("entity").order_by("entity__code")),
        "places": [] if item.is_nationwide else list(item.governorates.order_by("name_en")),
        # A text indicator has no progress: its row says so with dashes.
        "items": [progress.get(i.pk) or _no_progress(i) for i in indicators],
        "hidden": disclosure.HIDDEN,
    }


def _no_progress(indicator):
    return SimpleNamespace(
        indicator=indicator,
        actual=None,
        target=None,
        target_period=None,
        achievement=None,
        status=None,
        suppressed=False,
    )
