"""The REST API as partners and reporting tools use it."""

import csv
import io
from decimal import Decimal

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from accounts.services import token_revoke
from policy.models import ActivityPartner, Funding, Theme, VulnerableGroup
from reporting import services
from reporting.models import ReportStatus
from tests.factories import (
    ActivityFactory,
    DistrictFactory,
    FundingSourceTypeFactory,
    IndicatorFactory,
    ObjectiveFactory,
    PillarFactory,
    PolicyFactory,
    TargetFactory,
    api_key,
)
from tests.reporting_helpers import approved, complete, draft, fresh, submitted

LISTS = [
    "policies",
    "pillars",
    "objectives",
    "activities",
    "entities",
    "governorates",
    "vulnerable-groups",
    "themes",
    "indicators",
    "periods",
    "targets",
    "indicator-values",
    "reports",
]


def url(name, *parts, **query):
    path = f"/api/v1/{name}/" + "".join(f"{p}/" for p in parts)
    if query:
        path += "?" + "&".join(f"{k}={v}" for k, v in query.items())
    return path


def client_for(user=None):
    client = APIClient()
    if user is not None:
        client.credentials(HTTP_AUTHORIZATION=f"Token {api_key(user)}")
    return client


@pytest.fixture
def rich(world):
    """The world, published, with enough rows of every kind to expose per-row queries."""
    world.policy.is_published = True
    world.policy.save()
    source = FundingSourceTypeFactory()
    theme = Theme.objects.create(code="covid-19", name_en="COVID-19")
    group = VulnerableGroup.objects.create(code="idps", name_en="IDPs")
    for n in range(6):
        activity = ActivityFactory(
            objective=world.activity.objective, code=f"1.1.{10 + n}", lead_entity=world.cso_entity
        )
        activity.governorates.set([world.baghdad, world.basra])
        activity.themes.set([theme])
        activity.target_groups.set([group])
        ActivityPartner.objects.create(activity=activity, entity=world.office)
        Funding.objects.create(
            activity=activity, source_type=source, year=2022, planned=Decimal("10")
        )
        indicator = IndicatorFactory(
            policy=world.policy, objective=None, activity=activity, code=f"X{n}"
        )
        TargetFactory(indicator=indicator, period=world.period, governorate=world.baghdad)
        DistrictFactory(governorate=world.baghdad, code=f"D{n}")
    Theme.objects.create(code="media", name_en="Media plan")
    VulnerableGroup.objects.create(code="girls", name_en="Girls")
    PolicyFactory(code="nap-1", is_published=True)
    PillarFactory(code="legislation")
    ObjectiveFactory(policy=world.policy, code="9.9")
    approved(world)
    services.report_start(
        user=world.other_reporter,
        activity=world.other_activity,
        period=world.period,
        entity=world.other_cso_entity,
    )
    return world


