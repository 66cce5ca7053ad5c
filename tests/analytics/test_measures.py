"""The M&E measures on small cases computed by hand (DESIGN.md, "Measures")."""

import datetime
from decimal import Decimal as D

import pytest

from analytics import figures
from analytics.measures import (
    Status,
    achievement,
    combine,
    expected_share,
    over_time,
    parts_agree,
    rollup,
    status,
)


@pytest.mark.parametrize(
    ("actual", "baseline", "target", "expected"),
    [
        (D(50), D(0), D(100), D("0.5")),  # half way
        (D(30), D(20), D(40), D("0.5")),  # from a non-zero baseline
        (D(120), D(0), D(100), D("1.2")),  # beyond the target
        (D(10), D(20), D(40), D("-0.5")),  # went backwards
        (D(15), D(20), D(10), D("0.5")),  # a decreasing indicator, half way down
        (D(25), D(20), D(10), D("-0.5")),  # a decreasing indicator that rose
        (D(5), None, D(10), D("0.5")),  # no baseline counts as 0
    ],
)
def test_achievement(actual, baseline, target, expected):
    assert achievement(actual, baseline, target) == expected


@pytest.mark.parametrize(
    ("actual", "baseline", "target"),
    [(None, D(0), D(10)), (D(5), D(0), None), (D(5), D(7), D(7))],
    ids=["no data", "no target", "target equals baseline"],
)
def test_achievement_is_none_when_it_cannot_be_said(actual, baseline, target):
    assert achievement(actual, baseline, target) is None


def test_expected_progress_grows_linearly_from_the_start_to_the_target_date():
    start, end = datetime.date(2021, 1, 1), datetime.date(2021, 12, 31)
    assert expected_share(start, end, start) == 0
    assert expected_share(start, end, end) == 1
    assert expected_share(start, end, datetime.date(2021, 7, 2)) == D(182) / D(364)
    assert expected_share(start, end, datetime.date(2030, 1, 1)) == 1  # after: all of it


@pytest.mark.parametrize(
    ("achieved", "expected", "result"),
    [
        (D("0.45"), D("0.5"), Status.ON_TRACK),  # 90 % of expected
        (D("0.449"), D("0.5"), Status.AT_RISK),
        (D("0.30"), D("0.5"), Status.AT_RISK),  # 60 %
        (D("0.299"), D("0.5"), Status.OFF_TRACK),
        (D("-0.2"), D("0.5"), Status.OFF_TRACK),
        (None, D("0.5"), Status.NO_DATA),
        (D(0), D(0), Status.ON_TRACK),  # nothing expected yet
    ],
)
def test_status_against_time(achieved, expected, result):
    assert status(achieved, expected) == result


def test_a_rollup_says_how_many_indicators_fed_it_and_caps_each_to_0_1():
    result = rollup([D("0.5"), D("1.5"), None, D("-0.5")])
    assert result.indicators == 4 and result.with_data == 3
    assert result.achievement == (D("0.5") + D(1) + D(0)) / 3


def test_a_rollup_of_nothing_is_no_data():
    assert rollup([None, None]).achievement is None
    assert rollup([]).indicators == 0


def test_counts_from_distinct_implementers_add_up():
    assert combine([(1, D(30)), (2, D(12))], "number", "sum") == D(42)


def test_percentages_are_never_summed_the_responsible_entity_stands():
    values = [(1, D(40)), (2, D(60))]
    assert combine(values, "percent", "latest", responsible=2) == D(60)
    assert combine(values, "percent", "latest", responsible=9) == D(50)  # else the mean
    assert combine([(1, D(1)), (2, D(0))], "yes_no", "latest", responsible=1) == D(1)


def test_no_values_is_no_figure():
    assert combine([], "number", "sum") is None


def test_figures_over_time_follow_the_indicators_aggregation():
    quarters = [D(10), None, D(5), D(7)]  # a quarter without an approved value
    assert over_time(quarters, "sum") == D(22)
    assert over_time(quarters, "average") == D(22) / 3
    assert over_time(quarters, "latest") == D(7)
    assert over_time([None, None], "sum") is None


def test_disaggregated_parts_must_agree_with_their_total():
    assert parts_agree(D(100), [D(60), D(40)])
    assert not parts_agree(D(100), [D(60), D(30)])
    assert parts_agree(None, [D(1)]) and parts_agree(D(5), [])


