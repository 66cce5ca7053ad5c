"""The dashboards for signed-in users: numbers from approved data, a table beside every chart,
and a bounded number of queries whatever the volume."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from analytics import figures
from tests.factories import ActivityFactory, IndicatorFactory, ObjectiveFactory, TargetFactory
from tests.job_helpers import job_file
from tests.reporting_helpers import approved
from tests.signin_helpers import verified_login

PAGES = [("analytics:overview", []), ("analytics:governorate", ["IQ-BG"])]


@pytest.mark.parametrize(("name", "args"), PAGES)
@pytest.mark.parametrize("who", ["reporter", "gov_focal", "reviewer", "admin", "partner"])
def test_every_signed_in_role_sees_the_dashboards(client, world, name, args, who):
    approved(world)
    verified_login(client, getattr(world, who))
    assert client.get(reverse(name, args=args)).status_code == 200


PUBLIC = [*PAGES, ("analytics:map", []), ("analytics:pillar", ["pillar-0"])]


@pytest.mark.parametrize(("name", "args"), PUBLIC)
def test_visitors_see_the_dashboards_of_a_published_plan_only(client, world, name, args):
    if args == ["pillar-0"]:
        args = [world.activity.objective.pillar.code]
    answer = client.get(reverse(name, args=args))
    if name == "analytics:overview":  # the start page says so rather than "not found"
        assert b"No plan has been published yet" in answer.content
    else:
        assert answer.status_code == 404  # nothing published
    world.policy.is_published = True
    world.policy.save()
    assert client.get(reverse(name, args=args)).status_code == 200


def test_visitors_never_see_small_protection_figures(client, world):
    from decimal import Decimal

    from reporting import services
    from tests.reporting_helpers import complete, draft

    world.policy.is_published = True
    world.policy.save()
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
    pillar = reverse("analytics:pillar", args=[world.activity.objective.pillar.code])
    indicator = reverse("analytics:indicator", args=[world.indicator.pk])
    public_pillar = client.get(pillar).content.decode()
    public_indicator = client.get(indicator).content.decode()
    assert "Hidden to protect survivors" in public_pillar and ">3<" not in public_pillar
    row = public_indicator[public_indicator.index('<th scope="row">2022-Q2') :][:600]
    assert ">3<" not in row and ">1<" not in row and ">2<" not in row
    assert "Hidden to protect survivors" in row
    verified_login(client, world.reviewer)
    assert ">3<" in client.get(pillar).content.decode()


def test_the_overview_shows_the_pillar_figures_from_approved_data(client, world):
    approved(world)  # 1.1.1-a: 20 of the way 5 -> 50, so 33 %, off track
    verified_login(client, world.reviewer)
    page = client.get(reverse("analytics:overview")).content.decode()
    pillar_row = page[page.index(str(world.activity.objective.pillar)) :]
    assert "33\xa0%" in pillar_row[:600]
    assert "1 / 2" in pillar_row[:800]  # one of the pillar's two indicators has data
    assert "Off track" in page and "Reporting rate" in page and "Achievement over time" in page


def test_the_governorate_page_compares_with_the_national_figure(client, world):
    approved(world)  # Baghdad reported 12 of the national 20
    verified_login(client, world.reviewer)
    page = client.get(reverse("analytics:governorate", args=["IQ-BG"])).content.decode()
    assert "Baghdad" in page and world.activity.title_en[:30] in page
    assert "33\xa0%" in page  # the national figure of the pillar
    assert client.get(reverse("analytics:governorate", args=["IQ-ZZ"])).status_code == 404


@pytest.mark.parametrize(("name", "args"), PAGES)
def test_the_dashboards_cost_the_same_queries_at_any_volume(client, world, name, args):
    approved(world)
    verified_login(client, world.reviewer)
    url = reverse(name, args=args)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    for n in range(15):
        activity = ActivityFactory(
            objective=world.activity.objective,
            code=f"2.{n}",
            lead_entity=world.cso_entity,
            is_nationwide=True,
        )
        indicator = IndicatorFactory(
            policy=world.policy, objective=None, activity=activity, code=f"V{n}"
        )
        TargetFactory(indicator=indicator, period=world.period)
    from analytics import figures

    figures.refresh(policy_ids=[world.policy.pk])  # the factories wrote past the services
    with CaptureQueriesContext(connection) as large:
        client.get(url)
    assert len(large) == len(small)


def test_the_public_home_shows_the_published_picture_from_approved_data(client, world):
    from tests.reporting_helpers import submitted

    submitted(world)  # not approved: must not count
    world.policy.is_published = True
    world.policy.save()
    page = client.get("/").content.decode()
    assert "National overview" in page and "0 of 2 indicators" in page
    from reporting import services
    from tests.reporting_helpers import fresh

    report = fresh(world.activity.reports.get())
    services.report_approve(user=world.reviewer, report=report, version=report.version)
    assert "1 of 2 indicators" in client.get("/").content.decode()


def test_an_unpublished_plan_is_not_shown_to_visitors(client, world):
    from tests.reporting_helpers import approved

    approved(world)
    page = client.get("/").content.decode()
    assert "No plan has been published yet" in page
    assert world.activity.objective.pillar.name_en not in page


def test_the_map_colours_each_governorate_and_writes_its_number(client, world):
    approved(world)  # Baghdad: 12 of a national target; Basra: 8
    verified_login(client, world.reviewer)
    page = client.get(reverse("analytics:map")).content.decode()
    assert page.count('class="tile band-') == 2  # the two governorates of the test world
    assert "Baghdad" in page and "Basra" in page
    activities = client.get(reverse("analytics:map"), {"measure": "activities"}).content
    assert b"Number of activities" in activities
    odd = client.get(reverse("analytics:map"), {"measure": "nonsense"})
    assert odd.status_code == 200  # falls back to achievement


def test_the_map_costs_the_same_queries_at_any_volume(client, world):
    approved(world)
    verified_login(client, world.reviewer)
    url = reverse("analytics:map")
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    for n in range(10):
        activity = ActivityFactory(
            objective=world.activity.objective, code=f"3.{n}", lead_entity=world.cso_entity
        )
        activity.governorates.set([world.baghdad])
        IndicatorFactory(policy=world.policy, objective=None, activity=activity, code=f"M{n}")
    with CaptureQueriesContext(connection) as large:
        client.get(url)
    assert len(large) == len(small)


def test_the_pillar_page_lists_objectives_and_indicator_statuses(client, world):
    approved(world)
    verified_login(client, world.reviewer)
    pillar = world.activity.objective.pillar
    page = client.get(reverse("analytics:pillar", args=[pillar.code])).content.decode()
    assert world.activity.objective.code in page
    assert "1.1.1-a" in page and "Off track" in page and "33\xa0%" in page


def _many(world, n, nationwide=True):
    """n more activities, each with an indicator, in the world's objective; the plan published."""
    world.policy.is_published = True
    world.policy.save()
    for i in range(n):
        activity = ActivityFactory(
            objective=world.activity.objective,
            code=f"3.{i:03d}",
            lead_entity=world.cso_entity,
            is_nationwide=nationwide,
        )
        IndicatorFactory(policy=world.policy, objective=None, activity=activity, code=f"W{i:03d}")
    figures.refresh(policy_ids=[world.policy.pk])  # the factories wrote past the services


