"""Rules defined once and used by every caller (issue 15): an activity's code is unique in its
plan, whichever way the activity is written; what an entity owes reports on; what visitors see;
the range of a reported number."""

import datetime

import pytest
import tablib
from django.core.exceptions import ValidationError
from django.urls import reverse
from rest_framework.test import APIClient

from core.sheets import SheetRefused, sheet_export, sheet_import
from policy.models import Activity
from tests.factories import (
    ActivityFactory,
    EntityFactory,
    ObjectiveFactory,
    PolicyFactory,
    UserFactory,
    api_key,
)

TAKEN = "Another activity of this plan already has this code"


# -- an activity's code is unique in its plan ------------------------------------------------


@pytest.fixture
def two_objectives(db):
    """A plan with two objectives; objective 1 has activity 1.1.1."""
    policy = PolicyFactory(code="np")
    first = ObjectiveFactory(policy=policy, code="1")
    second = ObjectiveFactory(policy=policy, code="2", pillar=first.pillar)
    taken = ActivityFactory(objective=first, code="1.1.1")
    free = ActivityFactory(objective=second, code="2.1.1")
    return policy, first, second, taken, free


def _admin_form_data(client, url, **fields):
    """The admin form's data as the page shows it (inline management forms included), with
    `fields` changed."""
    page = client.get(url)
    assert page.status_code == 200
    data = {}
    form = page.context["adminform"].form
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value is None:
            continue
        if isinstance(value, list | tuple):
            value = [getattr(v, "pk", v) for v in value]
        data[name] = getattr(value, "pk", value)
    for inline in page.context["inline_admin_formsets"]:
        management = inline.formset.management_form
        for name in ("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS"):
            data[f"{management.prefix}-{name}"] = management.initial.get(name, 0)
    data.update(fields)
    return {k: v for k, v in data.items() if v is not None}


def test_the_admin_says_a_code_taken_in_another_objective_of_the_plan_on_the_code_field(
    director_client, two_objectives
):
    _policy, _first, second, taken, _free = two_objectives
    lead = EntityFactory()
    data = _admin_form_data(
        director_client,
        reverse("admin:policy_activity_add"),
        objective=second.pk,
        code=taken.code,
        title_en="Same code, other objective",
        lead_entity=lead.pk,
        status="planned",
        currency="IQD",
        start_date="2021-01-01",
        end_date="2021-12-31",
    )
    response = director_client.post(reverse("admin:policy_activity_add"), data)
    assert response.status_code == 200  # the form again, not a redirect with a server message
    errors = response.context["adminform"].form.errors
    assert TAKEN in " ".join(errors.get("code", [])), errors
    assert Activity.objects.filter(code=taken.code).count() == 1


