"""Plans over time (a plan succeeds another, activities and indicators carried over, figures
compared across plans) and framework references (SDG targets, CEDAW articles, the global
indicators for resolution 1325)."""

import io
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.test import APIClient

from analytics import selectors
from indicators.carry_over import policy_carry_over
from indicators.models import FrameworkReference, Indicator
from policy.models import Activity, Objective
from reporting.models import IndicatorValue, ProgressReport, ReportStatus
from tests.factories import ActivityFactory, IndicatorFactory, PolicyFactory, api_key
from tests.reporting_helpers import approved
from tests.signin_helpers import verified_login


def ref(key):
    framework, code = key.split(":", 1)
    return FrameworkReference.objects.get(framework=framework, code=code)


def rows_of(policy):
    """Every row of a plan with its last change and history count: what must not move."""
    return {
        "objectives": [
            (o.pk, o.updated_at, o.history.count()) for o in Objective.objects.filter(policy=policy)
        ],
        "activities": [
            (a.pk, a.updated_at, a.history.count(), a.carried_from_id)
            for a in Activity.objects.filter(objective__policy=policy)
        ],
        "indicators": [
            (i.pk, i.updated_at, i.history.count(), i.carried_from_id)
            for i in Indicator.objects.filter(policy=policy)
        ],
    }


@pytest.fixture
def successor(world):
    """The world's plan, its references, and a successor plan (2025-2028) with nothing in it."""
    call_command("seed_reference", stdout=io.StringIO())
    world.indicator.framework_references.set([ref("sdg:5.5"), ref("cedaw:Art. 7")])
    return PolicyFactory(
        code="np-2025",
        title_en="Next plan",
        start_year=2025,
        end_year=2028,
        predecessor=world.policy,
    )


# -- carry-over --------------------------------------------------------------------------------
def test_carry_over_copies_activities_with_their_indicators_and_links_their_history(
    world, successor
):
    before = rows_of(world.policy)
    result = policy_carry_over(
        user=world.admin, source=world.policy, target=successor, activity_codes=["1.1.1"]
    )

    assert [a.code for a in result.activities] == ["1.1.1"]
    assert [i.code for i in result.indicators] == ["1.1.1-a"]
    objective = Objective.objects.get(policy=successor)
    source_objective = world.activity.objective
    assert (objective.code, objective.pillar_id, objective.title_en) == (
        source_objective.code,
        source_objective.pillar_id,
        source_objective.title_en,
    )
    copy = Activity.objects.get(objective__policy=successor, code="1.1.1")
    assert copy.carried_from == world.activity
    assert list(world.activity.carried_to.all()) == [copy]
    assert set(copy.governorates.values_list("code", flat=True)) == {"IQ-BG", "IQ-BA"}
    assert [(p.entity.code, p.role) for p in copy.partnerships.all()] == [
        ("office", "implementing")
    ]
    assert (copy.start_date.year, copy.end_date.year, copy.status) == (2025, 2028, "planned")
    indicator = Indicator.objects.get(policy=successor, code="1.1.1-a")
    assert indicator.activity == copy and indicator.carried_from == world.indicator
    assert indicator.baseline_value == world.indicator.baseline_value
    assert {r.key for r in indicator.framework_references.all()} == {"sdg:5.5", "cedaw:Art. 7"}
    assert not indicator.targets.exists()  # targets belong to the earlier plan's periods

    record = indicator.history.get()  # one record: row and many-to-many together
    assert record.history_user == world.admin
    assert record.history_change_reason == f"Carried over from {world.policy.code}"
    assert record.carried_from_id == world.indicator.pk
    assert copy.history.first().history_user == world.admin
    assert rows_of(world.policy) == before  # the source plan is only read


def test_a_second_carry_over_creates_nothing(world, successor):
    policy_carry_over(user=world.admin, source=world.policy, target=successor)
    after_first = rows_of(successor)
    assert len(after_first["activities"]) == 2 and len(after_first["indicators"]) == 2

    again = policy_carry_over(user=world.admin, source=world.policy, target=successor)

    assert again.created == 0
    assert rows_of(successor) == after_first


def test_outcome_indicators_are_carried_when_asked_for_and_their_objective_made(world, successor):
    outcome = IndicatorFactory(
        policy=world.policy, objective=world.activity.objective, code="1.1-o1"
    )
    result = policy_carry_over(
        user=world.admin,
        source=world.policy,
        target=successor,
        activity_codes=[],
        indicator_codes=["1.1-o1"],
    )
    assert [i.code for i in result.indicators] == ["1.1-o1"]
    copy = Indicator.objects.get(policy=successor)
    assert copy.carried_from == outcome and copy.objective.policy == successor
    assert not Activity.objects.filter(objective__policy=successor).exists()


