"""Rules defined once and used by every caller (issue 15): an activity's code is unique in its
plan, whichever way the activity is written; what an entity owes reports on; what visitors see;
the range of a reported number."""

import pytest
import tablib
from django.core.exceptions import ValidationError
from django.urls import reverse
from rest_framework.test import APIClient

from policy.models import Activity
from policy.sheets import SheetRefused, sheet_export, sheet_import
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
