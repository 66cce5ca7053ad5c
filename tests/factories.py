import datetime
from decimal import Decimal

import factory

from accounts.models import User
from governorates.models import District, Governorate, Region
from indicators.models import Indicator, ReportingPeriod, Target
from pillars.models import Pillar
from policy.models import Activity, Entity, Funding, FundingSourceType, Objective, Policy


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("pass12345")


class GovernorateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Governorate
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"IQ-T{n}")
    region = Region.FEDERAL
    name_en = factory.Sequence(lambda n: f"Governorate {n}")


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = District

    governorate = factory.SubFactory(GovernorateFactory)
    code = factory.Sequence(lambda n: f"D{n}")
    name_en = factory.Sequence(lambda n: f"District {n}")


class PillarFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pillar
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"pillar-{n}")
    number = factory.Sequence(lambda n: 100 + n)
    name_en = factory.Sequence(lambda n: f"Pillar {n}")


class EntityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Entity
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"entity-{n}")
    kind = Entity.Kind.MINISTRY
    level = Entity.Level.NATIONAL
    name_en = factory.Sequence(lambda n: f"Entity {n}")


class PolicyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Policy
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"policy-{n}")
    title_en = factory.Sequence(lambda n: f"Policy {n}")
    start_year = 2021
    end_year = 2024


class ObjectiveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Objective

    policy = factory.SubFactory(PolicyFactory)
    pillar = factory.SubFactory(PillarFactory)
    code = factory.Sequence(lambda n: f"{n}.1")
    title_en = factory.Sequence(lambda n: f"Objective {n}")


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    objective = factory.SubFactory(ObjectiveFactory)
    code = factory.Sequence(lambda n: f"A{n}")
    title_en = factory.Sequence(lambda n: f"Activity {n}")
    lead_entity = factory.SubFactory(EntityFactory)
    start_date = datetime.date(2021, 1, 1)
    end_date = datetime.date(2022, 12, 31)
    planned_budget = Decimal("1000000")


class FundingSourceTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FundingSourceType
        django_get_or_create = ("code",)

    code = "state_budget"
    name_en = "State budget"


class FundingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Funding

    activity = factory.SubFactory(ActivityFactory)
    source_type = factory.SubFactory(FundingSourceTypeFactory)
    year = 2022
    planned = Decimal("100")


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    policy = factory.SubFactory(PolicyFactory)
    objective = factory.SubFactory(ObjectiveFactory, policy=factory.SelfAttribute("..policy"))
    activity = None
    code = factory.Sequence(lambda n: f"I{n}")
    title_en = factory.Sequence(lambda n: f"Indicator {n}")
    unit = Indicator.Unit.NUMBER
    baseline_value = Decimal("0")
    baseline_year = 2020


class ReportingPeriodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportingPeriod

    policy = factory.SubFactory(PolicyFactory)
    label = factory.Sequence(lambda n: f"P{n}")
    start_date = datetime.date(2022, 1, 1)
    end_date = datetime.date(2022, 3, 31)
    due_date = datetime.date(2022, 4, 30)


class TargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Target

    indicator = factory.SubFactory(IndicatorFactory)
    period = factory.SubFactory(
        ReportingPeriodFactory, policy=factory.SelfAttribute("..indicator.policy")
    )
    value = Decimal("10")


def api_key(user, name="tests") -> str:
    """A working API key for `user` (made as the command line does)."""
    from accounts.services import token_create

    return token_create(user=None, owner=user, name=name)[1]


def with_role(user, role, entity=None, governorate=None):
    """`user` with an active membership of `role` (in a new entity unless one is given): what
    a person may do follows from their memberships (accounts.roles)."""
    from accounts.services import membership_grant

    membership_grant(
        user=user, entity=entity or EntityFactory(), role=role, governorate=governorate
    )
    return type(user).objects.get(pk=user.pk)
