"""The public path down the plan and back: overview -> pillar -> objective -> activity ->
indicator -> governorate, every level a link, breadcrumbs back up to the one overview (/)."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from analytics import figures
from tests.factories import ActivityFactory, IndicatorFactory, TargetFactory
from tests.reporting_helpers import approved
from tests.signin_helpers import verified_login


def _published(world):
    world.policy.is_published = True
    world.policy.save()


def _links(page):
    return set(re.findall(r'href="([^"#]+)', page))


def _crumbs(page):
    nav = page[page.index('class="breadcrumbs"') :]
    return nav[: nav.index("</nav>")]


def test_a_visitor_clicks_down_the_plan_and_back_up(client, world):
    approved(world)
    _published(world)
    objective = world.activity.objective
    pillar = objective.pillar
    query = f"?policy={world.policy.code}"

    pillar_page = client.get(reverse("analytics:pillar", args=[pillar.code])).content.decode()
    assert reverse("analytics:objective", args=[objective.pk]) in _links(pillar_page)

    objective_page = client.get(reverse("analytics:objective", args=[objective.pk]))
    assert objective_page.status_code == 200
    objective_page = objective_page.content.decode()
    assert reverse("analytics:activity", args=[world.activity.pk]) in _links(objective_page)
    assert reverse("analytics:indicator", args=[world.indicator.pk]) in _links(objective_page)
    crumbs = _crumbs(objective_page)
    assert 'href="/"' in crumbs  # the national overview is the Overview menu item's page
    assert reverse("analytics:pillar", args=[pillar.code]) + query in crumbs

    activity_page = client.get(reverse("analytics:activity", args=[world.activity.pk]))
    assert activity_page.status_code == 200
    activity_page = activity_page.content.decode()
    assert reverse("analytics:indicator", args=[world.indicator.pk]) in _links(activity_page)
    assert reverse("analytics:governorate", args=["IQ-BG"]) + query in _links(activity_page)
    assert reverse("analytics:objective", args=[objective.pk]) in _crumbs(activity_page)
    assert "33\xa0%" in activity_page  # 1.1.1-a: 20 of the way 5 -> 50

    indicator_page = client.get(reverse("analytics:indicator", args=[world.indicator.pk]))
    indicator_page = indicator_page.content.decode()
    crumbs = _crumbs(indicator_page)
    for url in (
        "/",
        reverse("analytics:pillar", args=[pillar.code]) + query,
        reverse("analytics:objective", args=[objective.pk]),
        reverse("analytics:activity", args=[world.activity.pk]),
    ):
        assert f'href="{url}"' in crumbs, url
    assert reverse("analytics:governorate", args=["IQ-BG"]) + query in _links(indicator_page)

    place = client.get(reverse("analytics:governorate", args=["IQ-BG"]) + query).content.decode()
    links = _links(place)
    assert reverse("analytics:activity", args=[world.activity.pk]) in links
    assert reverse("analytics:pillar", args=[pillar.code]) + query in links
    assert reverse("analytics:indicator", args=[world.indicator.pk]) in links
    assert 'href="/"' in _crumbs(place)


def test_a_nationwide_activity_says_so_and_points_at_the_map(client, world):
    _published(world)
    page = client.get(reverse("analytics:activity", args=[world.other_activity.pk]))
    assert "Nation-wide: in every governorate." in page.content.decode()
    assert reverse("analytics:map") in _links(page.content.decode())


@pytest.mark.parametrize("name", ["analytics:objective", "analytics:activity"])
def test_visitors_see_objectives_and_activities_of_a_published_plan_only(client, world, name):
    pk = world.activity.objective.pk if name == "analytics:objective" else world.activity.pk
    url = reverse(name, args=[pk])
    assert client.get(url).status_code == 404  # nothing published
    verified_login(client, world.reviewer)
    assert client.get(url).status_code == 200  # the Directorate sees its plan being built
    client.logout()
    _published(world)
    assert client.get(url).status_code == 200
    assert client.get(reverse(name, args=[999999])).status_code == 404


def test_visitors_see_no_draft_figure_on_an_activity(client, world):
    from tests.reporting_helpers import submitted

    submitted(world)  # 12 and 8, not approved
    _published(world)
    page = client.get(reverse("analytics:activity", args=[world.activity.pk])).content.decode()
    row = page[page.index("1.1.1-a") :][:1500]
    assert ">20<" not in row and "No data" in row


def test_visitors_see_a_hidden_protection_figure_hidden_on_the_activity_page(client, world):
    from decimal import Decimal

    from reporting import services
    from tests.reporting_helpers import complete, draft

    _published(world)
    world.indicator.is_sensitive = True
    world.indicator.save()
    report = complete(world, draft(world))
    report = services.report_update(
        user=world.reporter,
        report=report,
        version=report.version,
        values={
            (world.indicator.pk, world.baghdad.pk): Decimal(1),
            (world.indicator.pk, world.basra.pk): Decimal(2),
        },
    )
    report = services.report_submit(user=world.reporter, report=report, version=report.version)
    services.report_approve(user=world.reviewer, report=report, version=report.version)
    for url in (
        reverse("analytics:activity", args=[world.activity.pk]),
        reverse("analytics:objective", args=[world.activity.objective.pk]),
    ):
        page = client.get(url).content.decode()
        row = page[page.index("1.1.1-a") :][:1500]
        assert "Hidden to protect survivors" in row and ">3<" not in row, url
    verified_login(client, world.reviewer)
    page = client.get(reverse("analytics:activity", args=[world.activity.pk])).content.decode()
    assert ">3<" in page[page.index("1.1.1-a") :][:1500]


def _grow(world, n=15):
    for i in range(n):
        activity = ActivityFactory(
            objective=world.activity.objective,
            code=f"2.{i}",
            lead_entity=world.cso_entity,
            is_nationwide=True,
        )
        indicator = IndicatorFactory(
            policy=world.policy, objective=None, activity=activity, code=f"V{i}"
        )
        TargetFactory(indicator=indicator, period=world.period)
        extra = IndicatorFactory(
            policy=world.policy, objective=None, activity=world.activity, code=f"X{i}"
        )
        TargetFactory(indicator=extra, period=world.period)
    figures.refresh(policy_ids=[world.policy.pk])  # the factories wrote past the services


@pytest.mark.parametrize("name", ["analytics:objective", "analytics:activity"])
@pytest.mark.parametrize("who", ["visitor", "reviewer"])
def test_the_new_pages_cost_the_same_queries_at_any_volume(client, world, settings, name, who):
    settings.PAGE_CACHE_SECONDS = 0  # count the page's own queries, not a cache hit
    approved(world)
    _published(world)
    if who == "reviewer":
        verified_login(client, world.reviewer)
    pk = world.activity.objective.pk if name == "analytics:objective" else world.activity.pk
    url = reverse(name, args=[pk])
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    _grow(world)
    with CaptureQueriesContext(connection) as large:
        page = client.get(url)
    assert page.status_code == 200 and "X14" in page.content.decode()  # the rows are there
    assert len(large) == len(small)


def test_the_governorate_page_costs_the_same_queries_with_its_indicators(client, world, settings):
    settings.PAGE_CACHE_SECONDS = 0
    approved(world)
    _published(world)
    url = reverse("analytics:governorate", args=["IQ-BG"])
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    _grow(world)
    for i in range(15):  # targets in Baghdad: these indicators have a row there
        TargetFactory(
            indicator=IndicatorFactory._meta.model.objects.get(code=f"X{i}"),
            period=world.period,
            governorate=world.baghdad,
        )
    figures.refresh(policy_ids=[world.policy.pk])
    with CaptureQueriesContext(connection) as large:
        page = client.get(url).content.decode()
    assert "X14" in page and "indicators with a target or an approved figure here" in page
    assert len(large) == len(small)


def test_the_objective_pages_indicators_come_fifty_a_page(client, world):
    _published(world)
    for i in range(55):
        IndicatorFactory(
            policy=world.policy, objective=None, activity=world.activity, code=f"W{i:03d}"
        )
    figures.refresh(policy_ids=[world.policy.pk])
    url = reverse("analytics:objective", args=[world.activity.objective.pk])
    first = client.get(url).content.decode()
    assert "1–50 of 57" in first and first.count('<a href="/indicators/') == 50
    second = client.get(url, {"page": 2}).content.decode()
    assert "51–57 of 57" in second and second.count('<a href="/indicators/') == 7


def test_on_a_phone_the_target_and_its_period_stay_one_piece_beside_their_label(client, world):
    """A stacked table cell (table.stack td, a flex row with its label on a phone) spread
    "Yes (", the period and ")" apart when they were loose pieces of the cell: seen on the
    activity page in Arabic as "نعم (      2024-Q4)". The cell now holds one element."""
    approved(world)
    _published(world)
    page = client.get(reverse("analytics:activity", args=[world.activity.pk])).content.decode()
    cells = re.findall(r'<td class="num" data-label="Target">(.*?)</td>', page, re.S)
    assert cells
    for cell in cells:
        assert re.fullmatch(r"<span>[^<]*(<bdi>[^<]*</bdi>[^<]*)?</span>", cell.strip()), cell