def test_the_reporting_rate_counts_expected_on_time_late_and_missing(world, monkeypatch):
    """CSO A leads 1.1.1; the office implements it; CSO B leads the nation-wide 1.1.2: three
    reports expected in the period. CSO A submits on time, CSO B late, the office not at all:
    its report is missing once the due date (2099-07-30) has passed, not yet due before."""
    import datetime

    from django.utils import timezone

    from analytics.selectors import reporting_rate
    from reporting import services
    from reporting.models import ReportEvent
    from tests.reporting_helpers import submitted

    submitted(world)
    other = services.report_start(
        user=world.other_reporter,
        activity=world.other_activity,
        period=world.period,
        entity=world.other_cso_entity,
    )
    other = services.report_update(
        user=world.other_reporter,
        report=other,
        version=other.version,
        data={"percent_complete": 10, "achievements": "x"},
        values={(i.pk, None): 1 for i in world.other_activity.indicators.all()},
    )
    services.report_submit(user=world.other_reporter, report=other, version=other.version)
    late = timezone.make_aware(timezone.datetime(2099, 8, 1))  # after the due date 2099-07-30
    ReportEvent.objects.filter(report=other, kind="submitted").update(at=late)
    figures.refresh(period_ids=[world.period.pk])  # the event was moved past the services

    rate = reporting_rate(world.period)
    assert (rate.expected, rate.on_time, rate.late, rate.missing) == (3, 1, 1, 0)
    assert rate.not_yet_due == 1 and rate.rate is None
    monkeypatch.setattr(timezone, "localdate", lambda *a: datetime.date(2099, 7, 31))
    rate = reporting_rate(world.period)
    assert (rate.expected, rate.on_time, rate.late, rate.missing) == (3, 1, 1, 1)
    assert rate.rate == 2 / 3
    office = reporting_rate(world.period, entity_id=world.office.pk)
    assert (office.expected, office.on_time, office.missing) == (1, 0, 1)


def test_no_report_is_expected_from_a_cancelled_activity(world):
    from analytics.selectors import reporting_rate

    assert reporting_rate(world.period).expected == 3
    world.other_activity.status = "cancelled"
    world.other_activity.save()
    figures.refresh(plan_ids=[world.policy.pk])  # saved past the services
    assert reporting_rate(world.period).expected == 2


def test_indicator_progress_from_approved_values(world):
    """Indicator 1.1.1-a: baseline 5, target 50 by the end of 2022-Q2. Approved values 12
    (Baghdad) and 8 (Basra) add up to 20: achievement (20 - 5) / (50 - 5) = 1/3. At the end of
    2022-Q2 all progress is expected, so 1/3 of it is off track."""
    from analytics.measures import Status
    from analytics.selectors import indicator_progress, rollups
    from tests.reporting_helpers import approved

    approved(world)
    progress = {p.indicator.code: p for p in indicator_progress(world.policy, world.period)}
    item = progress["1.1.1-a"]
    assert item.actual == D(20) and item.target == D(50) and item.target_period == "2022-Q2"
    assert round(item.achievement, 12) == round(D(15) / D(45), 12)  # stored to 14 places
    assert item.expected == 1 and item.status == Status.OFF_TRACK
    assert progress["1.1.2-a"].status == Status.NO_DATA  # nothing approved for it
    pillar = rollups(progress.values(), key=lambda p: p.pillar)
    (only,) = pillar.values()
    assert (only.indicators, only.with_data) == (2, 1)


def test_unapproved_values_do_not_count(world):
    from analytics.selectors import indicator_progress
    from tests.reporting_helpers import submitted

    submitted(world)
    progress = {p.indicator.code: p for p in indicator_progress(world.policy, world.period)}
    assert progress["1.1.1-a"].actual is None


def test_a_governorate_figure_uses_only_its_values_and_targets(world):
    from analytics.selectors import indicator_progress
    from indicators.models import Target
    from tests.reporting_helpers import approved

    Target.objects.create(
        indicator=world.indicator, period=world.period, governorate=world.baghdad, value=D(29)
    )
    approved(world)
    (item,) = [
        p
        for p in indicator_progress(world.policy, world.period, governorate_id=world.baghdad.pk)
        if p.indicator.code == "1.1.1-a"
    ]
    assert item.actual == D(12) and item.target == D(29)
    assert round(item.achievement, 12) == round(D(7) / D(24), 12)


