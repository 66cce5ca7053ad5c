import csv

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

import audit
from accounts import roles
from analytics import disclosure, measures, selectors
from core import cache, paging
from core.exports import safe_cell
from governorates.models import Governorate
from indicators.models import Indicator, ReportingPeriod
from pillars.models import Pillar
from policy.models import Objective, Policy


def _policies(request):
    policies = Policy.objects.order_by("-start_year")
    if not request.user.is_authenticated:
        policies = policies.published()  # visitors see published plans only
    return policies


def _policy(request):
    code = request.GET.get("policy")
    policies = _policies(request)
    policy = policies.filter(code=code).first() if code else policies.first()
    if policy is None:
        raise Http404
    return policy


@cache.public_page
def overview(request):
    """The national overview, at / for everybody (/dashboard/ sends there): each pillar's
    status, achievement over time, budget and the reporting rate; every chart has its table.
    Visitors and partners get the disclosure-controlled figures (analytics/disclosure.py),
    staff the full ones; visitors see published plans only, and a page saying so while none
    is. The figures are cached for visitors and partners (core/cache.py)."""
    if not request.GET.get("policy") and not _policies(request).exists():
        return render(request, "analytics/nothing_published.html")
    context = cache.cached(
        request, "overview", lambda: _overview_context(request, not request.user.is_authenticated)
    )
    policy = context["policy"]
    table = request.GET.get("csv")
    if table in OVERVIEW_TABLES:
        audit.record_export(request, f"{table}-{policy.code}.csv", source="chart")
        return chart_csv(f"{table}-{policy.code}.csv", *OVERVIEW_TABLES[table](context))
    return render(request, "analytics/overview.html", context)


def overview_moved(request):
    """/dashboard/, the overview's old address: a permanent redirect to /, query kept."""
    query = request.META.get("QUERY_STRING", "")
    address = reverse("analytics:overview")
    return HttpResponsePermanentRedirect(f"{address}?{query}" if query else address)


def _overview_context(request, public):
    policy = _policy(request)
    period = selectors.latest_closed_or_open(policy)
    visitor = disclosure.for_visitor(request)
    rollups = selectors.pillar_rollups(policy, period, public=visitor)
    pillars = []
    for pillar in Pillar.objects.order_by("number"):
        rollup, counts = rollups.get(pillar.pk, selectors.EMPTY)
        pillars.append({"pillar": pillar, "rollup": rollup, "counts": counts})
    national, counts = rollups.get(None, selectors.EMPTY)
    return {
        "policy": policy,
        "period": period,
        "pillars": pillars,
        "national": national,
        "counts": counts,
        "budget": selectors.budget_by_source(policy),
        "over_time": selectors.achievement_over_time(policy, public=visitor),
        "rates": _rates(policy),
        "statuses": measures.Status,
        "public": public,
    }


def _rates(policy, governorate_id=None):
    """[(period, ReportingRate)] of the last four periods that have started."""
    periods = selectors.recent_periods(policy, 4)
    rates = selectors.reporting_rates(periods, governorate_id)
    return [(p, rates[p.pk]) for p in periods]


def _ratio(value):
    return "" if value is None else f"{value:.4f}"


# The numbers behind each chart of the overview, as (header, rows) for ?csv=<name>, with
# headers and names in the reader's language (codes stay as they are, for joining tables).
OVERVIEW_TABLES = {
    "pillars": lambda c: (
        [
            _("Pillar code"),
            _("Pillar"),
            _("Achievement"),
            _("Indicators with data"),
            _("Indicators"),
            *measures.Status.labels,
        ],
        [
            [
                r["pillar"].code,
                r["pillar"].name,
                _ratio(r["rollup"].achievement),
                r["rollup"].with_data,
                r["rollup"].indicators,
                *r["counts"].values(),
            ]
            for r in c["pillars"]
        ],
    ),
    "budget": lambda c: (
        [_("Source of funds"), _("Currency"), _("Planned"), _("Committed"), _("Disbursed")],
        [
            [b["source_type__code"], b["currency"], b["planned"], b["committed"], b["disbursed"]]
            for b in c["budget"]
        ],
    ),
    "achievement": lambda c: (
        [_("Period"), _("Achievement"), _("Indicators with data"), _("Indicators")],
        [[p.label, _ratio(r.achievement), r.with_data, r.indicators] for p, r in c["over_time"]],
    ),
    # A report is missing only once the period's due date has passed; the rate is over the
    # reports due (empty while none is).
    "reporting": lambda c: (
        [
            _("Period"),
            _("Due date"),
            _("Reports expected"),
            _("On time"),
            _("Late"),
            _("Missing"),
            _("Not yet due"),
            _("Reporting rate"),
        ],
        [
            [
                p.label,
                p.due_date.isoformat(),
                r.expected,
                r.on_time,
                r.late,
                r.missing,
                r.not_yet_due,
                _ratio(r.rate),
            ]
            for p, r in c["rates"]
        ],
    ),
}


