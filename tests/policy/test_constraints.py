"""The database itself refuses rows that break the plan's rules, whatever path writes them."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from governorates.models import District
from indicators.models import Indicator, ReportingPeriod, Target
from policy.models import Activity, Entity, Funding, Objective, Policy
from tests.factories import (
    ActivityFactory,
    DistrictFactory,
    EntityFactory,
    FundingFactory,
    GovernorateFactory,
    IndicatorFactory,
    ObjectiveFactory,
    PolicyFactory,
    ReportingPeriodFactory,
    TargetFactory,
)

pytestmark = pytest.mark.django_db


def refused(make):
    with pytest.raises(IntegrityError), transaction.atomic():
        make()


def test_it_refuses_a_duplicate_objective_code_in_the_same_policy():
    first = ObjectiveFactory(code="1.1")
    refused(
        lambda: Objective.objects.create(
            policy=first.policy, pillar=first.pillar, code="1.1", title_en="Again"
        )
    )


def test_it_allows_the_same_objective_code_in_another_policy():
    first = ObjectiveFactory(code="1.1")
    other = Objective.objects.create(
        policy=PolicyFactory(), pillar=first.pillar, code="1.1", title_en="Other plan"
    )
    assert other.pk


def test_it_refuses_a_duplicate_activity_code_in_the_same_objective():
    first = ActivityFactory(code="1.1.1")
    refused(lambda: ActivityFactory(objective=first.objective, code="1.1.1"))


def test_it_refuses_a_duplicate_district_code_in_the_same_governorate():
    first = DistrictFactory(code="BG-1")
    refused(
        lambda: District.objects.create(governorate=first.governorate, code="BG-1", name_en="Again")
    )


def test_it_refuses_an_activity_that_ends_before_it_starts():
    refused(
        lambda: ActivityFactory(
            start_date=datetime.date(2022, 5, 1), end_date=datetime.date(2022, 4, 30)
        )
    )


def test_it_refuses_a_negative_planned_budget():
    refused(lambda: ActivityFactory(planned_budget=Decimal("-1")))


@pytest.mark.parametrize("field", ["planned", "committed", "disbursed"])
def test_it_refuses_negative_funding_amounts(field):
    refused(lambda: FundingFactory(**{field: Decimal("-0.01")}))


def test_it_refuses_a_policy_that_ends_before_it_starts():
    refused(lambda: PolicyFactory(start_year=2024, end_year=2021))


def test_it_refuses_a_period_that_ends_before_it_starts():
    refused(
        lambda: ReportingPeriodFactory(
            start_date=datetime.date(2022, 4, 1), end_date=datetime.date(2022, 3, 31)
        )
    )


def test_it_refuses_a_period_outside_its_policy_years():
    policy = PolicyFactory(start_year=2021, end_year=2024)
    refused(
        lambda: ReportingPeriodFactory(
            policy=policy,
            start_date=datetime.date(2025, 1, 1),
            end_date=datetime.date(2025, 3, 31),
            due_date=datetime.date(2025, 4, 30),
        )
    )


def test_it_refuses_shrinking_a_policy_so_its_periods_fall_outside():
    period = ReportingPeriodFactory(
        start_date=datetime.date(2024, 1, 1),
        end_date=datetime.date(2024, 3, 31),
        due_date=datetime.date(2024, 4, 30),
    )
    refused(lambda: Policy.objects.filter(pk=period.policy_id).update(end_year=2023))


def test_it_refuses_a_target_whose_period_belongs_to_another_policy():
    indicator = IndicatorFactory()
    foreign_period = ReportingPeriodFactory(policy=PolicyFactory())
    refused(
        lambda: Target.objects.create(
            indicator=indicator, period=foreign_period, value=Decimal("5")
        )
    )


def test_it_refuses_two_national_targets_for_the_same_indicator_and_period():
    target = TargetFactory()
    refused(
        lambda: Target.objects.create(
            indicator=target.indicator, period=target.period, value=Decimal("6")
        )
    )


def test_it_refuses_two_targets_for_the_same_governorate():
    gov = GovernorateFactory()
    target = TargetFactory(governorate=gov)
    refused(
        lambda: Target.objects.create(
            indicator=target.indicator, period=target.period, governorate=gov, value=1
        )
    )


def test_it_allows_a_national_and_a_governorate_target_side_by_side():
    target = TargetFactory()
    other = Target.objects.create(
        indicator=target.indicator,
        period=target.period,
        governorate=GovernorateFactory(),
        value=Decimal("3"),
    )
    assert other.pk


def test_it_refuses_a_negative_target():
    refused(lambda: TargetFactory(value=Decimal("-1")))


def test_it_refuses_an_indicator_attached_to_both_an_objective_and_an_activity():
    activity = ActivityFactory()
    refused(
        lambda: IndicatorFactory(
            policy=activity.objective.policy, objective=activity.objective, activity=activity
        )
    )


def test_it_refuses_an_indicator_attached_to_nothing():
    refused(lambda: IndicatorFactory(objective=None, activity=None))


def test_it_refuses_a_duplicate_indicator_code_in_a_policy():
    first = IndicatorFactory(code="X1")
    refused(lambda: IndicatorFactory(policy=first.policy, code="X1"))


def test_it_refuses_a_percent_baseline_above_100():
    refused(lambda: IndicatorFactory(unit=Indicator.Unit.PERCENT, baseline_value=Decimal("101")))


def test_it_refuses_a_local_entity_without_a_governorate():
    refused(lambda: EntityFactory(level=Entity.Level.LOCAL, governorate=None))


def test_validation_names_the_field_for_end_before_start():
    activity = ActivityFactory.build(
        objective=ObjectiveFactory(),
        lead_entity=EntityFactory(),
        start_date=datetime.date(2022, 5, 1),
        end_date=datetime.date(2022, 4, 30),
    )
    with pytest.raises(ValidationError) as info:
        activity.full_clean()
    assert "end_date" in info.value.message_dict


def test_validation_explains_a_target_in_another_policy():
    indicator = IndicatorFactory()
    target = Target(
        indicator=indicator,
        period=ReportingPeriodFactory(policy=PolicyFactory()),
        value=Decimal("1"),
    )
    with pytest.raises(ValidationError) as info:
        target.full_clean()
    assert "another policy" in str(info.value.message_dict["period"])


def test_validation_explains_a_period_outside_the_policy():
    period = ReportingPeriod(
        policy=PolicyFactory(start_year=2021, end_year=2021),
        label="X",
        start_date=datetime.date(2022, 1, 1),
        end_date=datetime.date(2022, 3, 31),
        due_date=datetime.date(2022, 4, 30),
    )
    with pytest.raises(ValidationError) as info:
        period.full_clean()
    assert "2021-2021" in str(info.value)


def test_models_are_readable_in_the_admin():
    activity = ActivityFactory(code="2.3.1", title_en="Helplines")
    assert str(activity) == "2.3.1 Helplines"
    assert Activity.objects.count() == 1
    assert str(FundingFactory(activity=activity)).startswith("State budget 2022")
    assert isinstance(Funding.objects.first().planned, Decimal)


def test_it_refuses_an_activity_code_used_by_another_objective_of_the_policy():
    first = ActivityFactory(code="2.3.1")
    other_objective = ObjectiveFactory(policy=first.objective.policy, code="9")
    refused(lambda: ActivityFactory(objective=other_objective, code="2.3.1"))


def test_the_same_activity_code_is_fine_in_another_policy():
    first = ActivityFactory(code="2.3.1")
    assert ActivityFactory(objective=ObjectiveFactory(), code="2.3.1").pk != first.pk
