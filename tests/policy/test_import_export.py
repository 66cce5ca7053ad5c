"""Spreadsheet import and export of the plan, as Directorate staff use them."""

import csv
import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
import tablib
from django.urls import reverse

from accounts.models import Role
from core.sheets import SHEETS, SheetRefused, load_dataset, sheet_export, sheet_import
from governorates.models import District, Governorate
from indicators.models import Disaggregation, Indicator, ReportingPeriod, Target
from pillars.models import Pillar
from policy.models import Activity, ActivityPartner, Entity, Objective, Theme, VulnerableGroup
from tests.factories import PolicyFactory, UserFactory, with_role
from tests.signin_helpers import verified_login

ORDER = list(SHEETS)  # dependency order: governorates ... targets


@pytest.fixture
def plan(reference):
    policy = PolicyFactory(code="np", start_year=2021, end_year=2024)
    wed = Entity.objects.get(code="wed")
    baghdad, ninewa = Governorate.objects.get(code="IQ-BG"), Governorate.objects.get(code="IQ-NI")
    District.objects.create(
        governorate=baghdad, code="BG-KRK", name_en="Karkh", name_ar="الكرخ", name_ckb="کەرخ"
    )
    Entity.objects.create(
        code="local-cbo",
        kind="cbo",
        level="local",
        governorate=ninewa,
        parent=Entity.objects.get(code="iwn"),
        name_en="Mosul women's CBO",
    )
    parent = Objective.objects.create(
        policy=policy,
        pillar=Pillar.objects.get(code="participation"),
        code="1",
        title_en="More women decide",
        title_ar="مشاركة أكبر",
        title_ckb="بەشداری زیاتر",
    )
    objective = Objective.objects.create(
        policy=policy,
        pillar=Pillar.objects.get(code="participation"),
        code="1.1",
        parent=parent,
        title_en="Women in crisis cells",
        description="COVID-19 committees",
    )
    activity = Activity.objects.create(
        objective=objective,
        code="1.1.1",
        title_en="Train women for crisis cells",
        title_ar="تدريب النساء",
        title_ckb="ڕاهێنانی ئافرەتان",
        lead_entity=wed,
        start_date=datetime.date(2021, 3, 1),
        end_date=datetime.date(2022, 6, 30),
        status="in_progress",
        planned_budget=Decimal("1234.50"),
        currency="USD",
    )
    activity.governorates.set([baghdad, ninewa])
    ActivityPartner.objects.create(
        activity=activity, entity=Entity.objects.get(code="unami"), role="supporting"
    )
    ActivityPartner.objects.create(
        activity=activity, entity=Entity.objects.get(code="alliance-1325")
    )
    nationwide = Activity.objects.create(
        objective=objective,
        code="1.1.2",
        title_en="Consult women's organisations",
        lead_entity=Entity.objects.get(code="alliance-1325"),
        is_nationwide=True,
        start_date=datetime.date(2021, 1, 1),
        end_date=datetime.date(2024, 12, 31),
    )
    nationwide.target_groups.set(VulnerableGroup.objects.filter(code__in=["idps", "girls"]))
    nationwide.themes.set(Theme.objects.filter(code="covid-19"))
    outcome = Indicator.objects.create(
        policy=policy,
        objective=objective,
        code="1.1-o1",
        title_en="Share of women members",
        unit="percent",
        baseline_value=Decimal("12.5"),
        baseline_year=2020,
        aggregation="latest",
        responsible_entity=wed,
        data_source="Council of Ministers",
    )
    outcome.disaggregations.set(Disaggregation.objects.filter(code__in=["sex", "governorate"]))
    output = Indicator.objects.create(
        policy=policy,
        activity=activity,
        code="1.1.1-a",
        title_en="Women trained",
        unit="number",
        baseline_value=Decimal("0"),
        is_sensitive=True,
        direction="increase",
    )
    q4 = ReportingPeriod.objects.create(
        policy=policy,
        label="2021-Q4",
        start_date=datetime.date(2021, 10, 1),
        end_date=datetime.date(2021, 12, 31),
        due_date=datetime.date(2022, 1, 31),
    )
    Target.objects.create(indicator=outcome, period=q4, value=Decimal("20"))
    Target.objects.create(indicator=output, period=q4, governorate=baghdad, value=Decimal("40"))
    Target.objects.create(indicator=output, period=q4, value=Decimal("75"), note="first year")
    return policy


