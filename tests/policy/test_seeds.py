"""The reference and demo seeds load what the Directorate needs and can run again safely."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from accounts.models import Membership, Role, User
from governorates.models import Governorate, Region
from indicators.models import Indicator, ReportingPeriod, Target
from pillars.models import Pillar
from policy.models import Activity, Entity, Funding, FundingSourceType, Objective, VulnerableGroup

PLAN_MODELS = (
    Governorate,
    Pillar,
    Entity,
    VulnerableGroup,
    FundingSourceType,
    Objective,
    Activity,
    Funding,
    Indicator,
    ReportingPeriod,
    Target,
    Membership,
)


def state():
    """Row counts and history counts of every seeded table."""
    return {m.__name__: (m.objects.count(), m.history.count()) for m in PLAN_MODELS} | {
        "users": User.objects.count()
    }


def test_reference_has_the_19_governorates_in_their_regions(reference):
    assert Governorate.objects.count() == 19
    kurdistan = set(
        Governorate.objects.filter(region=Region.KURDISTAN).values_list("code", flat=True)
    )
    assert kurdistan == {"IQ-AR", "IQ-DA", "IQ-SU", "IQ-HAL"}
    baghdad = Governorate.objects.get(code="IQ-BG")
    assert (baghdad.name_en, baghdad.name_ar, baghdad.name_ckb) == ("Baghdad", "بغداد", "بەغدا")
    assert Governorate.objects.get(code="IQ-HAL").name_en == "Halabja"


def test_reference_has_the_four_pillars_with_legislation_cross_cutting(reference):
    assert list(Pillar.objects.values_list("code", flat=True)) == [
        "participation",
        "protection",
        "recovery",
        "legislation",
    ]
    assert Pillar.objects.get(code="legislation").is_cross_cutting


def test_reference_has_the_funding_sources_of_the_policy(reference):
    assert set(FundingSourceType.objects.values_list("code", flat=True)) == {
        "ministerial",
        "state_budget",
        "private_sector",
        "international",
    }


def test_reference_names_the_conference_entities(reference):
    for code in ("wed", "alliance-1325", "iwn", "unami", "ihchr", "moi-fcpd", "eu-madad"):
        assert Entity.objects.filter(code=code).exists(), code
    assert Entity.objects.get(code="moi-fcpd").parent.code == "moi"


def test_seed_reference_is_idempotent(reference):
    before = state()
    out = io.StringIO()
    call_command("seed_reference", stdout=out)
    assert state() == before
    assert "created" not in out.getvalue() and "updated" not in out.getvalue()


@pytest.fixture
def debug(settings):
    settings.DEBUG = True


def test_seed_demo_loads_a_plan_for_every_pillar_and_the_demo_accounts(db, debug):
    call_command("seed_demo", stdout=io.StringIO())
    for pillar in Pillar.objects.all():
        assert Activity.objects.filter(objective__pillar=pillar).exists(), pillar
    assert Indicator.objects.count() >= 20
    assert ReportingPeriod.objects.count() == 16
    assert Target.objects.count() > Indicator.objects.count()
    assert Funding.objects.count() > 0
    for username, role in [
        ("director", Role.DIRECTORATE_ADMIN),
        ("reviewer", Role.DIRECTORATE_REVIEWER),
        ("focal", Role.FOCAL_POINT),
        ("cso", Role.CSO_REPORTER),
        ("partner", Role.PARTNER_VIEWER),
    ]:
        user = User.objects.get(username=username)
        assert user.check_password("demo12345")
        assert user.memberships.filter(role=role).exists(), username
    # The demo's Directorate admin is one by her membership, as a real one would be.
    assert not User.objects.get(username="director").is_superuser


def test_the_demo_plan_speaks_three_languages(demo):
    for model in (Objective, Activity, Indicator):
        assert not model.objects.filter(title_ar="").exists(), model
        assert not model.objects.filter(title_ckb="").exists(), model


def test_seed_demo_is_idempotent(demo, debug):
    """Run again over the demo it made (`demo`, tests/conftest.py: seed_demo's rows), seed_demo
    changes nothing."""
    before = state()
    call_command("seed_demo", stdout=io.StringIO())
    assert state() == before


def test_seed_demo_refuses_to_run_with_debug_off(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("seed_demo", stdout=io.StringIO())
    assert not User.objects.filter(username="director").exists()


def test_seed_demo_runs_with_debug_off_when_forced(db, settings):
    settings.DEBUG = False
    call_command("seed_demo", "--force", stdout=io.StringIO())
    assert User.objects.filter(username="director").exists()


def test_seed_demo_refuses_a_database_with_real_accounts(db, debug):
    User.objects.create_user("amal", password="x")
    with pytest.raises(CommandError, match="accounts other than the demo ones"):
        call_command("seed_demo", stdout=io.StringIO())
    assert not User.objects.filter(username="director").exists()
