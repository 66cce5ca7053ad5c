import io
import time

import pytest
from django.core.management import call_command

from tests.factories import UserFactory
from tests.signin_helpers import verified_login


@pytest.fixture(autouse=True)
def _english_outside_requests():
    """Each test starts in English. A request activates its language in the thread (Django's
    LocaleMiddleware and ours do) and it stays there after the response; a later test calling
    a service directly would otherwise get its messages in that language."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def reference(db):
    call_command("seed_reference", stdout=io.StringIO())


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's test database. Before it is dropped, a connection that a thread of this
    process (the live server's, a Celery worker's) may still hold is given a few seconds to
    close, then closed: PostgreSQL does not drop a database in use (a process of pytest-xdist
    can end right after its last browser test)."""
    yield
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    others = "FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        for _ in range(50):
            cursor.execute(f"SELECT count(*) {others}")
            if not cursor.fetchone()[0]:
                return
            time.sleep(0.1)
        cursor.execute(f"SELECT pg_terminate_backend(pid) {others}")


@pytest.fixture(scope="session")
def demo_snapshot(django_db_setup, django_db_blocker):
    """The rows `manage.py seed_demo` writes, seeded once per test process (and rolled back):
    tests/demo_snapshot.py."""
    from tests import demo_snapshot as snapshots

    with django_db_blocker.unblock():
        return snapshots.seed_and_take()


@pytest.fixture
def demo(db, demo_snapshot):
    """The demo plan, accounts and reports, as `manage.py seed_demo` leaves them, put back from
    the snapshot for each test (in the test's transaction: what the test changes goes with it)."""
    from tests import demo_snapshot as snapshots

    snapshots.restore(demo_snapshot)


@pytest.fixture
def director(db):
    return UserFactory(username="boss", is_staff=True, is_superuser=True)


@pytest.fixture
def director_client(client, director):
    verified_login(client, director)
    return client


@pytest.fixture
def world(db):
    """A small reporting world: one open period, two activities, users in every role."""
    import datetime
    from decimal import Decimal

    from accounts.models import Role
    from accounts.services import membership_grant
    from indicators.models import ReportingPeriod, Target
    from policy.models import ActivityPartner
    from tests.factories import (
        ActivityFactory,
        EntityFactory,
        GovernorateFactory,
        IndicatorFactory,
        PolicyFactory,
        ReportingPeriodFactory,
        UserFactory,
    )

    policy = PolicyFactory(code="np")
    baghdad = GovernorateFactory(code="IQ-BG", name_en="Baghdad")
    basra = GovernorateFactory(code="IQ-BA", name_en="Basra")
    ministry = EntityFactory(code="molsa", name_en="Labour ministry")
    cso = EntityFactory(code="cso-a", kind="cso", name_en="CSO A")
    other_cso = EntityFactory(code="cso-b", kind="cso", name_en="CSO B")
    office = EntityFactory(code="office", kind="governorate_office", name_en="Office")
    previous = ReportingPeriodFactory(
        policy=policy,
        label="2022-Q1",
        start_date=datetime.date(2022, 1, 1),
        end_date=datetime.date(2022, 3, 31),
        due_date=datetime.date(2022, 4, 30),
        status=ReportingPeriod.Status.CLOSED,
    )
    period = ReportingPeriodFactory(
        policy=policy,
        label="2022-Q2",
        start_date=datetime.date(2022, 4, 1),
        end_date=datetime.date(2022, 6, 30),
        due_date=datetime.date(2099, 7, 30),
        status=ReportingPeriod.Status.OPEN,
    )
    activity = ActivityFactory(objective__policy=policy, code="1.1.1", lead_entity=cso)
    activity.governorates.set([baghdad, basra])
    ActivityPartner.objects.create(activity=activity, entity=office, role="implementing")
    other = ActivityFactory(
        objective=activity.objective, code="1.1.2", lead_entity=other_cso, is_nationwide=True
    )
    indicator = IndicatorFactory(
        policy=policy,
        objective=None,
        activity=activity,
        code="1.1.1-a",
        baseline_value=Decimal("5"),
    )
    Target.objects.create(indicator=indicator, period=period, value=Decimal("50"))
    IndicatorFactory(policy=policy, objective=None, activity=other, code="1.1.2-a")

    def user(name, role, entity, governorate=None):
        u = UserFactory(username=name, email=f"{name}@example.org")
        membership_grant(user=u, entity=entity, role=role, governorate=governorate)
        return type(u).objects.get(pk=u.pk)

    class World:
        pass

    w = World()
    w.policy, w.period, w.previous = policy, period, previous
    w.activity, w.other_activity, w.indicator = activity, other, indicator
    w.baghdad, w.basra = baghdad, basra
    w.cso_entity, w.other_cso_entity, w.office = cso, other_cso, office
    w.reporter = user("reporter", Role.CSO_REPORTER, cso)
    w.colleague = user("colleague", Role.CSO_REPORTER, cso)
    w.other_reporter = user("other", Role.CSO_REPORTER, other_cso)
    w.gov_focal = user("govfocal", Role.FOCAL_POINT, office, governorate=basra)
    w.baghdad_focal = user("bgfocal", Role.FOCAL_POINT, ministry, governorate=baghdad)
    w.reviewer = user("reviewer", Role.DIRECTORATE_REVIEWER, ministry)
    w.admin = user("dadmin", Role.DIRECTORATE_ADMIN, ministry)
    w.partner = user("partner", Role.PARTNER_VIEWER, other_cso)
    w.nobody = UserFactory(username="nobody")
    from analytics import figures  # the rows above were written past the services

    figures.refresh(policy_ids=[policy.pk])
    return w