def test_an_activity_indicator_comes_only_with_its_activity(world, successor):
    with pytest.raises(ValidationError, match="not carried over"):
        policy_carry_over(
            user=world.admin,
            source=world.policy,
            target=successor,
            activity_codes=[],
            indicator_codes=["1.1.1-a"],
        )
    with pytest.raises(ValidationError, match=r"9\.9\.9"):
        policy_carry_over(
            user=world.admin, source=world.policy, target=successor, activity_codes=["9.9.9"]
        )


def test_a_plan_that_is_not_the_successor_is_refused(world, successor):
    stranger = PolicyFactory(code="other", start_year=2025, end_year=2028)
    for target in (stranger, world.policy):
        with pytest.raises(ValidationError, match="not the successor"):
            policy_carry_over(user=world.admin, source=world.policy, target=target)
    assert not Objective.objects.filter(policy=stranger).exists()
    # the other way round: the successor's successor is not the plan
    with pytest.raises(ValidationError, match="not the successor"):
        policy_carry_over(user=world.admin, source=successor, target=world.policy)


@pytest.mark.parametrize("who", ["reviewer", "reporter", "partner", "nobody"])
def test_only_the_directorate_admin_carries_over(world, successor, who):
    with pytest.raises(PermissionDenied):
        policy_carry_over(user=getattr(world, who), source=world.policy, target=successor)
    assert rows_of(successor) == {"objectives": [], "activities": [], "indicators": []}


def test_a_carry_over_is_all_or_nothing(world, successor):
    """1.1.2 clashes with an activity the successor already has: nothing at all is written,
    not even 1.1.1 or the objective carried before the clash."""
    objective = Objective.objects.create(
        policy=successor, pillar=world.activity.objective.pillar, code="7.7", title_en="Other"
    )
    ActivityFactory(objective=objective, code="1.1.2", lead_entity=world.cso_entity)
    before = rows_of(successor)
    with pytest.raises(ValidationError, match=r"1\.1\.2"):
        policy_carry_over(user=world.admin, source=world.policy, target=successor)
    assert rows_of(successor) == before


def test_a_plan_cannot_succeed_itself_or_a_later_plan(world, successor):
    world.policy.predecessor = successor
    with pytest.raises(ValidationError) as refused:
        world.policy.full_clean()
    assert "predecessor" in refused.value.message_dict
    world.policy.predecessor = world.policy
    with pytest.raises(ValidationError):
        world.policy.full_clean()


def test_carried_from_must_be_in_the_predecessor_plan(world, successor):
    stray = IndicatorFactory(policy=successor, code="X-1")
    stray.carried_from = IndicatorFactory(code="elsewhere")  # in a plan of its own
    with pytest.raises(ValidationError) as refused:
        stray.full_clean()
    assert "carried_from" in refused.value.message_dict


def test_the_admin_action_carries_over_to_the_successor(director_client, world, successor):
    response = director_client.post(
        reverse("admin:policy_policy_changelist"),
        {"action": "carry_over", "_selected_action": [world.policy.pk]},
        follow=True,
    )
    assert response.status_code == 200
    assert "2 activity(ies) and 2 indicator(s) carried over" in response.content.decode()
    assert Indicator.objects.filter(policy=successor, carried_from__isnull=False).count() == 2
    # a plan without a successor: a message, nothing written
    response = director_client.post(
        reverse("admin:policy_policy_changelist"),
        {"action": "carry_over", "_selected_action": [successor.pk]},
        follow=True,
    )
    assert "needs exactly one successor plan" in response.content.decode()


# -- across plans ------------------------------------------------------------------------------
@pytest.fixture
def continued(world, successor):
    """1.1.1-a has an approved figure (20 in 2022-Q2) and an unapproved one (777 in 2022-Q1),
    and continues in the successor plan."""
    approved(world)
    pending = ProgressReport.objects.create(
        activity=world.activity,
        entity=world.office,
        period=world.previous,
        status=ReportStatus.SUBMITTED,
        created_by=world.admin,
    )
    IndicatorValue.objects.create(
        report=pending, indicator=world.indicator, governorate=world.basra, value=Decimal("777")
    )
    policy_carry_over(user=world.admin, source=world.policy, target=successor)
    return Indicator.objects.get(policy=successor, carried_from=world.indicator)


def test_across_plans_gives_each_plans_approved_figures_only(world, continued):
    plans = selectors.across_plans(continued)
    assert [p["policy"].code for p in plans] == [world.policy.code, "np-2025"]
    earlier = plans[0]
    assert earlier["indicator"] == world.indicator
    assert [(period.label, figure.value) for period, figure in earlier["rows"]] == [
        ("2022-Q2", Decimal("20"))
    ]
    assert earlier["to_date"].value == Decimal("20") and not earlier["to_date"].hidden
    assert plans[1]["rows"] == [] and plans[1]["to_date"].value is None
    assert selectors.across_plans(world.indicator) == []  # it continues nothing


