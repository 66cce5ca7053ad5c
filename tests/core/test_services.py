"""Writes to the plan go through one service that checks permission and records history."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from core.services import plan_delete, plan_save
from policy.models import Entity
from policy.services import activity_partners_set
from tests.factories import ActivityFactory, EntityFactory, UserFactory
from tests.signin_helpers import verified_login

pytestmark = pytest.mark.django_db


@pytest.fixture
def user_with(monkeypatch):
    """A person holding exactly these permissions of the policy app: what a role would give
    (accounts.roles), narrowed to the case."""
    from accounts import roles

    held = {}
    granted = roles.permissions_of
    monkeypatch.setattr(
        roles, "permissions_of", lambda user: frozenset(held.get(user.pk, ())) | granted(user)
    )

    def make(*codenames):
        user = UserFactory()
        held[user.pk] = {f"policy.{codename}" for codename in codenames}
        return user

    return make


def test_a_user_without_the_add_right_cannot_create_an_entity(user_with):
    with pytest.raises(PermissionDenied):
        plan_save(
            user=user_with("view_entity"),
            instance=Entity(code="x", kind="cso", level="national", name_en="X"),
        )
    assert not Entity.objects.filter(code="x").exists()


def test_a_user_with_the_add_right_creates_it_and_the_history_names_them(user_with):
    user = user_with("add_entity")
    entity = plan_save(
        user=user,
        instance=Entity(code="x", kind="cso", level="national", name_en="X"),
        reason="New partner",
    )
    record = entity.history.get()
    assert record.history_user == user
    assert record.history_type == "+"
    assert record.history_change_reason == "New partner"


def test_an_invalid_row_is_refused_with_a_message_per_field(user_with):
    with pytest.raises(ValidationError) as info:
        plan_save(
            user=user_with("add_entity"),
            instance=Entity(code="x", kind="cso", level="local", name_en=""),
        )
    assert "name_en" in info.value.message_dict
    assert "A local entity must name its governorate." in str(info.value)


def test_deleting_needs_the_delete_right(user_with):
    entity = EntityFactory()
    with pytest.raises(PermissionDenied):
        plan_delete(user=user_with("change_entity"), instance=entity)
    plan_delete(user=user_with("delete_entity"), instance=entity)
    assert not Entity.objects.filter(pk=entity.pk).exists()


def test_partners_are_set_exactly_and_the_lead_cannot_be_a_partner(user_with):
    activity = ActivityFactory()
    user = user_with("change_activity", "add_activitypartner", "change_activitypartner")
    a, b = EntityFactory(), EntityFactory()
    activity_partners_set(
        user=user, activity=activity, partners=[(a, "funding"), (b, "supporting")]
    )
    activity_partners_set(user=user, activity=activity, partners=[(b, "monitoring")])
    assert [(p.entity, p.role) for p in activity.partnerships.all()] == [(b, "monitoring")]
    with pytest.raises(ValidationError):
        activity_partners_set(
            user=user, activity=activity, partners=[(activity.lead_entity, "funding")]
        )


def test_the_admin_saves_through_the_service_and_records_the_user(client):
    director = UserFactory(username="boss", is_staff=True, is_superuser=True)
    verified_login(client, director)
    response = client.post(
        "/admin/policy/entity/add/",
        {
            "code": "new-cso",
            "acronym": "",
            "kind": "cso",
            "level": "national",
            "name_en": "New CSO",
            "name_ar": "",
            "name_ckb": "",
            "parent": "",
            "governorate": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Entity.objects.get(code="new-cso").history.get().history_user == director


def test_the_admin_keeps_what_was_typed_and_names_the_field_on_an_error(client):
    verified_login(client, UserFactory(username="boss", is_staff=True, is_superuser=True))
    response = client.post(
        "/admin/policy/entity/add/",
        {
            "code": "local-cso",
            "kind": "cso",
            "level": "local",
            "name_en": "Typed name",
            "name_ar": "",
            "name_ckb": "",
            "parent": "",
            "governorate": "",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "A local entity must name its governorate." in page
    assert 'value="Typed name"' in page


def test_the_admin_explains_instead_of_failing_when_policy_years_would_drop_periods(client):
    import datetime

    from indicators.models import ReportingPeriod
    from tests.factories import PolicyFactory, ReportingPeriodFactory

    verified_login(client, UserFactory(username="boss", is_staff=True, is_superuser=True))
    policy = PolicyFactory(start_year=2021, end_year=2024)
    ReportingPeriodFactory(
        policy=policy,
        label="2024-Q1",
        start_date=datetime.date(2024, 1, 1),
        end_date=datetime.date(2024, 3, 31),
        due_date=datetime.date(2024, 4, 30),
    )
    response = client.post(
        f"/admin/policy/policy/{policy.pk}/change/",
        {
            "code": policy.code,
            "start_year": 2021,
            "end_year": 2022,
            "status": "draft",
            "owner": "",
            "title_en": policy.title_en,
            "title_ar": "",
            "title_ckb": "",
            "description": "",
        },
    )
    assert response.status_code == 200
    assert "2024-Q1 would fall outside the policy" in response.content.decode()
    assert ReportingPeriod.objects.filter(policy=policy).count() == 1
    policy.refresh_from_db()
    assert policy.end_year == 2024


def test_a_directorate_admin_cannot_make_anyone_a_superuser(client, world):
    verified_login(client, world.admin)
    page = client.get(f"/admin/accounts/user/{world.admin.pk}/change/")
    assert page.status_code == 200
    assert 'name="is_superuser"' not in page.content.decode()
    boss = UserFactory(username="boss", is_staff=True, is_superuser=True)
    assert client.get(f"/admin/accounts/user/{boss.pk}/change/").status_code in (302, 403) or (
        'name="username"'
        not in client.get(f"/admin/accounts/user/{boss.pk}/change/").content.decode()
    )