def _indicator_rows(page):
    return page.count('<a href="/indicators/')


def test_a_pillars_indicators_come_fifty_a_page_with_the_objectives_above(client, world):
    """A pillar of hundreds of indicators was one page of hundreds of rows: now its objectives
    with their roll-ups, then its indicators fifty a page (of every objective or of one)."""
    approved(world)
    _many(world, 60)  # with the world's two: 62
    # An objective whose code sorts after the world's (a factory sequence: "95.1" sorts after
    # a fixed "9.9", which put Z-1 on page 1 when other tests had run first in the process).
    code = f"{world.activity.objective.code}9"
    other = ObjectiveFactory(policy=world.policy, pillar=world.activity.objective.pillar, code=code)
    IndicatorFactory(policy=world.policy, objective=other, code="Z-1")
    figures.refresh(policy_ids=[world.policy.pk])
    url = reverse("analytics:pillar", args=[world.activity.objective.pillar.code])
    first = client.get(url).content.decode()
    assert _indicator_rows(first) == 50 and "page 1 of 2" in first and "1–50 of 63" in first
    assert "1.1.1-a" in first and "33\xa0%" in first  # the world's approved indicator
    assert code in first and "Z-1" not in first  # its objective is listed, it is on page 2
    second = client.get(url, {"page": 2}).content.decode()
    assert _indicator_rows(second) == 13 and "Z-1" in second and "page 2 of 2" in second
    assert client.get(url, {"page": "99"}).content.decode().count("page 2 of 2") == 2
    one = client.get(url, {"objective": code}).content.decode()
    assert _indicator_rows(one) == 1 and "Z-1" in one and f"Indicators of objective {code}" in one
    assert client.get(url, {"objective": "nope"}).status_code == 404