@pytest.fixture
def importer(db):
    """A Directorate admin (the import right comes with the role), not a superuser."""
    return with_role(UserFactory(username="importer"), Role.DIRECTORATE_ADMIN)


def withhold(monkeypatch, *perms):
    """Take permissions away from every role (accounts.roles), as a narrower role would."""
    from accounts import roles

    granted = roles.permissions_of
    monkeypatch.setattr(roles, "permissions_of", lambda user: granted(user) - set(perms))


def export_all():
    return {name: sheet_export(sheet=name) for name in ORDER}


def as_rows(dataset):
    return [dict(zip(dataset.headers, row, strict=True)) for row in dataset]


def through_xlsx(dataset):
    return load_dataset(dataset.export("xlsx"), "sheet.xlsx")


def through_csv(dataset):
    return load_dataset(dataset.export("csv").encode("utf-8"), "sheet.csv")


def snapshot():
    """Everything an import could change, as plain values."""
    return {name: as_rows(ds) for name, ds in export_all().items()} | {
        "history": sum(m.history.count() for m in (Activity, Objective, Entity, Indicator, Target))
    }


@pytest.mark.parametrize("carrier", [through_xlsx, through_csv], ids=["xlsx", "csv"])
def test_an_exported_plan_imports_into_an_empty_installation_unchanged(plan, importer, carrier):
    before = export_all()
    sheets = {name: carrier(ds) for name, ds in before.items()}
    Target.objects.all().delete()
    Indicator.objects.all().delete()
    Activity.objects.all().delete()
    Objective.objects.filter(parent__isnull=False).delete()
    Objective.objects.all().delete()
    District.objects.all().delete()
    Entity.objects.filter(code="local-cbo").delete()

    for name in ORDER:
        sheet_import(user=importer, sheet=name, dataset=sheets[name])

    after = export_all()
    for name in ORDER:
        assert as_rows(after[name]) == as_rows(before[name]), name
    activity = Activity.objects.get(code="1.1.1")
    assert activity.planned_budget == Decimal("1234.50")
    assert {(p.entity.code, p.role) for p in activity.partnerships.all()} == {
        ("unami", "supporting"),
        ("alliance-1325", "implementing"),
    }


def test_importing_the_same_sheet_twice_changes_nothing_the_second_time(plan, importer):
    sheets = {name: through_xlsx(ds) for name, ds in export_all().items()}
    before = snapshot()
    for name in ORDER:
        result = sheet_import(user=importer, sheet=name, dataset=sheets[name])
        assert result.totals["new"] == result.totals["update"] == 0, name
    assert snapshot() == before


def test_an_import_records_who_changed_what(plan, importer):
    ds = through_csv(sheet_export(sheet="activities"))
    ds[0] = tuple(
        "Renamed" if h == "title_en" else v for h, v in zip(ds.headers, ds[0], strict=True)
    )
    sheet_import(user=importer, sheet="activities", dataset=ds)
    latest = Activity.objects.get(code="1.1.1").history.first()
    assert latest.title_en == "Renamed"
    assert latest.history_user == importer
    assert latest.history_change_reason == "Imported from a spreadsheet"


def activities_sheet(**changes_by_row):
    """The exported activities sheet as CSV rows, with some cells changed."""
    ds = sheet_export(sheet="activities")
    rows = as_rows(ds)
    for index, changes in changes_by_row.items():
        rows[int(index.removeprefix("row"))].update(changes)
    return tablib.Dataset(*[list(r.values()) for r in rows], headers=ds.headers)


def refused_with(user, sheet, dataset):
    before = snapshot()
    with pytest.raises(SheetRefused) as info:
        sheet_import(user=user, sheet=sheet, dataset=dataset)
    assert snapshot() == before, "a refused sheet must leave the database unchanged"
    return info.value.problems


def test_a_sheet_without_a_required_column_is_refused(plan, importer):
    ds = sheet_export(sheet="activities")
    del ds["lead_entity"]
    problems = refused_with(importer, "activities", ds)
    assert any("lead_entity" in p and "lacks the column" in p for p in problems)


def test_an_unknown_pillar_code_is_refused_naming_row_and_column(plan, importer):
    ds = sheet_export(sheet="objectives")
    rows = as_rows(ds)
    rows[1]["pillar"] = "peacekeeping"
    bad = tablib.Dataset(*[list(r.values()) for r in rows], headers=ds.headers)
    problems = refused_with(importer, "objectives", bad)
    assert "Row 3, column “pillar”: There is no pillar with the code “peacekeeping”." in problems


