"""Every admin page a Directorate admin uses answers, with the demo plan loaded."""

import pytest
from django.contrib import admin
from django.urls import reverse

from accounts.models import User
from policy.models import Activity
from tests.signin_helpers import verified_login

# `demo` (tests/conftest.py): the demo plan as seed_demo leaves it.


@pytest.fixture
def director_of_demo(client, demo):
    verified_login(client, User.objects.get(username="director"))
    return client


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.mark.parametrize("superuser", [False, True])
def test_every_changelist_add_and_change_page_answers_for_the_director(director_of_demo, superuser):
    """The demo's director is a Directorate admin by her membership; as a superuser she would
    see the few pages a role does not open (the sign-in devices of others), which answer 403
    for her."""
    User.objects.filter(username="director").update(is_superuser=superuser)
    failures = []
    for model, model_admin in admin.site._registry.items():
        request = _request(director_of_demo)
        if not model_admin.has_view_or_change_permission(request):
            status = director_of_demo.get(admin_url(model, "changelist")).status_code
            if status != 403:
                failures.append(f"{admin_url(model, 'changelist')}: {status}, not 403")
            continue
        urls = [admin_url(model, "changelist")]
        if model_admin.has_add_permission(request):
            urls.append(admin_url(model, "add"))
        first = model_admin.get_queryset(request).first()
        if first is not None:
            urls += [admin_url(model, "change", first.pk)]
            if hasattr(model_admin, "history_view"):
                urls += [admin_url(model, "history", first.pk)]
        if hasattr(model_admin, "import_action"):
            urls += [admin_url(model, "import"), admin_url(model, "export")]
        for url in urls:
            status = director_of_demo.get(url).status_code
            if status != 200:
                failures.append(f"{url}: {status}")
    assert failures == []


def _request(client):
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.user = User.objects.get(username="director")
    return request


def test_changelists_filter_by_pillar_status_governorate_and_search(director_of_demo):
    url = admin_url(Activity, "changelist")
    activity = Activity.objects.filter(governorates__isnull=False).first()
    governorate = activity.governorates.first()
    page = director_of_demo.get(
        url,
        {
            "objective__pillar__id__exact": activity.objective.pillar_id,
            "status__exact": activity.status,
            "governorates__id__exact": governorate.pk,
            "q": activity.code,
        },
    )
    assert page.status_code == 200
    assert activity.code in page.content.decode()


def test_the_activity_list_runs_a_bounded_number_of_queries(
    director_of_demo, django_assert_max_num_queries
):
    with django_assert_max_num_queries(20):
        director_of_demo.get(admin_url(Activity, "changelist"))


def test_a_reviewer_can_read_but_not_change_the_plan(client, demo):
    verified_login(client, User.objects.get(username="reviewer"))
    activity = Activity.objects.first()
    assert client.get(admin_url(Activity, "changelist")).status_code == 200
    page = client.get(admin_url(Activity, "change", activity.pk))
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    assert client.get(admin_url(Activity, "add")).status_code == 403
    assert client.get(admin_url(Activity, "import")).status_code == 403


def test_reporters_and_partners_do_not_get_into_the_admin(client, demo):
    for username in ("cso", "focal", "partner"):
        verified_login(client, User.objects.get(username=username))
        page = client.get(admin_url(Activity, "changelist"))
        assert page.status_code == 302, username
        assert "/admin/login/" in page["Location"]