def test_a_governorates_activities_come_fifty_a_page(client, world):
    _many(world, 55)  # nation-wide: in Baghdad too, with the world's two
    url = reverse("analytics:governorate", args=["IQ-BG"])
    first = client.get(url).content.decode()
    assert "57 activities" in first and "1–50 of 57" in first
    second = client.get(url, {"page": 2}).content.decode()
    assert "51–57 of 57" in second and "3.054" in second and "3.000" not in second


def test_the_indicator_page_shows_figures_and_targets_by_governorate(client, world):
    approved(world)
    verified_login(client, world.partner)
    page = client.get(reverse("analytics:indicator", args=[world.indicator.pk])).content
    page = page.decode()
    row = page[page.index('<th scope="row">2022-Q2') :]  # the table's row, after the chart
    assert ">20<" in row[:400]  # national: 12 + 8
    assert "Baghdad" in page and ">12<" in row[:800] and ">8<" in row[:800]


def test_only_the_directorate_sees_reporting_compliance(client, world):
    approved(world)
    verified_login(client, world.reporter)
    assert client.get(reverse("analytics:compliance")).status_code == 403
    verified_login(client, world.reviewer)
    page = client.get(reverse("analytics:compliance")).content.decode()
    # The period is due in 2099: what has not come in is not yet due, not missing.
    assert "CSO A" in page and "1 on time, 0 late, 0 not yet due" in page
    assert "Office" in page and "0 on time, 0 late, 1 not yet due" in page