def test_an_unknown_entity_code_is_refused_and_the_good_rows_are_not_written(plan, importer):
    ds = activities_sheet(row0={"title_en": "A good change"}, row1={"lead_entity": "nobody"})
    problems = refused_with(importer, "activities", ds)
    assert "Row 3, column “lead_entity”: There is no entity with the code “nobody”." in problems
    assert not Activity.objects.filter(title_en="A good change").exists()


def test_unknown_codes_in_a_list_column_are_refused(plan, importer):
    problems = refused_with(
        importer, "activities", activities_sheet(row0={"governorates": "IQ-BG;IQ-XX"})
    )
    assert any(p.startswith("Row 2, column “governorates”") and "IQ-XX" in p for p in problems)


def test_a_duplicate_code_in_the_sheet_is_refused(plan, importer):
    ds = activities_sheet(row1={"code": "1.1.1"})
    problems = refused_with(importer, "activities", ds)
    assert any(p.startswith("Row 3, column “code”: Row 2 has the same") for p in problems)


def test_text_in_a_number_column_is_refused(plan, importer):
    problems = refused_with(
        importer, "activities", activities_sheet(row0={"planned_budget": "a lot"})
    )
    assert "Row 2, column “planned_budget”: “a lot” is not a number." in problems


def test_an_end_before_the_start_is_refused(plan, importer):
    ds = activities_sheet(row0={"start_date": "2022-05-01", "end_date": "2022-04-30"})
    problems = refused_with(importer, "activities", ds)
    assert "Row 2, column “end_date”: The end date cannot be before the start date." in problems


def test_an_empty_required_cell_is_refused(plan, importer):
    problems = refused_with(importer, "activities", activities_sheet(row1={"title_en": ""}))
    assert "Row 3, column “title_en”: This field cannot be blank." in problems


def test_every_problem_of_a_sheet_is_reported_at_once(plan, importer):
    ds = activities_sheet(row0={"planned_budget": "x"}, row1={"lead_entity": "nobody"})
    problems = refused_with(importer, "activities", ds)
    assert len(problems) == 2


def test_a_file_that_is_not_a_spreadsheet_is_refused_by_name():
    with pytest.raises(SheetRefused) as info:
        load_dataset(b"not a zip file", "plan.xlsx")
    assert "plan.xlsx could not be read as XLSX" in info.value.problems[0]