def chart_csv(name, header, rows):
    """A chart's numbers as CSV, every cell through core.exports.safe_cell."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([safe_cell(str(h)) for h in header])
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
    return response


@cache.public_page
def governorate(request, code):
    """One governorate: its activities, budget, reports and achievement per pillar, against
    the national figure."""
    context = cache.cached(
        request,
        "governorate",
        lambda: _governorate_context(request, code),
        head=lambda c: {"place": c["place"]},
    )
    return render(request, "analytics/governorate.html", context)


def _governorate_context(request, code):
    place = get_object_or_404(Governorate, code=code)
    policy = _policy(request)
    period = selectors.latest_closed_or_open(policy)
    visitor = disclosure.for_visitor(request)
    local, national = selectors.pillar_rollups_here_and_national(
        policy, period, governorate_id=place.pk, public=visitor
    )
    rows = [
        {
            "pillar": pillar,
            "local": local.get(pillar.pk, selectors.EMPTY)[0],
            "national": national.get(pillar.pk, selectors.EMPTY)[0],
        }
        for pillar in Pillar.objects.order_by("number")
    ]
    activity_count = selectors.activity_count(policy, place)
    page = paging.pager(request, activity_count, PER_PAGE)
    activities = selectors.activities_in(policy, place, offset=page.offset, limit=PER_PAGE)
    indicator_count = selectors.indicator_count_in(policy, period, place.pk)
    indicator_pager = paging.pager(request, indicator_count, PER_PAGE, param="indicators_page")
    indicators = selectors.indicators_in(
        policy,
        period,
        place.pk,
        public=visitor,
        offset=indicator_pager.offset,
        limit=PER_PAGE,
    )
    return {
        "place": place,
        "policy": policy,
        "period": period,
        "rows": rows,
        "activities": activities,
        "activity_count": activity_count,
        "pager": page,
        "indicators": indicators,
        "indicator_count": indicator_count,
        "indicator_pager": indicator_pager,
        "hidden": disclosure.HIDDEN,
        "budget": selectors.budget_by_source(policy, governorate_id=place.pk),
        "reports": selectors.reports_in(policy, place),
        "rates": _rates(policy, place.pk),
    }


MAP_MEASURES = {"achievement": _("Achievement"), "activities": _("Activities")}
MEASURES = set(MAP_MEASURES)


@cache.public_page
def governorate_map(request):
    """Iraq's 19 governorates coloured by a chosen measure, with the same numbers in a table."""
    context = cache.cached(request, "map", lambda: _map_context(request))
    policy, measure, tiles = context["policy"], context["measure"], context["tiles"]
    if request.GET.get("csv") == "map":
        audit.record_export(request, f"map-{policy.code}.csv", source="chart")
        return chart_csv(
            f"map-{measure}-{policy.code}.csv",
            [_("Governorate code"), _("Governorate"), MAP_MEASURES[measure]],
            [
                [
                    t["place"].code,
                    t["place"].name,
                    _ratio(t["number"]) if measure == "achievement" else t["number"],
                ]
                for t in tiles
            ],
        )
    return render(request, "analytics/map.html", context)


def _map_context(request):
    policy = _policy(request)
    period = selectors.latest_closed_or_open(policy)
    measure = request.GET.get("measure")
    measure = measure if measure in MEASURES else "achievement"
    values = (
        selectors.governorate_measures(
            policy, period, measure, public=disclosure.for_visitor(request)
        )
        if period
        else {}
    )
    tiles = []
    for place, value in values.items():
        number = value.achievement if measure == "achievement" else value
        row, column = selectors.TILES.get(place.code, (8, 1))
        tiles.append(
            {
                "place": place,
                "value": value,
                "number": number,
                "row": row,
                "column": column,
                "band": _band(measure, number, values),
            }
        )
    tiles.sort(key=lambda t: (t["row"], t["column"]))
    return {"policy": policy, "period": period, "measure": measure, "tiles": tiles}


def _band(measure, number, values):
    """Five shades, and the number is written in every tile: colour is never the only sign."""
    if number is None:
        return "none"
    if measure == "achievement":
        top = 1
    else:
        top = max((v for v in values.values() if v is not None), default=0) or 1
    return str(min(4, int(number * 5 / top)))


