"""The permission layer (accounts.roles, accounts.backends): what a person may do follows from
their active memberships only, in the admin, the pages, the API and the imports alike."""

import pytest
from django.urls import reverse

from accounts.models import Membership, Role, User
from reporting.models import ReportStatus
from tests.reporting_helpers import submitted
from tests.signin_helpers import verified_login


@pytest.fixture
def directorate_admin_client(client, world):
    """The Directorate admin of `world`: a membership, no superuser status, no group."""
    assert not world.admin.is_superuser and not world.admin.groups.exists()
    verified_login(client, world.admin)
    return client


def _membership_form(user, entity, role, *, active=True):
    data = {"user": user.pk, "entity": entity.pk, "role": role, "governorate": ""}
    if active:
        data["is_active"] = "on"
    return data


def test_a_membership_given_in_the_admin_by_a_directorate_admin_takes_effect_at_once(
    directorate_admin_client, world, django_user_model
):
    admin = directorate_admin_client
    # The Directorate admin makes an account with a reviewer's membership, on one page.
    response = admin.post(
        reverse("admin:accounts_user_add"),
        {
            "username": "rana",
            "password1": "a-long-pass-phrase-9",
            "password2": "a-long-pass-phrase-9",
            "usable_password": "true",
            "memberships-TOTAL_FORMS": "1",
            "memberships-INITIAL_FORMS": "0",
            "memberships-0-entity": world.office.pk,
            "memberships-0-role": Role.DIRECTORATE_REVIEWER,
            "memberships-0-is_active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    rana = User.objects.get(username="rana")
    membership = Membership.objects.get(user=rana)
    assert membership.role == Role.DIRECTORATE_REVIEWER
    assert membership.history.get().history_user == world.admin

    # Rana signs in: she reads the plan in the admin and reviews a submitted report.
    report = submitted(world)
    reviewer = verified_login(type(admin)(), User.objects.get(pk=rana.pk))
    assert reviewer.get(reverse("admin:index")).status_code == 200
    assert reviewer.get(reverse("admin:policy_activity_changelist")).status_code == 200
    assert (
        reviewer.get(reverse("admin:policy_activity_change", args=[world.activity.pk])).status_code
        == 200
    )
    # Read only: a reviewer adds nothing to the plan.
    assert reviewer.get(reverse("admin:policy_activity_add")).status_code == 403
    assert reviewer.get(reverse("reporting:queue")).status_code == 200
    response = reviewer.post(
        reverse("reporting:report", args=[report.pk]),
        {"action": "return", "version": report.version, "comment": "Add the sources."},
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == ReportStatus.RETURNED

    # The Directorate admin deactivates the membership: both are gone at her next request.
    response = admin.post(
        reverse("admin:accounts_membership_change", args=[membership.pk]),
        _membership_form(rana, world.office, Role.DIRECTORATE_REVIEWER, active=False),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    index = reviewer.get(reverse("admin:index"))
    assert index.status_code == 302 and reverse("admin:login") in index["Location"]
    assert reviewer.get(reverse("admin:policy_activity_changelist")).status_code == 302
    assert reviewer.get(reverse("reporting:queue")).status_code == 403


def test_the_history_says_who_gave_the_membership(directorate_admin_client, world):
    response = directorate_admin_client.post(
        reverse("admin:accounts_membership_add"),
        _membership_form(world.nobody, world.office, Role.DIRECTORATE_REVIEWER),
    )
    assert response.status_code == 302
    membership = Membership.objects.get(user=world.nobody)
    assert membership.history.get().history_user == world.admin


def test_a_reviewer_cannot_give_memberships(client, world):
    verified_login(client, world.reviewer)
    response = client.post(
        reverse("admin:accounts_membership_add"),
        _membership_form(world.nobody, world.office, Role.DIRECTORATE_ADMIN),
    )
    assert response.status_code == 403
    assert not Membership.objects.filter(user=world.nobody).exists()


def test_a_directorate_admin_cannot_make_a_superuser(directorate_admin_client, world):
    url = reverse("admin:accounts_user_change", args=[world.nobody.pk])
    page = directorate_admin_client.get(url).content.decode()
    assert 'name="is_superuser"' not in page  # shown read only


@pytest.mark.parametrize(
    ("role", "sees_admin"),
    [
        (Role.DIRECTORATE_ADMIN, True),
        (Role.DIRECTORATE_REVIEWER, True),
        (Role.FOCAL_POINT, False),
        (Role.CSO_REPORTER, False),
        (Role.PARTNER_VIEWER, False),
    ],
)
def test_only_the_directorate_works_in_the_admin_whatever_the_staff_flag_says(
    client, world, role, sees_admin
):
    user = User.objects.create_user("someone", password="x", is_staff=not sees_admin)
    Membership.objects.create(user=user, entity=world.office, role=role)
    verified_login(client, user)
    response = client.get(reverse("admin:index"))
    assert (response.status_code == 200) is sees_admin
    page = client.get(reverse("home"), follow=True).content.decode()
    assert (reverse("admin:index") in page) is sees_admin  # the "Plan admin" link


def test_the_admin_sign_in_form_refuses_an_account_outside_the_directorate(client, world):
    world.reporter.set_password("a-long-pass-phrase-9")
    world.reporter.save()
    response = client.post(
        reverse("admin:login"),
        {"username": "reporter", "password": "a-long-pass-phrase-9", "next": "/admin/"},
    )
    assert response.status_code == 200  # the form again, with its error
    assert "_auth_user_id" not in client.session


def test_object_permissions_answer_with_the_reporting_rules(world):
    report = submitted(world)
    assert world.reporter.has_perm("reporting.view_progressreport", report)
    assert not world.other_reporter.has_perm("reporting.view_progressreport", report)
    assert world.reviewer.has_perm("reporting.review_progressreport", report)
    assert not world.reporter.has_perm("reporting.review_progressreport", report)
    assert world.admin.has_perm("reporting.reopen_progressreport", report)
    assert not world.reviewer.has_perm("reporting.reopen_progressreport", report)


def test_model_permissions_come_from_the_roles_and_not_from_groups(world):
    from django.contrib.auth.models import Group, Permission

    assert world.admin.has_perm("policy.change_activity")
    assert world.admin.has_perm("policy.import_activity")
    assert world.reviewer.has_perm("policy.view_activity")
    assert not world.reviewer.has_perm("policy.change_activity")
    assert not world.partner.has_perm("policy.view_activity")
    # A group (or a permission given one by one) grants nothing.
    group = Group.objects.create(name="Old editors")
    group.permissions.set(Permission.objects.filter(codename="change_activity"))
    world.partner.groups.add(group)
    world.partner.user_permissions.add(Permission.objects.get(codename="delete_activity"))
    partner = User.objects.get(pk=world.partner.pk)
    assert not partner.has_perm("policy.change_activity")
    assert not partner.has_perm("policy.delete_activity")


def test_who_holds_a_permission_is_asked_of_the_memberships(world):
    backend = "accounts.backends.MembershipBackend"
    held = User.objects.with_perm("policy.view_activity", backend=backend)
    holders = set(held.values_list("username", flat=True))
    assert holders == {"reviewer", "dadmin"}
    Membership.objects.filter(user=world.reviewer).update(is_active=False)
    assert not User.objects.with_perm("policy.view_activity", backend=backend).filter(
        pk=world.reviewer.pk
    )


def test_an_inactive_membership_or_account_grants_nothing(world):
    Membership.objects.filter(user=world.admin).update(is_active=False)
    admin = User.objects.get(pk=world.admin.pk)
    assert not admin.has_perm("policy.change_activity")
    Membership.objects.filter(user=world.admin).update(is_active=True)
    User.objects.filter(pk=world.admin.pk).update(is_active=False)
    admin = User.objects.get(pk=world.admin.pk)
    assert not admin.has_perm("policy.change_activity")