@pytest.mark.parametrize(
    "text", ['=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)", "\tcalc", "\rcalc"]
)
def test_formula_cells_are_neutralised_on_export_and_restored_on_import(plan, importer, text):
    Entity.objects.filter(code="wed").update(name_ar=text)
    exported = sheet_export(sheet="entities")
    workbook = openpyxl.load_workbook(io.BytesIO(exported.export("xlsx")))
    rows = list(workbook.active.iter_rows(values_only=True))
    xlsx_cells = [r[rows[0].index("name_ar")] for r in rows[1:]]
    csv_rows = list(csv.reader(io.StringIO(exported.export("csv"), newline="")))
    csv_cells = [r[csv_rows[0].index("name_ar")] for r in csv_rows[1:]]
    # What matters is the leading quote. A carriage return comes back as it was when openpyxl
    # writes with lxml (escaped as &#13;, since lxml became a dependency for the IATI file), as
    # a line feed when it writes without (XML's line-end normalisation).
    xlsx_text = next((t for t in (text, text.replace("\r", "\n")) if "'" + t in xlsx_cells), text)
    assert "'" + xlsx_text in xlsx_cells and xlsx_text not in xlsx_cells
    assert "'" + text in csv_cells and text not in csv_cells

    sheet = through_csv(exported)
    Entity.objects.filter(code="wed").update(name_ar="something else")
    sheet_import(user=importer, sheet="entities", dataset=sheet)
    assert Entity.objects.get(code="wed").name_ar == text


def test_a_user_without_the_import_right_cannot_import(plan):
    clerk = with_role(UserFactory(username="clerk"), Role.DIRECTORATE_REVIEWER)
    with pytest.raises(SheetRefused) as info:
        sheet_import(user=clerk, sheet="activities", dataset=sheet_export(sheet="activities"))
    assert "You may not import activities." in info.value.problems


def test_the_admin_import_page_is_closed_without_the_import_right(client, plan):
    clerk = with_role(UserFactory(username="clerk"), Role.DIRECTORATE_REVIEWER)
    verified_login(client, clerk)
    assert client.get(reverse("admin:policy_activity_import")).status_code == 403


def test_staff_with_the_import_right_imports_through_the_admin(client, plan, importer):
    verified_login(client, importer)
    ds = activities_sheet(row0={"title_en": "Changed in the admin"})
    upload = io.BytesIO(ds.export("xlsx"))
    upload.name = "activities.xlsx"
    page = client.post(
        reverse("admin:policy_activity_import"), {"resource": 0, "format": 0, "import_file": upload}
    )
    assert page.status_code == 200
    confirm = page.context["confirm_form"]
    assert confirm is not None, page.content.decode()[:2000]
    done = client.post(
        reverse("admin:policy_activity_process_import"), {**confirm.initial, "resource": 0}
    )
    assert done.status_code == 302
    assert Activity.objects.get(code="1.1.1").title_en == "Changed in the admin"


def test_the_admin_shows_a_bad_sheet_with_its_problem_and_writes_nothing(client, plan, importer):
    verified_login(client, importer)
    ds = activities_sheet(row0={"planned_budget": "lots"})
    upload = io.BytesIO(ds.export("xlsx"))
    upload.name = "activities.xlsx"
    page = client.post(
        reverse("admin:policy_activity_import"), {"resource": 0, "format": 0, "import_file": upload}
    )
    assert "“lots” is not a number." in page.content.decode()
    assert page.context.get("confirm_form") is None


def test_a_sheet_exported_from_the_admin_imports_back_unchanged(client, plan, importer):
    verified_login(client, importer)
    before = as_rows(sheet_export(sheet="activities"))
    form = client.get(reverse("admin:policy_activity_export")).context["form"]
    every_column = {name: "on" for name in form.fields if name.startswith("activityresource_")}
    exported = client.post(
        reverse("admin:policy_activity_export"), {"format": 0, "resource": 0, **every_column}
    )
    assert exported.status_code == 200
    assert exported["Content-Type"].startswith("application/vnd.openxmlformats")
    Activity.objects.filter(code="1.1.2").delete()

    upload = io.BytesIO(exported.content)
    upload.name = "activities.xlsx"
    page = client.post(
        reverse("admin:policy_activity_import"), {"resource": 0, "format": 0, "import_file": upload}
    )
    confirm = page.context["confirm_form"]
    client.post(reverse("admin:policy_activity_process_import"), {**confirm.initial, "resource": 0})
    assert as_rows(sheet_export(sheet="activities")) == before


def test_a_new_imported_activity_has_one_history_entry_with_its_governorates(plan, importer):
    sheet = through_csv(sheet_export(sheet="activities"))
    Target.objects.all().delete()
    Indicator.objects.all().delete()
    Activity.objects.all().delete()
    sheet_import(user=importer, sheet="activities", dataset=sheet)
    (record,) = Activity.objects.get(code="1.1.1").history.all()
    assert record.history_type == "+"
    assert record.history_user == importer
    codes = {row.governorate.code for row in record.governorates.all()}
    assert codes == {"IQ-BG", "IQ-NI"}


def test_a_missing_column_is_one_problem_not_one_per_row(plan, importer):
    ds = sheet_export(sheet="activities")
    del ds["currency"]
    problems = refused_with(importer, "activities", ds)
    assert len(problems) == 1 and "currency" in problems[0]


def test_real_date_cells_from_excel_import_twice_without_changes(plan, importer):
    ds = sheet_export(sheet="activities")
    rows = as_rows(ds)
    for row in rows:
        for column in ("start_date", "end_date"):
            row[column] = datetime.datetime.fromisoformat(row[column])  # a date cell
    workbook_sheet = tablib.Dataset(*[list(r.values()) for r in rows], headers=ds.headers)
    sheet = through_xlsx(workbook_sheet)
    before = snapshot()
    result = sheet_import(user=importer, sheet="activities", dataset=sheet)
    assert result.totals["update"] == 0
    assert snapshot() == before


def test_a_decimal_comma_is_refused_rather_than_misread(plan, importer):
    problems = refused_with(
        importer, "activities", activities_sheet(row0={"planned_budget": "1,5"})
    )
    assert any("write decimals with a point" in p for p in problems)


def test_thousands_separators_are_read(plan, importer):
    sheet_import(
        user=importer,
        sheet="activities",
        dataset=activities_sheet(row0={"planned_budget": "1,234,567.50"}),
    )
    assert Activity.objects.get(code="1.1.1").planned_budget == Decimal("1234567.50")


def test_blank_rows_at_the_end_of_a_sheet_are_ignored(plan, importer):
    ds = sheet_export(sheet="activities")
    ds.append([""] * len(ds.headers))
    ds.append([None] * len(ds.headers))
    before = snapshot()
    sheet_import(user=importer, sheet="activities", dataset=through_xlsx(ds))
    assert snapshot() == before


def test_a_csv_with_semicolons_from_excel_imports(plan, importer):
    text = sheet_export(sheet="entities").export("csv")
    rows = list(csv.reader(io.StringIO(text)))
    out = io.StringIO()
    csv.writer(out, delimiter=";").writerows(rows)
    Entity.objects.filter(code="wed").update(acronym="changed")
    sheet_import(
        user=importer,
        sheet="entities",
        dataset=load_dataset(out.getvalue().encode("utf-8"), "entities.csv"),
    )
    assert Entity.objects.get(code="wed").acronym == "WED"


def test_an_unknown_policy_is_named_as_the_problem(plan, importer):
    problems = refused_with(importer, "activities", activities_sheet(row0={"policy": "np-9"}))
    assert any("There is no policy with the code “np-9”" in p for p in problems)


def test_two_policies_with_the_same_codes_export_and_import_back(plan, importer):
    second = PolicyFactory(code="np2", start_year=2025, end_year=2028)
    for objective in Objective.objects.filter(policy=plan, parent__isnull=True):
        Objective.objects.create(
            policy=second, pillar=objective.pillar, code=objective.code, title_en=objective.title_en
        )
    copy = Activity.objects.get(code="1.1.2")
    copy.pk, copy.objective = None, Objective.objects.get(policy=second, code="1")
    copy.save()
    before = snapshot()
    for name in ("objectives", "activities"):
        sheet_import(user=importer, sheet=name, dataset=through_csv(sheet_export(sheet=name)))
    assert snapshot() == before


def test_only_an_active_directorate_admin_imports_from_the_command_line(plan, importer):
    importer.memberships.update(is_active=False)
    with pytest.raises(SheetRefused):
        sheet_import(user=importer, sheet="activities", dataset=sheet_export(sheet="activities"))


# -- admin import errors: a message naming row and column, never a traceback ----------------
def _admin_import(client, dataset, name="activities.csv"):
    upload = io.BytesIO(dataset.export("csv").encode("utf-8"))
    upload.name = name
    return client.post(
        reverse("admin:policy_activity_import"), {"resource": 0, "format": 1, "import_file": upload}
    )


def _assert_no_traceback(page):
    assert "Traceback" not in page
    assert ".py" not in page.replace("jsi18n", "")
    assert "site-packages" not in page and "/work/" not in page


def test_an_admin_import_without_a_column_names_it_without_a_traceback(client, plan, importer):
    verified_login(client, importer)
    ds = activities_sheet()
    del ds["title_en"]
    page = _admin_import(client, ds).content.decode()
    assert "The sheet lacks the column(s): title_en." in page
    _assert_no_traceback(page)


def test_an_admin_import_row_error_names_the_row_without_a_traceback(
    client, plan, importer, monkeypatch
):
    withhold(monkeypatch, "policy.change_activity")
    verified_login(client, importer)
    page = _admin_import(client, activities_sheet(row0={"title_en": "Renamed"})).content.decode()
    # The header is row 1 of the spreadsheet, so the first activity is row 2.
    assert "Row 2: You may not change activities." in page
    assert "Renamed" in page  # the row's cells, to find it in the sheet
    _assert_no_traceback(page)
    assert Activity.objects.get(code="1.1.1").title_en == "Train women for crisis cells"


def test_an_error_at_the_confirm_step_is_shown_not_reported_as_success(
    client, plan, importer, monkeypatch
):
    verified_login(client, importer)
    page = _admin_import(client, activities_sheet(row0={"title_en": "Renamed"}))
    confirm = page.context["confirm_form"]
    assert confirm is not None
    # Between the preview and the confirmation the right to change activities is taken away.
    withhold(monkeypatch, "policy.change_activity")
    done = client.post(
        reverse("admin:policy_activity_process_import"), {**confirm.initial, "resource": 0}
    )
    body = done.content.decode()
    assert done.status_code == 200, "an import that failed must not redirect with success"
    assert "Row 2: You may not change activities." in body
    _assert_no_traceback(body)
    assert Activity.objects.get(code="1.1.1").title_en == "Train women for crisis cells"


# -- large sheets: the number of queries does not grow with the rows --------------------------
def _many_activities(n):
    headers = list(sheet_export(sheet="activities").headers)
    rows = []
    for i in range(n):
        row = {
            "policy": "np",
            "objective": "1.1",
            "code": f"9.{i}",
            "title_en": f"Activity {i}",
            "title_ar": f"نشاط {i}",
            "title_ckb": f"چالاکی {i}",
            "description": "",
            "lead_entity": "wed",
            "partners": "alliance-1325:implementing;unami:supporting",
            "is_nationwide": 0,
            "governorates": "IQ-BG;IQ-NI;IQ-BA",
            "target_groups": "idps;girls",
            "themes": "covid-19",
            "start_date": "2021-01-01",
            "end_date": "2022-12-31",
            "status": "in_progress",
            "planned_budget": 1000 + i,
            "currency": "IQD",
        }
        rows.append([row[h] for h in headers])
    return tablib.Dataset(*rows, headers=headers)


def _queries(fn):
    """Queries that do work: savepoints (one per row, so that a failing row is reported on its
    own, and around each service call) cost no round trip to speak of and are not counted."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        fn()
    return sum(1 for q in queries if "SAVEPOINT" not in q["sql"])


def test_an_import_reads_codes_rows_and_lists_once_per_sheet(plan, importer, settings):
    """A 3,000-row sheet went past gunicorn's 30 s: about 70 queries a row. The codes, the
    existing rows with their lists and the list tables are now read once per sheet: importing an
    unchanged sheet costs the same for 10 or 60 rows, and a new row only what writing it takes
    (the row, its lists, partners and history, through the services). The dashboards' figures
    are refreshed once, after the import commits (as in production), not after each row."""
    settings.FIGURES_REFRESH = "on_commit"
    costs = {}
    for n in (10, 60):
        Activity.objects.filter(code__startswith="9.").delete()
        sheet = _many_activities(n)
        new = _queries(lambda s=sheet: sheet_import(user=importer, sheet="activities", dataset=s))
        again = _queries(lambda s=sheet: sheet_import(user=importer, sheet="activities", dataset=s))
        costs[n] = (new, again)
        assert Activity.objects.filter(code__startswith="9.").count() == n
    (new_10, again_10), (new_60, again_60) = costs[10], costs[60]
    assert again_60 - again_10 <= 3, costs  # unchanged rows: nothing written, nothing asked
    # Writing: at most 40 queries a new row (70 before: validation twice, a lookup per code).
    assert (new_60 - new_10) / 50 <= 40, costs


def test_the_admin_preview_writes_nothing_and_the_confirmation_writes_once(client, plan, importer):
    """The preview ran the whole import in a transaction rolled back, then the confirmation ran
    it again: 70 queries a row, twice. Now the preview checks every row and writes nothing; the
    confirmation writes the rows once, in bulk."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    verified_login(client, importer)
    sheet = _many_activities(30)
    with CaptureQueriesContext(connection) as preview:
        page = _admin_import(client, sheet, name="many.csv")
    writes = [q["sql"] for q in preview if q["sql"].startswith(("INSERT", "UPDATE", "DELETE"))]
    assert not [w for w in writes if "policy_" in w or "historical" in w], writes[:3]
    assert not Activity.objects.filter(code__startswith="9.").exists()
    confirm = page.context["confirm_form"]
    with CaptureQueriesContext(connection) as confirmation:
        client.post(
            reverse("admin:policy_activity_process_import"), {**confirm.initial, "resource": 0}
        )
    assert Activity.objects.filter(code__startswith="9.").count() == 30
    table = 'INSERT INTO "policy_activity"'
    inserts = [q["sql"] for q in confirmation if q["sql"].startswith(table)]
    assert len(inserts) == 1  # one statement for the 30 rows


def test_a_partner_removed_by_an_import_is_recorded_once_under_the_importers_name(plan, importer):
    """A partnership taken out of an activity's partners is deleted with one history record,
    the importer's: the bulk delete wrote its own record and the delete signal another, with no
    one's name."""
    from policy.models import ActivityPartner

    sheet = as_rows(sheet_export(sheet="activities"))
    dataset = sheet_export(sheet="activities")
    column = dataset.headers.index("partners")
    rows = [list(r) for r in dataset]
    for row in rows:
        if row[dataset.headers.index("code")] == "1.1.1":
            row[column] = "unami:supporting"
    assert sheet
    sheet_import(
        user=importer,
        sheet="activities",
        dataset=tablib.Dataset(*rows, headers=dataset.headers),
    )
    removed = ActivityPartner.history.filter(history_type="-")
    assert removed.count() == 1
    assert removed.get().history_user == importer