@cache.public_page
def pillar(request, code):
    """A pillar's objectives, each with its roll-up, and every indicator with its status."""
    context = cache.cached(
        request,
        "pillar",
        lambda: _pillar_context(request, code),
        head=lambda c: {"pillar": c["pillar"]},
    )
    return render(request, "analytics/pillar.html", context)


def _query(request, **changes):
    """This page's query string with `changes` (None removes a parameter), on its first page."""
    query = request.GET.copy()
    query.pop("page", None)
    for name, value in changes.items():
        if value is None:
            query.pop(name, None)
        else:
            query[name] = value
    return "?" + query.urlencode()


PER_PAGE = 50  # rows of a long list a page (a pillar's indicators, a governorate's activities)


def _pillar_context(request, code):
    pillar_ = get_object_or_404(Pillar, code=code)
    policy = _policy(request)
    period = selectors.latest_closed_or_open(policy)
    public = disclosure.for_visitor(request)
    objectives = list(Objective.objects.filter(policy=policy, pillar=pillar_).order_by("code"))
    rollups = selectors.objective_rollups(policy, period, pillar_.pk, public=public)
    chosen = request.GET.get("objective")
    objective = next((o for o in objectives if o.code == chosen), None) if chosen else None
    if chosen and objective is None:
        raise Http404
    shown = [objective] if objective else objectives
    count = sum(rollups[o.pk].indicators for o in shown if o.pk in rollups)
    page = paging.pager(request, count, PER_PAGE)
    items = (
        selectors.indicator_progress_page(
            policy,
            period,
            pillar_.pk,
            public=public,
            objective_id=objective.pk if objective else None,
            offset=page.offset,
            limit=PER_PAGE,
        )
        if period
        else []
    )
    groups = []  # the page's indicators under their objectives' headings
    for item_objective, item in items:
        if not groups or groups[-1]["objective"].pk != item_objective.pk:
            groups.append({"objective": item_objective, "items": []})
        groups[-1]["items"].append(item)
    return {
        "pillar": pillar_,
        "policy": policy,
        "period": period,
        "objectives": [
            {
                "objective": o,
                "rollup": rollups.get(o.pk, measures.rollup([])),
                "url": _query(request, objective=o.code),
            }
            for o in objectives
        ],
        "objective": objective,
        "every_objective_url": _query(request, objective=None),
        "groups": groups,
        "pager": page,
        "rollup": rollups[None],
        "over_time": selectors.achievement_over_time_by_pillar(
            policy, upto=period, public=public
        ).get(pillar_.pk, []),
        "hidden": disclosure.HIDDEN,
    }


@cache.public_page
def indicator(request, pk):
    """One indicator: baseline, targets and approved figures over time, by governorate; its
    framework references; and, when it continues an indicator of an earlier plan, the approved
    figures of each plan."""
    context = cache.cached(
        request,
        "indicator",
        lambda: _indicator_context(request, pk),
        head=lambda c: {"indicator": c["indicator"]},
    )
    return render(request, "analytics/indicator.html", context)


def _indicator_context(request, pk):
    item = get_object_or_404(
        Indicator.objects.select_related(
            "policy", "objective__pillar", "activity__objective__pillar"
        ),
        pk=pk,
    )
    public = disclosure.for_visitor(request)
    if public and not item.policy.is_published:
        raise Http404
    history = selectors.indicator_history(item, public=public)
    plans = selectors.across_plans(item, public=public)
    if public:  # visitors see published plans only
        plans = [plan for plan in plans if plan["policy"].is_published]
    objective = item.objective or item.activity.objective  # the breadcrumbs' levels
    return {
        "indicator": item,
        "policy": item.policy,
        "pillar": objective.pillar,
        "objective": objective,
        "activity": item.activity,
        "public": public,
        "references": list(item.framework_references.all()),
        "across_plans": plans if len(plans) > 1 else [],
        **history,
    }


@login_required
def compliance(request):
    """Who reported, on time or late, and who did not: per entity, for the recent periods."""
    if not roles.is_reviewer(request.user):
        raise PermissionDenied
    policy = _policy(request)
    periods = selectors.recent_periods(policy, 4)
    table = selectors.reporting_rate_by_entity(periods)
    totals = selectors.reporting_rates(periods)
    return render(
        request,
        "analytics/compliance.html",
        {
            "policy": policy,
            "periods": periods,
            "table": table,
            "totals": [(p, totals[p.pk]) for p in periods],
        },
    )


def _report_period(request):
    policy = _policy(request)
    label = request.GET.get("period")
    periods = ReportingPeriod.objects.filter(policy=policy)
    period = (
        periods.filter(label=label).first() if label else selectors.latest_closed_or_open(policy)
    )
    if period is None:
        raise Http404
    return policy, periods, period