def test_the_progress_report_downloads_as_xlsx_with_the_services_numbers(client, world):
    import io

    import openpyxl

    from analytics.selectors import indicator_progress

    approved(world)
    verified_login(client, world.reviewer)
    response = client.get(
        reverse("analytics:progress_report"), {"period": "2022-Q2", "format": "xlsx"}
    )
    book = openpyxl.load_workbook(io.BytesIO(job_file(client, response)))
    assert book.sheetnames[0] == "Summary" and len(book.sheetnames) == 2  # one pillar
    sheet = book.worksheets[1]
    rows = {r[2]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    expected = {p.indicator.code: p for p in indicator_progress(world.policy, world.period)}
    item = expected["1.1.1-a"]
    assert rows["1.1.1-a"][8] == float(item.actual) == 20
    assert rows["1.1.1-a"][9] == pytest.approx(float(item.achievement))
    assert rows["1.1.1-a"][10] == "Off track"
    assert rows["1.1.2-a"][8] is None and rows["1.1.2-a"][10] == "No data"


def test_the_progress_report_prints_as_a_page(client, world):
    approved(world)
    verified_login(client, world.reviewer)
    page = client.get(reverse("analytics:progress_report"), {"period": "2022-Q2"})
    body = page.content.decode()
    assert "National progress report" in body and "1.1.1-a" in body and "33\xa0%" in body


@pytest.mark.parametrize("table", ["pillars", "budget", "achievement", "reporting"])
def test_each_overview_chart_has_its_numbers_as_csv(client, world, table):
    import csv
    import io

    from tests.factories import FundingFactory

    approved(world)
    FundingFactory(activity=world.activity, planned=1000, disbursed=250)
    figures.refresh(plan_ids=[world.policy.pk])  # the factory wrote past the services
    verified_login(client, world.reviewer)
    response = client.get(reverse("analytics:overview"), {"csv": table})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) >= 2
    if table == "pillars":
        assert rows[0][:3] == ["Pillar code", "Pillar", "Achievement"]
        assert rows[1][1] == world.activity.objective.pillar.name_en
        assert rows[1][2] == f"{15 / 45:.4f}" and rows[1][3:5] == ["1", "2"]


def test_the_map_numbers_download_as_csv(client, world):
    approved(world)
    verified_login(client, world.reviewer)
    response = client.get(reverse("analytics:map"), {"csv": "map"})
    text = response.content.decode("utf-8-sig")
    assert text.startswith("Governorate code,Governorate,Achievement") and "IQ-BG" in text


def test_generate_load_data_fills_a_plan_in_proportion(db, settings):
    import io

    from django.core.management import call_command

    from indicators.models import Indicator
    from policy.models import Activity, Policy
    from reporting.models import IndicatorValue

    settings.DEBUG = True
    out = io.StringIO()
    call_command("generate_load_data", "--scale", "0.002", stdout=out)
    policy = Policy.objects.get(code="load-0.002")
    assert Activity.objects.filter(objective__policy=policy).count() == 10
    assert Indicator.objects.filter(policy=policy).count() == 4
    values = IndicatorValue.objects.filter(report__period__policy=policy)
    # 4 indicators x 2 entities x 16 quarters x 13 to 19 governorates, all approved
    assert 4 * 2 * 16 * 13 <= values.count() <= 4 * 2 * 16 * 19
    assert not values.exclude(report__status="approved").exists()


def test_the_map_achievement_uses_each_governorates_own_target(client, world):
    """Baghdad has a target of 29 for 1.1.1-a and reported 12: (12 - 5) / (29 - 5) = 29 %.
    Basra has no target of its own: no achievement there."""
    from decimal import Decimal

    from analytics.selectors import governorate_measures
    from indicators.models import Target

    Target.objects.create(
        indicator=world.indicator, period=world.period, governorate=world.baghdad, value=Decimal(29)
    )
    approved(world)
    figures = {
        g.code: r
        for g, r in governorate_measures(world.policy, world.period, "achievement").items()
    }
    assert round(figures["IQ-BG"].achievement, 12) == round(Decimal(7) / Decimal(24), 12)
    assert figures["IQ-BG"].indicators == 1
    assert figures["IQ-BA"].achievement is None


def test_the_governorate_page_reads_its_roll_ups_once(client, world):
    """It computed the progress twice (in the governorate, then nationally): now one read of
    the roll-ups gives both; progress rows are read only for the list of the governorate's own
    indicators (a count and one page of fifty), not to compute the pillars."""
    approved(world)
    verified_login(client, world.reviewer)
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("analytics:governorate", args=["IQ-BG"]))
    assert page.status_code == 200
    sql = [q["sql"] for q in queries.captured_queries]
    assert len([q for q in sql if "analytics_rollupfigure" in q]) == 1
    progress = [q for q in sql if "analytics_progressfigure" in q]
    assert len(progress) == 2
    assert "COUNT(*)" in progress[0] and progress[1].endswith("LIMIT 50")