def test_the_indicator_page_compares_the_plans(client, world, continued):
    verified_login(client, world.partner)
    page = client.get(reverse("analytics:indicator", args=[continued.pk])).content.decode()
    table = page[page.index("Across plans") :]
    assert world.policy.title_en in table and "2022-Q2" in table and ">20<" in table
    assert "777" not in page and "2022-Q1" not in table
    earlier = client.get(reverse("analytics:indicator", args=[world.indicator.pk]))
    assert "Across plans" not in earlier.content.decode()


def test_visitors_see_no_earlier_plan_that_is_not_published(client, world, continued):
    successor = continued.policy
    successor.is_published = True
    successor.save()
    page = client.get(reverse("analytics:indicator", args=[continued.pk])).content.decode()
    assert "Across plans" not in page
    world.policy.is_published = True
    world.policy.save()
    page = client.get(reverse("analytics:indicator", args=[continued.pk])).content.decode()
    assert "Across plans" in page and ">20<" in page[page.index("Across plans") :]


def test_the_indicator_page_lists_its_framework_references(client, world, successor):
    verified_login(client, world.partner)
    page = client.get(reverse("analytics:indicator", args=[world.indicator.pk])).content.decode()
    section = page[page.index("Framework references") :]
    assert "SDG target" in section and ">5.5<" in section
    assert "equal opportunities for leadership" in section
    assert "CEDAW article" in section and "Subject: political and public life" in section
    assert 'href="https://undocs.org/A/RES/70/1"' in section


# -- framework references: seeds ---------------------------------------------------------------
def test_seed_reference_loads_the_references_and_is_idempotent(db):
    call_command("seed_reference", stdout=io.StringIO())
    keys = set(FrameworkReference.objects.values_list("framework", "code"))
    sdg = {c for f, c in keys if f == "sdg"}
    assert sdg == {"5.1", "5.2", "5.3", "5.4", "5.5", "5.6", "5.a", "5.b", "5.c"} | {
        "16.1",
        "16.2",
        "16.3",
        "16.7",
        "16.b",
    }
    assert {c for f, c in keys if f == "cedaw"} == {f"Art. {n}" for n in range(1, 17)}
    assert ("unscr1325", "S/2010/498") in keys
    for reference in FrameworkReference.objects.all():
        assert reference.source and reference.title_en and reference.title_ar
        assert reference.title_ckb, reference.key
    assert ref("sdg:5.5").title_en.startswith("Ensure women's full and effective participation")
    assert "A/RES/70/1" in ref("sdg:5.5").source
    assert ref("cedaw:Art. 7").title_en == "Subject: political and public life"
    assert "S/2010/498" in ref("unscr1325:S/2010/498").source

    before = (FrameworkReference.objects.count(), FrameworkReference.history.count())
    out = io.StringIO()
    call_command("seed_reference", stdout=out)
    assert (FrameworkReference.objects.count(), FrameworkReference.history.count()) == before
    assert "created" not in out.getvalue() and "updated" not in out.getvalue()


def test_a_changed_reference_is_put_back_by_the_seed(db):
    call_command("seed_reference", stdout=io.StringIO())
    FrameworkReference.objects.filter(framework="sdg", code="5.2").update(title_en="Edited")
    out = io.StringIO()
    call_command("seed_reference", stdout=out)
    assert "1 changed" in out.getvalue()
    assert ref("sdg:5.2").title_en.startswith("Eliminate all forms of violence")


def test_the_references_export_and_import_as_a_sheet_with_history(director):
    from indicators.resources import FrameworkReferenceResource

    call_command("seed_reference", stdout=io.StringIO())
    dataset = FrameworkReferenceResource().export()
    assert {"framework", "code", "title_ar", "source", "url"} <= set(dataset.headers)
    unchanged = FrameworkReferenceResource().import_data(dataset, user=director)
    assert not unchanged.has_errors() and unchanged.totals["update"] == 0
    index = next(i for i, row in enumerate(dataset.dict) if row["code"] == "16.7")
    row = dict(dataset.dict[index], title_ckb="Edited")
    dataset[index] = tuple(row[h] for h in dataset.headers)
    result = FrameworkReferenceResource().import_data(dataset, user=director)
    assert not result.has_errors() and result.totals["update"] == 1
    record = ref("sdg:16.7").history.first()
    assert (record.title_ckb, record.history_user) == ("Edited", director)


# -- API ---------------------------------------------------------------------------------------
def api(user=None):
    client = APIClient()
    if user is not None:
        client.credentials(HTTP_AUTHORIZATION=f"Token {api_key(user)}")
    return client


def codes(response):
    assert response.status_code == 200, response.content[:300]
    return sorted(row["code"] for row in response.json()["results"])