def count(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, (path, response.content[:300])
    return len(captured), response


@pytest.mark.parametrize("name", LISTS)
def test_a_list_costs_the_same_queries_for_1_or_50_rows(rich, name):
    client = client_for(rich.reviewer)
    client.get(url("pillars"))  # the token's first use writes its "last used" (hourly)
    one, first = count(client, url(name, page_size=1))
    fifty, page = count(client, url(name, page_size=50))
    assert len(first.json()["results"]) == 1
    assert len(page.json()["results"]) >= 2, "the fixture must give every list several rows"
    assert one == fifty, f"{name}: {one} queries for 1 row, {fifty} for 50"


def test_lists_have_50_rows_a_page_and_at_most_500(rich):
    client = client_for(rich.reviewer)
    assert client.get(url("targets")).json()["count"] > 0
    for size, expected in (("1000", 500), ("2", 2)):
        response = client.get(url("targets", page_size=size))
        assert len(response.json()["results"]) <= expected
    from core.api import PagePagination

    assert PagePagination.page_size == 50 and PagePagination.max_page_size == 500


def test_indicator_values_page_with_a_cursor(rich):
    client = client_for(rich.partner)
    body = client.get(url("indicator-values", page_size=1)).json()
    assert "cursor=" in body["next"] and "count" not in body
    second = client.get(body["next"]).json()
    assert second["results"][0]["id"] != body["results"][0]["id"]


def test_codes_work_where_ids_do(rich):
    client = client_for()
    by_code = client.get(
        url("activities", governorate="IQ-BG", pillar=rich.activity.objective.pillar.code)
    ).json()
    by_id = client.get(
        url("activities", governorate=rich.baghdad.pk, pillar=rich.activity.objective.pillar_id)
    ).json()
    assert by_code["count"] == by_id["count"] > 0
    assert client.get(url("activities", governorate="IQ-XX")).json()["count"] == 0


def test_an_id_of_thousands_of_digits_matches_nothing(rich):
    """Python refuses to read a number of more than 4,300 digits (int() raises ValueError):
    such an id answered 500."""
    for value in ("9" * 5000, "0" * 5000 + "9" * 11, "²"):  # "²" is a digit to str.isdigit
        response = client_for().get(url("activities", policy=value))
        assert response.status_code == 200 and response.json()["count"] == 0, value[:5]


def test_a_partner_reads_approved_values_for_a_governorate_and_pillar(rich):
    client = client_for(rich.partner)
    body = client.get(
        url(
            "indicator-values",
            governorate="IQ-BG",
            pillar=rich.activity.objective.pillar.code,
            period="2022-Q2",
        )
    ).json()
    assert [(v["indicator"], v["governorate"], v["value"]) for v in body["results"]] == [
        ("1.1.1-a", "IQ-BG", "12.0000")
    ]


def test_drafts_and_reports_under_review_never_appear_as_values(world):
    submitted(world)
    world.policy.is_published = True
    world.policy.save()
    assert client_for(world.reviewer).get(url("indicator-values")).json()["results"] == []


def test_without_a_token_only_published_plans_are_readable(rich):
    anonymous = client_for()
    assert anonymous.get(url("activities")).json()["count"] > 0
    assert anonymous.get(url("indicator-values")).json()["results"]
    rich.policy.is_published = False
    rich.policy.save()
    for name in ("activities", "objectives", "indicators", "targets", "periods"):
        assert anonymous.get(url(name)).json()["count"] == 0, name
    assert [p["code"] for p in anonymous.get(url("policies")).json()["results"]] == ["nap-1"]
    assert anonymous.get(url("indicator-values")).json()["results"] == []
    assert client_for(rich.partner).get(url("activities")).json()["count"] > 0
    assert anonymous.get(url("reports")).status_code == 401


def test_updated_since_returns_what_changed(rich):
    client = client_for(rich.partner)
    latest = client.get(url("activities", ordering="-updated_at")).json()["results"][0]
    since = latest["updated_at"].replace("+", "%2B")
    assert client.get(url("activities", updated_since=since)).json()["count"] >= 1
    assert client.get(url("activities", updated_since="2100-01-01T00:00:00Z")).json()["count"] == 0


# -- who may do what --------------------------------------------------------------------------
READ_ONLY = [n for n in LISTS if n != "reports"]


@pytest.mark.parametrize("name", READ_ONLY)
@pytest.mark.parametrize("who", ["anonymous", "partner", "reporter", "reviewer", "admin"])
def test_plan_endpoints_cannot_be_written_by_anyone(world, name, who):
    client = client_for(None if who == "anonymous" else getattr(world, who))
    for method in ("post", "put", "patch", "delete"):
        target = url(name) if method == "post" else url(name, 1)
        status = getattr(client, method)(target, {}, format="json").status_code
        expected = {401} if who == "anonymous" else {403} if who == "partner" else {405}
        assert status in expected, (method, name, who, status)


@pytest.mark.parametrize(
    ("who", "sees_own_draft", "sees_other_draft", "sees_approved"),
    [
        ("reporter", True, False, True),
        ("other_reporter", False, True, False),
        ("gov_focal", False, False, True),
        ("reviewer", True, True, True),
        ("admin", True, True, True),
        ("partner", False, False, True),
        ("nobody", False, False, False),
    ],
)
def test_reports_are_scoped_as_on_the_web(
    world, who, sees_own_draft, sees_other_draft, sees_approved
):
    from reporting import services

    own = draft(world)
    other = services.report_start(
        user=world.other_reporter,
        activity=world.other_activity,
        period=world.period,
        entity=world.other_cso_entity,
    )
    client = client_for(getattr(world, who))
    ids = {r["id"] for r in client.get(url("reports")).json()["results"]}
    assert (own.pk in ids, other.pk in ids) == (sees_own_draft, sees_other_draft)
    assert client.get(url("reports", own.pk)).status_code == (200 if sees_own_draft else 404)
    complete(world, fresh(own))
    report = fresh(own)
    services.report_submit(user=world.reporter, report=report, version=report.version)
    report = fresh(own)
    services.report_approve(user=world.reviewer, report=report, version=report.version)
    visible = client.get(url("reports", own.pk)).status_code == 200
    assert visible == sees_approved


# -- the workflow through the API ---------------------------------------------------------------
def test_the_whole_workflow_through_the_api(world):
    reporter, reviewer = client_for(world.reporter), client_for(world.reviewer)
    created = reporter.post(
        url("reports"),
        {"activity": world.activity.pk, "period": world.period.pk, "entity": "cso-a"},
        format="json",
    )
    assert created.status_code == 201
    report = created.json()
    assert report["status"] == "draft" and report["version"] == 1
    rid = report["id"]

    incomplete = reporter.post(url("reports", rid, "submit"), {"version": 1}, format="json")
    assert incomplete.status_code == 400
    assert set(incomplete.json()) >= {"percent_complete", "achievements", "values"}

    update = {
        "version": 1,
        "percent_complete": 50,
        "achievements": "Two trainings",
        "people": [{"sex": "female", "age_band": "18-29", "count": 30}],
        "values": [
            {"indicator": world.indicator.pk, "governorate": "IQ-BG", "value": "12"},
            {"indicator": world.indicator.pk, "governorate": "IQ-BA", "value": "3"},
        ],
    }
    saved = reporter.patch(url("reports", rid), update, format="json")
    assert saved.status_code == 200 and saved.json()["version"] == 2
    stale = reporter.patch(url("reports", rid), {"version": 1, "challenges": "late"}, format="json")
    assert stale.status_code == 409 and "Someone else changed" in stale.json()["detail"]

    assert (
        reporter.post(url("reports", rid, "approve"), {"version": 2}, format="json").status_code
        == 403
    )
    submitted_ = reporter.post(url("reports", rid, "submit"), {"version": 2}, format="json")
    assert submitted_.status_code == 200 and submitted_.json()["status"] == "submitted"
    no_comment = reviewer.post(url("reports", rid, "return"), {"version": 3}, format="json")
    assert no_comment.status_code == 400 and "comment" in no_comment.json()
    returned = reviewer.post(
        url("reports", rid, "return"), {"version": 3, "comment": "Where?"}, format="json"
    )
    assert returned.json()["status"] == "returned"
    reporter.post(url("reports", rid, "submit"), {"version": 4}, format="json")
    approved_ = reviewer.post(url("reports", rid, "approve"), {"version": 5}, format="json")
    assert approved_.status_code == 200 and approved_.json()["status"] == "approved"
    assert [e["kind"] for e in approved_.json()["events"]] == [
        "created",
        "submitted",
        "returned",
        "submitted",
        "approved",
    ]

    locked = reporter.patch(url("reports", rid), {"version": 6, "challenges": "x"}, format="json")
    assert locked.status_code == 409 and "locked" in locked.json()["detail"]
    again = reviewer.post(url("reports", rid, "approve"), {"version": 6}, format="json")
    assert again.status_code == 409


def test_an_unknown_indicator_in_a_report_is_a_field_error(world):
    report = draft(world)
    response = client_for(world.reporter).patch(
        url("reports", report.pk),
        {
            "version": report.version,
            "values": [{"indicator": 999999, "governorate": None, "value": "1"}],
        },
        format="json",
    )
    assert response.status_code == 400 and "values" in response.json()


def test_a_reporter_cannot_start_a_report_for_another_entity(world):
    response = client_for(world.reporter).post(
        url("reports"),
        {"activity": world.other_activity.pk, "period": world.period.pk, "entity": "cso-b"},
        format="json",
    )
    assert response.status_code == 403
    assert "do not report" in response.json()["detail"]


def test_a_partner_token_cannot_write_and_a_revoked_token_fails(world):
    report = submitted(world)
    partner = client_for(world.partner)
    denied = partner.post(
        url("reports", report.pk, "approve"), {"version": report.version}, format="json"
    )
    assert denied.status_code == 403
    assert fresh(report).status == ReportStatus.SUBMITTED
    for token in world.partner.api_tokens.all():
        token_revoke(user=world.admin, token=token)
    assert partner.get(url("reports")).status_code == 401


def test_create_api_token_prints_a_working_token(world):
    from django.core.management import call_command

    out = io.StringIO()
    call_command("create_api_token", "partner", stdout=out)
    key = out.getvalue().strip()
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert client.get(url("reports")).status_code == 200
    call_command("create_api_token", "partner", "--reset", stdout=io.StringIO())
    assert client.get(url("reports")).status_code == 401


# -- exports ----------------------------------------------------------------------------------
def test_lists_export_as_csv_and_xlsx_with_the_same_filters(rich):
    client = client_for(rich.partner)
    rows = list(
        csv.DictReader(
            io.StringIO(
                client.get(url("activities", format="csv", governorate="IQ-BG")).content.decode(
                    "utf-8-sig"
                )
            )
        )
    )
    assert len(rows) == client.get(url("activities", governorate="IQ-BG")).json()["count"]
    assert set(rows[0]["governorates"].split(";")) == {"IQ-BA", "IQ-BG"}
    xlsx = client.get(url("targets", format="xlsx"))
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content)).active
    assert [c.value for c in sheet[1]][:3] == ["id", "policy", "indicator"]