def test_a_percentage_takes_the_responsible_entitys_value(world):
    from analytics.selectors import indicator_progress
    from reporting import services
    from tests.reporting_helpers import approved

    world.indicator.unit = "percent"
    world.indicator.aggregation = "latest"
    world.indicator.responsible_entity = world.office
    world.indicator.save()
    approved(world)  # CSO A: 12 in Baghdad, 8 in Basra
    office = services.report_start(
        user=world.gov_focal,
        activity=world.activity,
        period=world.period,
        entity=world.office,
        governorate=world.basra,
    )
    office = services.report_update(
        user=world.gov_focal,
        report=office,
        version=office.version,
        data={"percent_complete": 50, "achievements": "x"},
        values={(world.indicator.pk, world.basra.pk): D(30)},
    )
    office = services.report_submit(user=world.gov_focal, report=office, version=office.version)
    services.report_approve(user=world.reviewer, report=office, version=office.version)
    (item,) = [
        p for p in indicator_progress(world.policy, world.period) if p.indicator.code == "1.1.1-a"
    ]
    assert item.actual == D(30)  # not 12 + 8 + 30, not their mean


def test_indicator_progress_runs_a_fixed_number_of_queries(world, django_assert_num_queries):
    from analytics.selectors import indicator_progress
    from tests.factories import IndicatorFactory
    from tests.reporting_helpers import approved

    approved(world)
    from analytics import figures

    for n in range(10):
        IndicatorFactory(policy=world.policy, objective=world.activity.objective, code=f"Q{n}")
    figures.refresh(policy_ids=[world.policy.pk])  # the factories wrote past the services
    with django_assert_num_queries(1):  # from the summaries
        assert len(indicator_progress(world.policy, world.period)) == 12


def test_achievement_over_time_per_period(world, django_assert_num_queries):
    from analytics.selectors import achievement_over_time
    from tests.reporting_helpers import approved

    approved(world)
    with django_assert_num_queries(2):  # the periods, and one aggregate of the summaries
        series = achievement_over_time(world.policy)
    assert [p.label for p, _r in series] == ["2022-Q1", "2022-Q2"]
    assert series[0][1].with_data == 0  # nothing approved in 2022-Q1
    assert round(series[1][1].achievement, 12) == round(D(15) / D(45), 12)
    assert series[1][1].with_data == 1


def test_subgroup_counts_must_fit_in_their_total():
    from reporting.views import subsets_fit

    assert subsets_fit(D(100), [D(40), D(100)])
    assert not subsets_fit(D(100), [D(101)])
    assert subsets_fit(None, [D(5)]) and subsets_fit(D(5), [])


def test_the_reporting_rate_of_a_governorate_counts_the_activities_there(world):
    """Basra: CSO A's 1.1.1 (lead and the office implement it) and CSO B's nation-wide 1.1.2:
    3 expected, CSO A's on time, 2 not yet due (the period is due in 2099). Elsewhere only
    1.1.2 is expected."""
    from analytics.selectors import reporting_rate
    from tests.factories import GovernorateFactory
    from tests.reporting_helpers import submitted

    submitted(world)
    basra = reporting_rate(world.period, governorate_id=world.basra.pk)
    assert (basra.expected, basra.on_time, basra.not_yet_due, basra.missing) == (3, 1, 2, 0)
    place = GovernorateFactory()
    figures.refresh(plan_ids=[world.policy.pk])  # made past the services
    elsewhere = reporting_rate(world.period, governorate_id=place.pk)
    assert (elsewhere.expected, elsewhere.on_time) == (1, 0)


def test_a_report_is_on_time_until_the_end_of_its_due_day_in_baghdad(world):
    """Counted in the database: the first submission up to 23:59 on the due date (Baghdad
    time) is on time, from midnight on it is late."""
    import datetime
    from zoneinfo import ZoneInfo

    from analytics.selectors import reporting_rate
    from indicators.models import ReportingPeriod
    from reporting.models import ReportEvent
    from tests.reporting_helpers import submitted

    report = submitted(world)
    ReportingPeriod.objects.filter(pk=world.period.pk).update(due_date=datetime.date(2022, 7, 30))
    world.period.refresh_from_db()
    baghdad = ZoneInfo("Asia/Baghdad")
    event = ReportEvent.objects.filter(report=report, kind=ReportEvent.Kind.SUBMITTED)
    for moment, expected in (
        (datetime.datetime(2022, 7, 30, 23, 59, tzinfo=baghdad), (1, 0)),
        (datetime.datetime(2022, 7, 31, 0, 0, tzinfo=baghdad), (0, 1)),
    ):
        event.update(at=moment)
        figures.refresh(period_ids=[world.period.pk])  # moved past the services
        rate = reporting_rate(world.period, entity_id=world.cso_entity.pk)
        assert (rate.on_time, rate.late) == expected, moment