def test_the_api_filters_indicators_by_framework_reference_and_framework(world, successor):
    other = Indicator.objects.get(policy=world.policy, code="1.1.2-a")
    other.framework_references.set([ref("sdg:5.2")])
    client = api(world.partner)
    base = "/api/v1/indicators/"
    assert codes(client.get(base, {"framework_reference": "sdg:5.5"})) == ["1.1.1-a"]
    assert codes(client.get(base, {"framework_reference": "5.2"})) == ["1.1.2-a"]
    assert codes(client.get(base, {"framework_reference": "cedaw:Art. 7"})) == ["1.1.1-a"]
    by_id = client.get(base, {"framework_reference": ref("sdg:5.2").pk})
    assert codes(by_id) == ["1.1.2-a"]
    assert codes(client.get(base, {"framework_reference": "sdg:16.7"})) == []
    assert codes(client.get(base, {"framework": "sdg"})) == ["1.1.1-a", "1.1.2-a"]
    assert codes(client.get(base, {"framework": "cedaw"})) == ["1.1.1-a"]
    assert codes(client.get(base, {"framework": "unscr1325"})) == []
    assert client.get(base, {"framework": "nothing"}).status_code == 400
    row = next(r for r in client.get(base).json()["results"] if r["code"] == "1.1.1-a")
    assert sorted(row["framework_references"]) == ["cedaw:Art. 7", "sdg:5.5"]
    assert row["carried_from"] is None


def test_the_api_says_where_a_plan_activity_and_indicator_come_from(world, successor):
    policy_carry_over(user=world.admin, source=world.policy, target=successor)
    client = api(world.partner)
    plans = {p["code"]: p for p in client.get("/api/v1/policies/").json()["results"]}
    assert plans["np-2025"]["predecessor"] == world.policy.code
    assert plans[world.policy.code]["predecessor"] is None
    activities = client.get("/api/v1/activities/", {"policy": "np-2025"}).json()["results"]
    assert {a["code"]: a["carried_from"] for a in activities} == {
        "1.1.1": "1.1.1",
        "1.1.2": "1.1.2",
    }
    indicators = client.get("/api/v1/indicators/", {"policy": "np-2025"}).json()["results"]
    assert {i["code"]: i["carried_from"] for i in indicators} == {
        "1.1.1-a": "1.1.1-a",
        "1.1.2-a": "1.1.2-a",
    }


def test_framework_references_are_reference_data_read_by_anyone(world, successor):
    visitor = api()
    body = visitor.get("/api/v1/framework-references/", {"page_size": 500}).json()
    assert body["count"] == FrameworkReference.objects.count()
    entry = next(r for r in body["results"] if r["key"] == "sdg:5.5")
    assert entry["framework"] == "sdg" and entry["code"] == "5.5"
    assert "A/RES/70/1" in entry["source"] and entry["title_ar"]
    only_cedaw = visitor.get("/api/v1/framework-references/", {"framework": "cedaw"}).json()
    assert {r["framework"] for r in only_cedaw["results"]} == {"cedaw"}
    assert visitor.get("/api/v1/framework-references/", {"format": "csv"}).status_code == 200


@pytest.fixture
def many(world, successor):
    """Several indicators and activities with references and carried-over copies, so that a
    per-row query would show."""
    for n in range(5):
        activity = ActivityFactory(
            objective=world.activity.objective, code=f"1.1.{20 + n}", lead_entity=world.cso_entity
        )
        indicator = IndicatorFactory(
            policy=world.policy, objective=None, activity=activity, code=f"R{n}"
        )
        indicator.framework_references.set([ref("sdg:5.5"), ref(f"cedaw:Art. {n + 1}")])
    policy_carry_over(user=world.admin, source=world.policy, target=successor)
    PolicyFactory(code="np-2029", start_year=2029, end_year=2032, predecessor=successor)
    return world


def count(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, (path, response.content[:300])
    return len(captured), response


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/framework-references/",
        "/api/v1/indicators/",
        "/api/v1/indicators/?framework=sdg",
        "/api/v1/indicators/?framework_reference=sdg:5.5",
        "/api/v1/activities/",
        "/api/v1/policies/",
    ],
)
def test_a_list_costs_the_same_queries_for_1_or_50_rows(many, path):
    client = api(many.reviewer)
    client.get("/api/v1/pillars/")  # the token's first use writes its "last used" (hourly)
    join = "&" if "?" in path else "?"
    one, first = count(client, f"{path}{join}page_size=1")
    fifty, page = count(client, f"{path}{join}page_size=50")
    assert len(first.json()["results"]) == 1
    assert len(page.json()["results"]) >= 2
    assert one == fifty, f"{path}: {one} queries for 1 row, {fifty} for 50"