def test_exported_formula_cells_are_neutralised(rich):
    rich.activity.title_en = '=HYPERLINK("http://evil")'
    rich.activity.save()
    text = client_for(rich.partner).get(url("activities", format="csv")).content.decode("utf-8-sig")
    assert "'=HYPERLINK" in text and ",=HYPERLINK" not in text


def test_the_schema_and_the_docs_are_served_by_the_app(client):
    schema = client.get("/api/schema/")
    assert schema.status_code == 200 and b"/api/v1/indicator-values/" in schema.content
    docs = client.get("/api/docs/").content.decode()
    assert "/api/v1/indicator-values/" in docs and "<script" not in docs
    assert "cdn" not in docs.lower()


def test_each_token_is_throttled_on_its_own(world, monkeypatch):
    from django.core.cache import cache
    from rest_framework.throttling import UserRateThrottle

    monkeypatch.setattr(UserRateThrottle, "THROTTLE_RATES", {"user": "3/minute"})
    cache.clear()
    partner, reporter = client_for(world.partner), client_for(world.reporter)
    statuses = [partner.get(url("pillars")).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert reporter.get(url("pillars")).status_code == 200
    cache.clear()


def test_an_error_asked_for_as_a_spreadsheet_is_answered_in_json(world):
    response = client_for(world.partner).get(url("policies", status="\x04bad", format="xlsx"))
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert "status" in response.json()


def test_control_characters_do_not_break_an_xlsx_export(rich):
    rich.activity.title_en = "Line\x04one"
    rich.activity.save()
    response = client_for(rich.partner).get(url("activities", format="xlsx"))
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert "Lineone" in [c.value for row in sheet.iter_rows() for c in row]


def test_updated_since_takes_any_offset_and_refuses_nonsense(rich):
    client = client_for(rich.partner)
    odd = client.get(url("activities", updated_since="2000-01-01T00:00:00%2B19:10"))
    assert odd.status_code == 200 and odd.json()["count"] > 0
    bad = client.get(url("activities", updated_since="yesterday"))
    assert bad.status_code == 400 and "updated_since" in bad.json()


def test_sensitive_values_are_hidden_from_visitors_only(world):
    world.policy.is_published = True
    world.policy.save()
    world.indicator.is_sensitive = True
    world.indicator.save()
    report = complete(world, draft(world))  # 12 in Baghdad, 8 in Basra
    report = services.report_update(
        user=world.reporter,
        report=report,
        version=report.version,
        values={(world.indicator.pk, world.basra.pk): Decimal("3")},
    )
    report = services.report_submit(user=world.reporter, report=report, version=report.version)
    services.report_approve(user=world.reviewer, report=report, version=report.version)
    public = {
        v["governorate"]: v for v in client_for().get(url("indicator-values")).json()["results"]
    }
    assert public["IQ-BA"]["value"] is None and public["IQ-BA"]["suppressed"] is True
    # Baghdad's 12 is not small, but with Basra hidden it would give away nothing only
    # while no total is published; visitors get no individual sensitive value at all.
    assert public["IQ-BG"]["value"] is None and public["IQ-BG"]["suppressed"] is True
    signed_in = {
        v["governorate"]: v
        for v in client_for(world.partner).get(url("indicator-values")).json()["results"]
    }
    assert signed_in["IQ-BA"]["value"] == "3.0000"
    assert signed_in["IQ-BG"]["value"] == "12.0000"
    csv_text = client_for().get(url("indicator-values", format="csv")).content.decode()
    assert "3.0000" not in csv_text and "12.0000" not in csv_text


@pytest.mark.parametrize(
    "body",
    [
        "[" * 5000 + "]" * 5000,
        '{"a":' * 5000 + "1" + "}" * 5000,
        '{"version": 1, "achievements": ' + "[" * 200 + "]" * 200 + "}",
    ],
    ids=["lists-5000", "objects-5000", "field-200"],
)
def test_a_deeply_nested_json_body_is_a_clear_400(world, body):
    report = draft(world)
    client = client_for(world.reporter)
    for response in (
        client.post(url("reports"), body, content_type="application/json"),
        client.patch(url("reports", report.pk), body, content_type="application/json"),
    ):
        assert response.status_code == 400  # 500 before: RecursionError
        assert "nested too deeply" in response.json()["detail"]


def test_a_value_row_is_written_as_drfs_serializer_writes_it(demo):
    """The values list builds its rows from flat columns (analytics/api.py) instead of model
    instances and DRF's generic field machinery: for every approved value of the demo plan (in
    a governorate and nation-wide, sensitive ones too), for a visitor and for a signed-in
    account, the list, a value's own address and an export job write what DRF's
    ModelSerializer writes of the value's model instance."""
    from django.contrib.auth.models import AnonymousUser
    from django.test import RequestFactory
    from rest_framework import serializers

    from accounts.models import User
    from analytics.api import IndicatorValueSerializer, IndicatorValueViewSet
    from reporting.models import IndicatorValue

    values = IndicatorValue.objects.filter(report__status="approved")
    assert values.filter(governorate=None).exists() and values.filter(governorate__isnull=False)
    assert values.filter(indicator__is_sensitive=True).exists()
    instances = {
        v.pk: v
        for v in values.select_related(
            "indicator", "governorate", "report__period__policy", "report__entity"
        ).select_related("report__activity__objective__pillar")
    }
    for user in (AnonymousUser(), User.objects.get(username="reviewer")):
        request = RequestFactory().get("/api/v1/indicator-values/")
        request.user = user
        view = IndicatorValueViewSet(request=request, format_kwarg=None, kwargs={})
        rows = view.get_serializer(view.get_queryset(), many=True).data
        generic = IndicatorValueSerializer(context={"request": request})
        assert len(rows) == len(instances)
        exported = {row["id"]: row for row in view.export_rows(view.get_queryset())}
        for row in rows:
            instance = instances[row["id"]]
            drf = serializers.ModelSerializer.to_representation(generic, instance)
            if drf["suppressed"]:
                drf["value"], drf["note"] = None, ""
            assert dict(row) == drf, row["id"]
            assert exported[row["id"]] == dict(row)
        one = view.get_serializer(view.get_queryset().get(pk=rows[0]["id"])).data
        assert dict(one) == dict(rows[0])


def test_filters_by_code_add_distinct_only_where_a_value_could_come_twice(rich):
    """`?period=`, `?pillar=`, `?policy=` follow foreign keys: a value matches once, and the
    DISTINCT that every code filter added cost the values list more to plan and run than the
    rest of its query. A theme (many per activity) still needs it, and still lists each value
    once."""
    partner = client_for(rich.partner)
    for query in ({"period": "2022-Q2"}, {"pillar": rich.activity.objective.pillar.code}):
        with CaptureQueriesContext(connection) as queries:
            answer = partner.get(url("indicator-values", **query))
        assert answer.status_code == 200 and answer.json()["results"]
        assert not any("DISTINCT" in q["sql"] for q in queries.captured_queries), query
    rich.activity.themes.set(Theme.objects.all())  # two themes: a join row for each
    with CaptureQueriesContext(connection) as queries:
        themed = partner.get(url("indicator-values", theme="covid-19", page_size=500)).json()
    assert any("DISTINCT" in q["sql"] for q in queries.captured_queries)
    ids = [v["id"] for v in themed["results"]]
    assert ids and len(ids) == len(set(ids))