def test_the_admin_says_so_when_an_activity_is_changed_to_a_taken_code(
    director_client, two_objectives
):
    _policy, _first, _second, taken, free = two_objectives
    url = reverse("admin:policy_activity_change", args=[free.pk])
    data = _admin_form_data(director_client, url, code=taken.code)
    response = director_client.post(url, data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert TAKEN in " ".join(errors.get("code", [])), errors
    free.refresh_from_db()
    assert free.code == "2.1.1"


def test_the_same_code_in_another_plan_is_fine(two_objectives):
    _policy, _first, _second, taken, _free = two_objectives
    elsewhere = ActivityFactory.build(
        objective=ObjectiveFactory(policy=PolicyFactory(code="np-2"), code="1"),
        code=taken.code,
        lead_entity=EntityFactory(),
    )
    elsewhere.full_clean()


def test_full_clean_names_the_code_field(two_objectives):
    _policy, _first, second, taken, _free = two_objectives
    duplicate = ActivityFactory.build(
        objective=second, code=taken.code, lead_entity=EntityFactory()
    )
    with pytest.raises(ValidationError) as refused:
        duplicate.full_clean()
    assert TAKEN in " ".join(refused.value.message_dict["code"])


@pytest.fixture
def importer(db):
    return UserFactory(username="importer", is_staff=True, is_superuser=True)


def _activities_sheet(rows):
    """The activities sheet as exported, with `rows` ({column: value}) added."""
    exported = sheet_export(sheet="activities")
    blank = dict.fromkeys(exported.headers, "")
    added = [
        {
            **blank,
            "policy": "np",
            "title_en": "New",
            "status": "planned",
            "currency": "IQD",
            "start_date": "2021-01-01",
            "end_date": "2021-12-31",
            **row,
        }
        for row in rows
    ]
    return tablib.Dataset(
        *[list(r) for r in exported],
        *[[row[h] for h in exported.headers] for row in added],
        headers=exported.headers,
    )


def test_an_imported_row_with_a_code_taken_in_another_objective_is_named(importer, two_objectives):
    _policy, _first, _second, taken, _free = two_objectives
    lead = EntityFactory(code="lead")
    sheet = _activities_sheet([{"objective": "2", "code": taken.code, "lead_entity": lead.code}])
    with pytest.raises(SheetRefused) as refused:
        sheet_import(user=importer, sheet="activities", dataset=sheet)
    problems = refused.value.problems
    # The header is row 1, the two stored activities rows 2 and 3: the new row is row 4.
    assert any(p.startswith("Row 4, column “code”") and TAKEN in p for p in problems), problems
    assert Activity.objects.count() == 2


def test_two_imported_rows_with_one_code_in_two_objectives_are_named(importer, two_objectives):
    lead = EntityFactory(code="lead")
    sheet = _activities_sheet(
        [
            {"objective": "1", "code": "9.9.9", "lead_entity": lead.code},
            {"objective": "2", "code": "9.9.9", "lead_entity": lead.code},
        ]
    )
    with pytest.raises(SheetRefused) as refused:
        sheet_import(user=importer, sheet="activities", dataset=sheet)
    problems = refused.value.problems
    assert any(p.startswith("Row 5, column “code”") and TAKEN in p for p in problems), problems
    assert not Activity.objects.filter(code="9.9.9").exists()


def test_a_plan_workbook_with_a_code_taken_in_another_objective_is_refused_naming_the_row(
    importer, two_objectives
):
    from core import planbook
    from core.workbook import WorkbookRefused

    policy, _first, _second, taken, free = two_objectives
    content = planbook.write_workbook(policy=policy, only="plan")
    book = _edited(content, "activities", free.code, "code", taken.code)
    with pytest.raises(WorkbookRefused) as refused:
        planbook.import_workbook(user=importer, content=book, name="plan.xlsx")
    problems = "\n".join(refused.value.problems)
    assert TAKEN in problems and "column “code”" in problems, problems
    free.refresh_from_db()
    assert free.code == "2.1.1"


def _edited(content, sheet, code, key, value):
    """The workbook with one cell changed: in `sheet`, the row whose code is `code`."""
    import io

    import openpyxl

    from core.workbook import KEY_ROW

    book = openpyxl.load_workbook(io.BytesIO(content))
    about = dict(book["about"].iter_rows(values_only=True))
    ws = book[about[f"sheet:{sheet}"]]
    keys = [c.value for c in ws[KEY_ROW]]
    for row in ws.iter_rows(min_row=KEY_ROW + 1):
        if row[keys.index("code")].value == code:
            row[keys.index(key)].value = value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_the_api_writes_no_activity(two_objectives):
    """Activities are written in the admin and by imports only: the API reads them."""
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {api_key(UserFactory(is_superuser=True))}")
    _policy, _first, second, taken, free = two_objectives
    created = client.post(
        "/api/v1/activities/", {"objective": second.pk, "code": taken.code}, format="json"
    )
    changed = client.patch(f"/api/v1/activities/{free.pk}/", {"code": taken.code}, format="json")
    assert created.status_code == changed.status_code == 405
    assert Activity.objects.count() == 2


# -- which activities an entity reports on -----------------------------------------------------


@pytest.fixture
def partnerships(db):
    """Activities of one plan and the entities around them: a lead, an implementing partner, a
    supporting partner, an outsider; one activity nation-wide, one in Baghdad and Basra, one in
    Basra only."""
    from policy.models import ActivityPartner
    from tests.factories import GovernorateFactory

    class Plan:
        pass

    p = Plan()
    p.baghdad, p.basra, p.erbil = (GovernorateFactory(code=c) for c in ("IQ-BG", "IQ-BA", "IQ-AR"))
    p.lead, p.implementer, p.supporter, p.outsider = (
        EntityFactory(code=c) for c in ("lead", "implementer", "supporter", "outsider")
    )
    objective = ObjectiveFactory(policy=PolicyFactory(code="np"), code="1")
    p.nationwide = ActivityFactory(
        objective=objective, code="1.1", lead_entity=p.lead, is_nationwide=True
    )
    p.nationwide.governorates.set([p.baghdad, p.basra])  # listed too: still one row
    p.two_places = ActivityFactory(objective=objective, code="1.2", lead_entity=p.supporter)
    p.two_places.governorates.set([p.baghdad, p.basra])
    p.basra_only = ActivityFactory(objective=objective, code="1.3", lead_entity=p.outsider)
    p.basra_only.governorates.set([p.basra])
    for activity in (p.nationwide, p.two_places, p.basra_only):
        ActivityPartner.objects.create(activity=activity, entity=p.implementer)
    ActivityPartner.objects.create(activity=p.two_places, entity=p.lead, role="supporting")
    ActivityPartner.objects.create(activity=p.basra_only, entity=p.supporter, role="supporting")
    return p


def codes(activities):
    return sorted(a.code for a in activities)


def test_an_entity_owes_reports_on_what_it_leads_or_implements_not_what_it_supports(
    partnerships,
):
    p = partnerships
    assert codes(Activity.objects.owed_by(p.lead.pk)) == ["1.1"]
    assert codes(Activity.objects.owed_by(p.implementer.pk)) == ["1.1", "1.2", "1.3"]
    assert codes(Activity.objects.owed_by(p.supporter.pk)) == ["1.2"]
    assert codes(Activity.objects.owed_by([p.lead.pk, p.supporter.pk])) == ["1.1", "1.2"]
    assert codes(Activity.objects.owed_by([])) == []


def test_an_activity_covers_its_governorates_or_all_when_nationwide(partnerships):
    p = partnerships
    assert codes(Activity.objects.covering(p.baghdad.pk)) == ["1.1", "1.2"]
    assert codes(Activity.objects.covering(p.basra)) == ["1.1", "1.2", "1.3"]
    assert codes(Activity.objects.covering(p.erbil.pk)) == ["1.1"]
    assert codes(Activity.objects.owed_by(p.implementer.pk, governorate=p.erbil.pk)) == ["1.1"]


def test_the_rule_on_a_prefetched_row_agrees_with_the_query_without_a_query(
    partnerships, django_assert_num_queries
):
    p = partnerships
    activities = list(Activity.objects.prefetch_related("partnerships", "governorates"))
    entities = (p.lead, p.implementer, p.supporter, p.outsider)
    places = (p.baghdad, p.basra, p.erbil)
    with django_assert_num_queries(0):
        in_memory = {
            (a.pk, e.pk, g.pk)
            for a in activities
            for e in entities
            for g in places
            if a.is_owed_by(e.pk) and a.covers(g.pk)
        }
    queried = {
        (a.pk, e.pk, g.pk)
        for e in entities
        for g in places
        for a in Activity.objects.owed_by(e.pk, governorate=g.pk)
    }
    assert in_memory == queried and len(queried) == 3 + 6 + 2 + 1


def test_owed_q_and_covering_q_reach_activities_from_reports(partnerships):
    """The same rule through a path: reports on the activities an entity owes, in a place."""
    from policy.models import covering_q, owed_q
    from reporting.models import ProgressReport
    from tests.factories import ReportingPeriodFactory

    p = partnerships
    period = ReportingPeriodFactory(policy=p.nationwide.objective.policy)
    author = UserFactory()
    for activity in (p.nationwide, p.two_places, p.basra_only):
        ProgressReport.objects.create(
            activity=activity, entity=p.implementer, period=period, created_by=author
        )
    reports = ProgressReport.objects.all()
    by_lead = reports.filter(owed_q(p.lead.pk, path="activity"))
    in_baghdad = reports.filter(covering_q(p.baghdad.pk, path="activity"))
    assert [r.activity.code for r in by_lead] == ["1.1"]
    assert sorted(r.activity.code for r in in_baghdad) == ["1.1", "1.2"]


def test_a_governorate_s_budget_counts_a_nationwide_activity_s_funding_once(partnerships):
    """The raw computation joined a nation-wide activity that also lists governorates once per
    governorate; the summaries the pages read count it once, and the two agree again."""
    from decimal import Decimal

    from analytics import figures, raw, selectors
    from tests.factories import FundingFactory

    p = partnerships
    policy = p.nationwide.objective.policy
    FundingFactory(activity=p.nationwide, planned=Decimal("100"))
    figures.refresh(policy_ids=[policy.pk])
    (line,) = raw.budget_by_source(policy, p.baghdad.pk)
    (summary,) = selectors.budget_by_source(policy, p.baghdad.pk)
    assert line["planned"] == summary["planned"] == Decimal("100")


def test_a_governorate_counts_a_nationwide_activity_that_lists_it_once(partnerships):
    """The raw map counted a nation-wide activity once as listed and once as nation-wide."""
    from analytics import figures, raw, selectors

    p = partnerships
    policy = p.nationwide.objective.policy
    figures.refresh(policy_ids=[policy.pk])
    in_baghdad = Activity.objects.filter(objective__policy=policy).covering(p.baghdad.pk)
    assert raw.activities_by_place(policy)[p.baghdad] == in_baghdad.count() == 2
    assert raw.governorate_measures(policy, None, "activities")[p.baghdad] == 2
    assert selectors.activity_count(policy, p.baghdad) == 2


# -- visitors see published plans only ---------------------------------------------------------


def test_published_q_reaches_the_plan_from_any_row(world):
    from indicators.models import Indicator, ReportingPeriod
    from policy.models import Objective, Policy, published_q
    from tests.factories import IndicatorFactory, ReportingPeriodFactory

    published = PolicyFactory(code="published", is_published=True)
    activity = ActivityFactory(objective__policy=published, code="9.9")
    indicator = IndicatorFactory(policy=published, objective=activity.objective, code="9.9-a")
    period = ReportingPeriodFactory(policy=published)
    rows = {
        Policy: ("", [published]),
        Objective: ("policy", [activity.objective]),
        Activity: ("objective__policy", [activity]),
        Indicator: ("policy", [indicator]),
        ReportingPeriod: ("policy", [period]),
    }
    for model, (path, expected) in rows.items():
        assert model.objects.count() > len(expected), model  # the world's plan has some too
        assert list(model.objects.filter(published_q(path))) == expected, model
    assert list(Policy.objects.published()) == [published]


@pytest.fixture
def links(world):
    """A law serving the world's objective and a recommendation acted on by its activity; the
    world's plan is not published."""
    from followup.models import LegalInstrument, Recommendation, SourceEvent

    law = LegalInstrument.objects.create(
        code="adv-law", kind="law", title_en="Law", pillar=world.activity.objective.pillar
    )
    law.objectives.set([world.activity.objective])
    source = SourceEvent.objects.create(code="conf", date=datetime.date(2020, 9, 26), title_en="C")
    item = Recommendation.objects.create(source=source, code="gr-1", text_en="Adopt the law.")
    item.activities.set([world.activity])
    return law, item


def test_a_visitor_sees_links_to_published_plans_only_in_the_api(world, links):
    anonymous, reviewer = APIClient(), APIClient()
    reviewer.credentials(HTTP_AUTHORIZATION=f"Token {api_key(world.reviewer)}")

    def linked(client):
        law = client.get("/api/v1/legal-instruments/").json()["results"][0]
        item = client.get("/api/v1/recommendations/").json()["results"][0]
        return law["objectives"], item["activities"]

    code = world.activity.objective.code
    assert linked(anonymous) == ([], [])
    assert linked(reviewer) == ([code], [world.activity.code])
    world.policy.is_published = True
    world.policy.save()
    assert linked(anonymous) == ([code], [world.activity.code])


def test_a_visitor_sees_links_to_published_plans_only_on_the_pages(client, world, links):
    law, item = links
    title = world.activity.objective.title
    instrument = reverse("followup:instrument", args=[law.code])
    recommendation = reverse("followup:recommendation", args=[item.pk])
    assert title not in client.get(instrument).content.decode()
    assert world.activity.title not in client.get(recommendation).content.decode()
    world.policy.is_published = True
    world.policy.save()
    assert title in client.get(instrument).content.decode()
    assert world.activity.title in client.get(recommendation).content.decode()


# -- the range of a number -----------------------------------------------------------------------


def test_the_range_of_a_number_follows_its_unit():
    from indicators.models import PERCENT_RANGE, Indicator, value_range

    assert PERCENT_RANGE == (0, 100)
    assert value_range(Indicator.Unit.PERCENT) == (0, 100)
    assert value_range(Indicator.Unit.YES_NO) == (0, 1)
    assert value_range(Indicator.Unit.NUMBER) == (0, None)
    assert value_range(Indicator.Unit.AMOUNT) == (0, None)


@pytest.fixture
def percent(world):
    from indicators.models import Indicator

    world.indicator.unit = Indicator.Unit.PERCENT
    world.indicator.save()
    return world.indicator


@pytest.mark.parametrize(
    ("value", "message"),
    [("101", "A percentage lies between 0 and 100."), ("-1", "A value cannot be negative.")],
)
def test_a_reported_percentage_out_of_range_gets_one_message_on_every_path(
    world, percent, value, message
):
    """The service's rule (the form, the workbook, the API save through it), and the bounds
    the form, the API's serializer and the workbook's cell check put on the field."""
    from decimal import Decimal

    from reporting import selectors, services, workbook
    from reporting.api import ValueInputSerializer
    from reporting.forms import ReportForm

    assert services.value_problem(percent, Decimal(value)) == message
    report = services.report_start(
        user=world.reporter, activity=world.activity, entity=world.cso_entity, period=world.period
    )
    rows = [r for r in selectors.value_rows(report) if r.indicator == percent]
    form = ReportForm(rows=rows, groups=[])
    field = form.fields[rows[0].key]
    assert (field.min_value, field.max_value) == (0, 100)
    check = workbook._value_check(percent)
    assert (check.minimum, check.maximum) == (0, 100)
    serializer = ValueInputSerializer(data={"indicator": percent.pk, "value": "-1"})
    assert not serializer.is_valid() and "value" in serializer.errors


def test_a_target_and_a_baseline_out_of_range_are_refused_on_the_value_field(world, percent):
    from decimal import Decimal

    from indicators.models import Target

    over = Target(indicator=percent, period=world.previous, value=Decimal("101"))
    with pytest.raises(ValidationError) as refused:
        over.full_clean()
    assert refused.value.message_dict["value"] == ["A percentage lies between 0 and 100."]
    below = Target(indicator=percent, period=world.previous, value=Decimal("-1"))
    with pytest.raises(ValidationError) as refused:
        below.full_clean()
    assert refused.value.message_dict["value"] == ["A target cannot be negative."]
    percent.baseline_value = Decimal("100.5")
    with pytest.raises(ValidationError) as refused:
        percent.full_clean()
    assert refused.value.message_dict["baseline_value"] == ["A percentage lies between 0 and 100."]


def test_percent_complete_above_100_is_refused_by_the_form_the_api_and_the_workbook(world):
    from core.workbook import Check
    from reporting import services, workbook
    from reporting.api import ReportUpdateSerializer
    from reporting.forms import ReportForm

    form = ReportForm(rows=[], groups=[])
    field = form.fields["percent_complete"]
    assert (field.min_value, field.max_value) == (0, 100)
    assert workbook._percent_check() == Check.integer(minimum=0, maximum=100)
    api = ReportUpdateSerializer(data={"version": 1, "percent_complete": 101})
    assert not api.is_valid() and "percent_complete" in api.errors
    report = services.report_start(
        user=world.reporter, activity=world.activity, entity=world.cso_entity, period=world.period
    )
    problems = services._field_problems(report, {"percent_complete": 101})
    assert problems == ["Percent complete lies between 0 and 100."]
