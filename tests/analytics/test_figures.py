"""The summary figures (analytics/figures.py) against the raw computation (analytics/raw.py, what
the pages ran on every view before): the same numbers on the demo plan and on randomised plans
with sensitive indicators, every unit and aggregation, governorates and nation-wide reports;
refreshes after the workflow; the rebuild's swap."""

import datetime
import io
import random
from decimal import Decimal as D

import pytest
from django.core.management import call_command
from django.utils import timezone

from analytics import disclosure, figures, measures, raw, selectors
from governorates.models import Governorate
from indicators.models import Indicator, ReportingPeriod, Target
from reporting.models import IndicatorValue, ProgressReport


class _N:
    """A number compared to 12 significant places (relative), 1e-12 at least: the summaries
    keep 14 decimal places (SQLite: a double)."""

    def __init__(self, value):
        self.value = D(value)

    def __eq__(self, other):
        if not isinstance(other, _N):
            return NotImplemented
        return abs(self.value - other.value) <= D("1e-12") * max(D(1), abs(other.value))

    def __hash__(self):
        return 0

    def __repr__(self):
        return f"~{self.value}"


def _n(value):
    return None if value is None else _N(value)


def _deep(value):
    """Numbers inside dicts, lists, tuples and Figures made comparable with _N."""
    if isinstance(value, D | float):
        return _N(value)
    if isinstance(value, dict):
        return {k: _deep(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_deep(v) for v in value)
    if isinstance(value, disclosure.Figure):
        return (_deep(value.value), value.hidden)
    return value


def _item(p):
    return (
        _n(p.actual),
        _n(p.target),
        p.target_period,
        _n(p.achievement),
        _n(p.expected),
        str(p.status),
        p.suppressed,
    )


def _roll(r):
    return (_n(r.achievement), r.indicators, r.with_data)


def _by_pillar(progress):
    groups = {}
    for p in progress:
        groups.setdefault(p.pillar.pk, []).append(p)
    return {
        k: (_roll(measures.rollup(i.achievement for i in v)), measures.status_counts(v))
        for k, v in groups.items()
    }


def _line_order(line):
    return (line["source_type__code"], line["currency"])


def assert_both_ways_agree(policy):
    """Every figure the pages show, from the summaries and from the raw values."""
    periods = list(ReportingPeriod.objects.filter(policy=policy).order_by("start_date"))
    places = list(Governorate.objects.all())
    indicators = list(Indicator.objects.filter(policy=policy))
    for public in (False, True):
        for as_of in periods:
            for place in [None, *places]:
                g = getattr(place, "pk", None)
                old = raw.indicator_progress(policy, as_of, governorate_id=g, public=public)
                new = selectors.indicator_progress(policy, as_of, governorate_id=g, public=public)
                assert {p.indicator.pk: _item(p) for p in new} == {
                    p.indicator.pk: _item(p) for p in old
                }, (as_of, place, public)
                rollups = selectors.pillar_rollups(policy, as_of, governorate_id=g, public=public)
                expected = _by_pillar(old)
                for pillar_id, (rollup, counts) in expected.items():
                    got_rollup, got_counts = rollups[pillar_id]
                    assert _roll(got_rollup) == rollup, (as_of, place, public, pillar_id)
                    if g is None:  # the governorate page shows roll-ups only
                        assert got_counts == counts
                assert _roll(rollups[None][0]) == _roll(measures.rollup(p.achievement for p in old))
            old_map = raw.governorate_measures(policy, as_of, "achievement", public)
            new_map = selectors.governorate_measures(policy, as_of, "achievement", public)
            assert {g.pk: _roll(r) for g, r in new_map.items()} == {
                g.pk: _roll(r) for g, r in old_map.items()
            }, (as_of, public)
        old_series = raw.achievement_over_time(policy, public=public)
        new_series = selectors.achievement_over_time(policy, public=public)
        assert [(p.pk, _roll(r)) for p, r in new_series] == [
            (p.pk, _roll(r)) for p, r in old_series
        ]
        for indicator in indicators:
            old_history = raw.indicator_history(indicator, public=public)
            new_history = selectors.indicator_history(indicator, public=public)
            assert _deep(new_history) == _deep(old_history), (indicator.code, public)
            assert _deep(selectors.across_plans(indicator, public=public)) == _deep(
                raw.across_plans(indicator, public=public)
            )
    for as_of in periods:
        for place in [None, *places]:
            g = getattr(place, "pk", None)
            old = raw.reporting_rate(as_of, governorate_id=g)
            assert selectors.reporting_rate(as_of, governorate_id=g) == old, (as_of, place)
            assert selectors.reporting_rates([as_of], g)[as_of.pk] == old
        by_entity = dict(selectors.reporting_rate_by_entity([as_of]))
        expected, submitted = raw.expected_by_entity(as_of), raw.submitted_by_entity(as_of)
        assert {e.pk for e in by_entity} == set(expected) | set(submitted)
        for entity, (rate,) in by_entity.items():
            assert rate == raw.reporting_rate(as_of, entity_id=entity.pk), (as_of, entity)
    for place in places:
        assert selectors.reports_in(policy, place) == raw.reports_in(policy, place), place
        old_list, old_count = raw.activities_in(policy, place)
        assert selectors.activities_in(policy, place) == old_list
        assert selectors.activity_count(policy, place) == old_count, place
        assert selectors.activities_in(policy, place, offset=1, limit=2) == old_list[1:3]
    for place in [None, *places]:
        g = getattr(place, "pk", None)
        lines = sorted(selectors.budget_by_source(policy, g), key=_line_order)
        assert _deep(lines) == _deep(sorted(raw.budget_by_source(policy, g), key=_line_order))
    assert {
        g.pk: n for g, n in selectors.governorate_measures(policy, None, "activities").items()
    } == {g.pk: raw.activities_in(policy, g)[1] for g in Governorate.objects.all()}
    for public in (False, True):
        for as_of in periods:
            items = raw.indicator_progress(policy, as_of, public=public)
            for pillar_id in {i.pillar.pk for i in items}:
                groups = {}
                for item in items:
                    if item.pillar.pk == pillar_id:
                        objective = item.indicator.objective or item.indicator.activity.objective
                        groups.setdefault(objective.pk, []).append(item.achievement)
                got = selectors.objective_rollups(policy, as_of, pillar_id, public=public)
                everything = [a for v in groups.values() for a in v]
                assert {k: _roll(v) for k, v in got.items()} == {
                    None: _roll(measures.rollup(everything)),
                    **{k: _roll(measures.rollup(v)) for k, v in groups.items()},
                }, (as_of, pillar_id, public)
    old_released = raw.released_raw(indicators)
    new_released = disclosure.released(indicators)
    assert new_released.keys() == old_released.keys()
    for pk, item in old_released.items():
        assert _deep(new_released[pk].cells) == _deep(item.cells)
        assert new_released[pk].hidden == item.hidden
    for indicator in indicators:
        old_figures = raw.period_figures([indicator], periods)
        assert _deep(selectors.period_figures([indicator], periods)) == _deep(old_figures)
        for place in places:
            assert _deep(selectors.period_figures([indicator], periods, place.pk)) == _deep(
                raw.period_figures([indicator], periods, place.pk)
            )


def test_the_demo_plan_gives_the_same_figures_both_ways(demo):
    """The demo as seed_demo leaves it (tests/conftest.py), its figures refreshed by seed_demo."""
    from config.management.commands.seed_demo import POLICY_CODE
    from policy.models import Policy

    policy = Policy.objects.get(code=POLICY_CODE)
    assert IndicatorValue.objects.filter(report__status="approved").exists()
    assert_both_ways_agree(policy)


def _random_plan(rng):
    """A plan with every unit and aggregation, sensitive indicators, national and local
    targets, governorate and nation-wide values (small ones too), and unapproved reports."""
    from tests.factories import (
        ActivityFactory,
        EntityFactory,
        GovernorateFactory,
        IndicatorFactory,
        ObjectiveFactory,
        PolicyFactory,
        ReportingPeriodFactory,
        UserFactory,
    )

    policy = PolicyFactory(code=f"rand-{rng.randint(0, 10**6)}", start_year=2021, end_year=2023)
    user = UserFactory()
    places = [GovernorateFactory(code=f"IQ-R{i}") for i in range(4)]
    entities = [EntityFactory(code=f"e{i}") for i in range(3)]
    periods = []
    for i in range(5):
        start = datetime.date(2021 + i // 4, 3 * (i % 4) + 1, 1)
        end = (
            datetime.date(start.year, start.month + 3, 1) - datetime.timedelta(days=1)
            if start.month < 10
            else datetime.date(start.year, 12, 31)
        )
        periods.append(
            ReportingPeriodFactory(
                policy=policy, label=f"R{i}", start_date=start, end_date=end, due_date=end
            )
        )
    objectives = [ObjectiveFactory(policy=policy, code=f"O{i}") for i in range(3)]
    activities = [
        ActivityFactory(
            objective=rng.choice(objectives),
            code=f"R{i}",
            lead_entity=rng.choice(entities),
            start_date=datetime.date(2021, 1, 1),
            end_date=datetime.date(2023, 12, 31),
        )
        for i in range(4)
    ]
    units = ["number", "number", "percent", "yes_no", "amount", "text"]
    indicators = []
    for i in range(10):
        unit = rng.choice(units)
        on_activity = rng.random() < 0.6
        indicators.append(
            IndicatorFactory(
                policy=policy,
                objective=None if on_activity else rng.choice(objectives),
                activity=rng.choice(activities) if on_activity else None,
                code=f"X{i}",
                unit=unit,
                aggregation=rng.choice(["sum", "average", "latest"]),
                is_sensitive=rng.random() < 0.4,
                baseline_value=D(rng.choice([0, 0, 2, 10])),
                responsible_entity=rng.choice([None, *entities]),
            )
        )
    for indicator in indicators:
        for place in [None, *rng.sample(places, rng.randint(0, 3))]:
            for period in rng.sample(periods, rng.randint(1, 2)):
                Target.objects.get_or_create(
                    indicator=indicator,
                    period=period,
                    governorate=place,
                    defaults={"value": D(rng.choice([2, 10, 40, 100]))},
                )
    for activity in activities:
        own = [i for i in indicators if i.activity_id == activity.pk] + [
            i for i in indicators if i.objective_id == activity.objective_id
        ]
        for period in periods:
            for entity in rng.sample(entities, rng.randint(0, 2)):
                report = ProgressReport.objects.create(
                    activity=activity, entity=entity, period=period, created_by=user
                )
                for indicator in own:
                    for place in [None, *places]:
                        if rng.random() < 0.45:
                            continue
                        value = D(rng.choice([0, 1, 2, 3, 4, 6, 9, 15, 40, 75])) + D(
                            rng.choice(["0", "0.5", "0.25"])
                        )
                        IndicatorValue.objects.create(
                            report=report, indicator=indicator, governorate=place, value=value
                        )
                status = "approved" if rng.random() < 0.8 else rng.choice(["submitted", "draft"])
                ProgressReport.objects.filter(pk=report.pk).update(status=status)
    _reporting_structure(rng, policy, activities, entities, places, periods, user)
    return policy


def _reporting_structure(rng, policy, activities, entities, places, periods, user):
    """What the reporting rates depend on: places (listed or nation-wide), implementing and
    other partners, a cancelled activity and one that ends early, reports about a governorate,
    reports returned or in draft, first submissions before and after the due day, and reports
    submitted again."""
    from policy.models import ActivityPartner
    from reporting.models import ReportEvent
    from tests.factories import ActivityFactory, FundingFactory, FundingSourceTypeFactory

    extra = ActivityFactory(
        objective=activities[0].objective,
        code="R-short",
        lead_entity=entities[0],
        start_date=datetime.date(2021, 1, 1),
        end_date=datetime.date(2021, 5, 15),
    )
    for activity in [*activities, extra]:
        if rng.random() < 0.3:
            activity.is_nationwide = True
        else:
            activity.governorates.set(rng.sample(places, rng.randint(0, 3)))
        activity.status = "cancelled" if activity is activities[-1] else "in_progress"
        activity.save()
        for entity in rng.sample([e for e in entities if e.pk != activity.lead_entity_id], 2):
            ActivityPartner.objects.create(
                activity=activity, entity=entity, role=rng.choice(["implementing", "funding"])
            )
        for _ in range(rng.randint(0, 3)):
            FundingFactory(
                activity=activity,
                source_type=FundingSourceTypeFactory(code=rng.choice(["state", "donor"])),
                currency=rng.choice(["IQD", "USD"]),
                planned=D(rng.randint(0, 900)) + D("0.5"),
                committed=D(rng.randint(0, 500)),
                disbursed=D(rng.randint(0, 300)),
            )
    for activity in [*activities, extra]:
        for period in periods:
            for entity in rng.sample(entities, rng.randint(0, 2)):
                report = ProgressReport.objects.create(
                    activity=activity,
                    entity=entity,
                    period=period,
                    governorate=rng.choice(places),
                    created_by=user,
                )
                status = rng.choice(["draft", "submitted", "returned", "approved"])
                ProgressReport.objects.filter(pk=report.pk).update(status=status)
                if status == "draft":
                    continue
                due = datetime.datetime.combine(period.due_date, datetime.time(12))
                for _ in range(rng.randint(0 if status == "returned" else 1, 2)):
                    moment = due + datetime.timedelta(days=rng.choice([-20, -1, 0, 1, 9]))
                    event = ReportEvent.objects.create(report=report, kind="submitted", user=user)
                    ReportEvent.objects.filter(pk=event.pk).update(at=timezone.make_aware(moment))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_plans_give_the_same_figures_both_ways(db, seed):
    policy = _random_plan(random.Random(seed))
    figures.refresh(policy_ids=[policy.pk])  # the rows were written past the services
    assert Indicator.objects.filter(policy=policy, is_sensitive=True).exists()
    assert_both_ways_agree(policy)


def test_an_approval_and_a_reopening_refresh_the_figures(world):
    from reporting import services
    from tests.reporting_helpers import approved

    def actual():
        (item,) = [
            p
            for p in selectors.indicator_progress(world.policy, world.period)
            if p.indicator.pk == world.indicator.pk
        ]
        return item.actual

    assert actual() is None
    report = approved(world)
    assert actual() == 20
    services.report_reopen(user=world.admin, report=report, reason="A typo in Basra.")
    assert actual() is None


def test_the_reporting_figures_follow_the_workflow(world):
    """Through the services only: a draft shows in the governorate's report counts, a
    submission in the reporting rate, a return and an approval in the counts again."""
    from reporting import services
    from tests.reporting_helpers import draft

    def state():
        rate = selectors.reporting_rate(world.period, governorate_id=world.basra.pk)
        counts = selectors.reports_in(world.policy, world.basra)
        return (rate.expected, rate.on_time, rate.late), {k: v for k, v in counts.items() if v}

    assert state() == ((3, 0, 0), {})
    report = draft(world)
    assert state() == ((3, 0, 0), {"draft": 1})
    report = services.report_submit(
        user=world.reporter, report=_complete(world, report), version=report.version + 1
    )
    assert state() == ((3, 1, 0), {"submitted": 1})
    report = services.report_return(
        user=world.reviewer, report=report, version=report.version, comment="More detail."
    )
    assert state() == ((3, 1, 0), {"returned": 1})
    report = services.report_submit(user=world.reporter, report=report, version=report.version)
    services.report_approve(user=world.reviewer, report=report, version=report.version)
    assert state() == ((3, 1, 0), {"approved": 1})


def _complete(world, report):
    from tests.reporting_helpers import complete

    return complete(world, report)


def test_a_partner_or_a_place_changed_changes_the_reports_expected(world):
    """The plan's structure, through the services: a new implementing partner owes a report,
    an activity moved out of a governorate owes none there any more."""
    from core.services import plan_save
    from policy.services import activity_partners_set

    def expected(governorate=None):
        pk = getattr(governorate, "pk", None)
        return selectors.reporting_rate(world.period, governorate_id=pk).expected

    assert (expected(), expected(world.baghdad)) == (3, 3)
    activity_partners_set(
        user=world.admin,
        activity=world.activity,
        partners=[(world.office, "implementing"), (world.other_cso_entity, "implementing")],
    )
    assert (expected(), expected(world.baghdad)) == (4, 4)
    activity_partners_set(user=world.admin, activity=world.activity, partners=[])
    assert (expected(), expected(world.baghdad)) == (2, 2)
    plan_save(user=world.admin, instance=world.activity, m2m={"governorates": [world.basra]})
    assert (expected(), expected(world.baghdad), expected(world.basra)) == (2, 1, 2)


def test_a_deleted_indicator_leaves_its_objectives_roll_up(world):
    from core.services import plan_delete
    from tests.factories import IndicatorFactory

    objective = world.activity.objective
    extra = IndicatorFactory(policy=world.policy, objective=objective, activity=None, code="Z")
    figures.refresh([extra.pk])  # made past the services
    pillar = objective.pillar_id
    before = selectors.objective_rollups(world.policy, world.period, pillar)[objective.pk]
    plan_delete(user=world.admin, instance=extra)
    after = selectors.objective_rollups(world.policy, world.period, pillar)[objective.pk]
    assert (before.indicators, after.indicators) == (3, 2)


def test_a_changed_target_refreshes_the_achievement(world):
    from core.services import plan_save
    from tests.reporting_helpers import approved

    approved(world)  # 20 of the way from 5 to 50
    target = Target.objects.get(indicator=world.indicator, period=world.period)
    target.value = D(35)
    plan_save(user=world.admin, instance=target)
    (item,) = [
        p
        for p in selectors.indicator_progress(world.policy, world.period)
        if p.indicator.pk == world.indicator.pk
    ]
    assert item.target == 35 and _n(item.achievement) == _n(D(15) / D(30))


def test_the_refresh_waits_for_the_commit(world, settings, django_capture_on_commit_callbacks):
    """Outside the tests the refresh runs once the approval is committed: never on figures a
    rolled-back transaction wrote, and after it the new figure is there."""
    from tests.reporting_helpers import submitted

    settings.FIGURES_REFRESH = "on_commit"
    report = submitted(world)
    before = figures.version()
    from reporting import services

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.report_approve(user=world.reviewer, report=report, version=report.version)
        assert selectors.period_figures([world.indicator], [world.period]) == {}  # not yet
    assert callbacks
    assert selectors.period_figures([world.indicator], [world.period]) == {
        (world.indicator.pk, world.period.pk): 20
    }
    assert figures.version() > before


def test_a_rebuild_makes_a_new_generation_current_and_drops_the_old(world):
    from analytics.models import FigureState, IndicatorFigure, ProgressFigure
    from tests.reporting_helpers import approved

    approved(world)
    old = FigureState.objects.get(pk=1).current
    count = ProgressFigure.objects.count()
    call_command("refresh_figures", stdout=io.StringIO())
    state = FigureState.objects.get(pk=1)
    assert state.current == old + 1 and state.building is None
    assert set(ProgressFigure.objects.values_list("generation", flat=True)) == {old + 1}
    assert set(IndicatorFigure.objects.values_list("generation", flat=True)) == {old + 1}
    assert ProgressFigure.objects.count() == count
    assert selectors.period_figures([world.indicator], [world.period]) == {
        (world.indicator.pk, world.period.pk): 20
    }


def test_readers_never_see_a_half_built_generation(world, monkeypatch):
    """While a rebuild writes its generation, readers keep the current one whole; a refresh
    meanwhile (an approval between two steps of the rebuild) writes to both, so the rebuild
    loses nothing."""
    from analytics.models import FigureState, ProgressFigure
    from reporting import services
    from tests.reporting_helpers import submitted

    monkeypatch.setattr(figures, "CHUNK", 1)  # one indicator a step
    report = submitted(world)
    current = FigureState.objects.get(pk=1).current
    rows = ProgressFigure.objects.filter(generation=current).count()
    seen = []

    def progress(done, total):
        state = FigureState.objects.get(pk=1)
        seen.append(
            (
                state.current,
                ProgressFigure.objects.filter(generation=state.current).count(),
                selectors.period_figures([world.indicator], [world.period]),
            )
        )
        if done == 1:
            services.report_approve(user=world.reviewer, report=report, version=report.version)

    figures.rebuild(progress)
    assert len(seen) == 2
    assert seen[0] == (current, rows, {})  # the old generation, whole
    assert seen[1][0] == current and seen[1][2] == {(world.indicator.pk, world.period.pk): 20}
    assert FigureState.objects.get(pk=1).current == current + 1
    assert selectors.period_figures([world.indicator], [world.period]) == {
        (world.indicator.pk, world.period.pk): 20
    }


PAGES = [
    "/",
    "/?csv=achievement",
    "/map/",
    "/map/?csv=map",
    "/governorates/IQ-BG/",
    "/pillars/{pillar}/",
    "/indicators/{indicator}/",
    "/progress-report/?period=2022-Q2",
    "/progress-report/?period=2022-Q2&format=xlsx",
]


def _more_values(world, n, first=0):
    """n more approved reports in both periods, with values in both governorates and a
    nation-wide one, written past the services and then refreshed."""
    from tests.factories import EntityFactory

    for i in range(first, first + n):
        entity = EntityFactory(code=f"more-{i}")
        for period in (world.previous, world.period):
            report = ProgressReport.objects.create(
                activity=world.activity, entity=entity, period=period, created_by=world.admin
            )
            for place in (world.baghdad, world.basra, None):
                IndicatorValue.objects.create(
                    report=report, indicator=world.indicator, governorate=place, value=D(7 + i)
                )
            ProgressReport.objects.filter(pk=report.pk).update(status="approved")
    figures.refresh(policy_ids=[world.policy.pk])


@pytest.mark.parametrize("who", ["visitor", "reviewer"])
def test_every_page_costs_the_same_queries_with_ten_times_the_values(client, world, who):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.reporting_helpers import approved
    from tests.signin_helpers import verified_login

    world.policy.is_published = True
    world.policy.save()
    approved(world)
    _more_values(world, 1)
    if who == "reviewer":
        verified_login(client, world.reviewer)
    urls = [
        u.format(pillar=world.activity.objective.pillar.code, indicator=world.indicator.pk)
        for u in PAGES
    ]
    if who == "visitor":
        urls = [u for u in urls if "xlsx" not in u]  # the workbook: signed-in readers only
    else:
        urls = [u for u in urls if u != "/"]  # the home page sends the Directorate to work

    def counts():
        result = {}
        for url in urls:
            client.get(url)
            with CaptureQueriesContext(connection) as queries:
                # 302: the progress report's workbook is made by a job (its page)
                assert client.get(url).status_code in (200, 302), url
            result[url] = len(queries)
        return result

    small = counts()
    _more_values(world, 10, first=1)
    assert IndicatorValue.objects.count() > 60
    assert counts() == small


def test_publishing_a_plan_changes_the_version_but_recomputes_nothing(world, monkeypatch):
    from core.services import plan_save

    calls = []
    real = figures.refresh
    monkeypatch.setattr(
        figures,
        "refresh",
        lambda ids=(), policies=(), *more: calls.append(policies) or real(ids, policies, *more),
    )
    before = figures.version()
    world.policy.is_published = True
    plan_save(user=world.admin, instance=world.policy)
    assert calls == [[]] and figures.version() > before
    world.policy.end_year += 1  # the expected share of every indicator changes
    plan_save(user=world.admin, instance=world.policy)
    assert calls[-1] == [world.policy.pk]


def _edited(sheet, change):
    """The sheet as exported, each row changed by change(row) -> {column: value}."""
    import tablib

    from core.sheets import sheet_export

    exported = sheet_export(sheet=sheet)
    headers = list(exported.headers)
    rows = []
    for values in exported:
        row = dict(zip(headers, values, strict=True))
        row.update(change(row))
        rows.append([row[h] for h in headers])
    return tablib.Dataset(*rows, headers=headers)


def test_an_import_refreshes_the_figures_it_changes(world, director):
    """Imports write in bulk (no plan_save a row): one refresh for the lot. A target changed by
    a sheet moves the achievement; a partner added by a sheet owes a report."""
    from core.sheets import sheet_import
    from tests.reporting_helpers import approved

    approved(world)

    def achievement():
        (item,) = [
            p
            for p in selectors.indicator_progress(world.policy, world.period)
            if p.indicator.pk == world.indicator.pk
        ]
        return item.achievement

    assert _n(achievement()) == _n(D(15) / D(45))
    sheet_import(
        user=director, sheet="targets", dataset=_edited("targets", lambda row: {"value": "25"})
    )
    assert _n(achievement()) == _n(D(15) / D(20))

    expected = selectors.reporting_rate(world.period).expected
    activities = _edited(
        "activities",
        lambda row: (
            {"partners": row["partners"] + ";cso-b:implementing"}
            if row["code"] == world.activity.code
            else {}
        ),
    )
    sheet_import(user=director, sheet="activities", dataset=activities)
    assert selectors.reporting_rate(world.period).expected == expected + 1
