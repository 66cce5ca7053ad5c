"""The plan workbook (core/planbook.py): a whole plan and its reference data in one file, to
download and to import in one go, all or nothing, as the Directorate uses it."""

import io
from pathlib import Path

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core import planbook
from core.workbook import KEY_ROW, WorkbookRefused
from governorates.models import Governorate
from indicators.models import Indicator, ReportingPeriod, Target
from jobs.models import Job
from policy.models import Activity, ActivityPartner, Funding, Objective, Policy
from tests.factories import UserFactory
from tests.signin_helpers import verified_login

DATA = Path(__file__).resolve().parents[2] / "policy" / "data"
REFERENCE = (DATA / "reference.xlsx").read_bytes()
DEMO = (DATA / "demo-plan.xlsx").read_bytes()


@pytest.fixture
def boss(db):
    return UserFactory(username="boss", is_staff=True, is_superuser=True)


def cells(content):
    """Every data sheet's rows, as values, by sheet key (what an export holds)."""
    book = openpyxl.load_workbook(io.BytesIO(content))
    about = dict(book["about"].iter_rows(values_only=True))
    return {
        key.removeprefix("sheet:"): [list(r) for r in book[title].iter_rows(values_only=True)]
        for key, title in about.items()
        if str(key).startswith("sheet:")
    }


def edited(content, sheet, row, key, value):
    """The workbook with one cell changed: the row-th data row (1 is the first) of `sheet`,
    in the column whose key is `key`."""
    book = openpyxl.load_workbook(io.BytesIO(content))
    about = dict(book["about"].iter_rows(values_only=True))
    ws = book[about[f"sheet:{sheet}"]]
    keys = [c.value for c in ws[KEY_ROW]]
    ws.cell(row=KEY_ROW + row, column=keys.index(key) + 1, value=value)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_whole_plan_imports_from_one_workbook_and_exports_the_same(boss):
    """Into an empty installation, as a person with the rights: the reference data, then the
    demo plan, each from one workbook, every sheet in its order; exported again, the same
    cells; imported again, nothing changes."""
    reference = planbook.import_workbook(user=boss, content=REFERENCE, name="reference.xlsx")
    plan = planbook.import_workbook(user=boss, content=DEMO, name="demo-plan.xlsx")
    assert {o.name: o.new for o in reference}["governorates"] == 19
    new = {o.name: o.new for o in plan}
    assert new["policies"] == 1 and new["periods"] == 16 and new["activities"] > 20
    assert new["targets"] > new["indicators"] > 20 and new["funding"] > 0
    policy = Policy.objects.get(code="np-2021-2024")
    assert Activity.objects.filter(objective__policy=policy).count() == new["activities"]
    assert ActivityPartner.objects.exists() and Funding.objects.exists()
    # Everything the workbooks hold comes back out (the reference data leaves out the links
    # of its recommendations and instruments to a plan's rows: they stay as they are).
    again = cells(planbook.write_workbook(policy=policy))
    for source in (REFERENCE, DEMO):
        for key, rows in cells(source).items():
            keys, out = rows[1], again[key][1]
            picked = [[row[out.index(k)] for k in keys] for row in again[key][1:]]
            assert picked == rows[1:], key  # row 1 is the headings' language
    # Every new row has its history: who, and why.
    record = Activity.objects.get(code="1.1.1").history.first()
    assert record.history_user == boss and record.history_type == "+"
    assert record.history_change_reason == "Imported from a spreadsheet"
    assert set(record.governorates.values_list("governorate__code", flat=True)) == set(
        Activity.objects.get(code="1.1.1").governorates.values_list("code", flat=True)
    )
    unchanged = planbook.import_workbook(user=boss, content=DEMO, name="demo-plan.xlsx")
    assert all(o.new == o.changed == 0 for o in unchanged)


def test_the_preview_counts_each_sheet_and_writes_nothing(boss):
    with CaptureQueriesContext(connection) as queries:
        outcomes = planbook.import_workbook(
            user=boss, content=REFERENCE, name="reference.xlsx", dry_run=True
        )
    assert {o.name: o.new for o in outcomes}["entities"] == 30
    assert not Governorate.objects.exists()
    assert not [q for q in queries.captured_queries if q["sql"].startswith(("INSERT", "UPDATE"))]


def test_a_sheet_can_name_rows_of_an_earlier_sheet_of_the_same_workbook_in_the_preview(boss):
    """The demo plan's objectives are new: the activities sheet finds them in the preview,
    before anything is written."""
    planbook.import_workbook(user=boss, content=REFERENCE, name="reference.xlsx")
    outcomes = planbook.import_workbook(user=boss, content=DEMO, name="x.xlsx", dry_run=True)
    assert {o.name: o.new for o in outcomes}["activities"] > 20
    assert not Objective.objects.exists()


@pytest.mark.parametrize(
    ("sheet", "row", "key", "value", "message"),
    [
        ("activities", 3, "planned_budget", "a lot", "column “planned_budget”: “a lot” is not"),
        ("activities", 2, "end_date", "2020-01-01", "The end date cannot be before the start"),
        ("targets", 5, "indicator", "no-such", "There is no indicator with the code “no-such”"),
        ("activities", 1, "objective", "9.9", "There is no objective with the code “9.9”"),
        ("indicators", 1, "unit", "furlongs", "“furlongs” is not one of the choices"),
        ("activities", 1, "planned_budget", "=SUM(1,2)", "a formula"),
    ],
)
def test_one_bad_cell_refuses_the_whole_workbook_naming_sheet_row_and_column(
    boss, sheet, row, key, value, message
):
    planbook.import_workbook(user=boss, content=REFERENCE, name="reference.xlsx")
    bad = edited(DEMO, sheet, row, key, value)
    with pytest.raises(WorkbookRefused) as refused:
        planbook.import_workbook(user=boss, content=bad, name="demo-plan.xlsx")
    problems = "\n".join(refused.value.problems)
    assert message in problems, problems
    assert "Sheet “" in problems and f"ow {row + 2}" in problems  # rows start at row 3
    assert not Policy.objects.exists() and not Activity.objects.exists()


def test_another_workbook_is_refused_with_what_it_is(boss):
    """A plain spreadsheet, a report workbook, a file too large, a file that is no workbook."""
    plain = openpyxl.Workbook()
    plain.active.append(["code", "title_en"])
    buffer = io.BytesIO()
    plain.save(buffer)
    with pytest.raises(WorkbookRefused, match="not made by the portal"):
        planbook.import_workbook(user=boss, content=buffer.getvalue(), name="mine.xlsx")
    other = openpyxl.load_workbook(io.BytesIO(DEMO))
    other["about"]["B1"] = "report-values"
    buffer = io.BytesIO()
    other.save(buffer)
    with pytest.raises(WorkbookRefused, match="another kind of workbook"):
        planbook.import_workbook(user=boss, content=buffer.getvalue(), name="report.xlsx")
    with pytest.raises(WorkbookRefused, match="not an Excel workbook"):
        planbook.import_workbook(user=boss, content=b"code,title\n1,x\n", name="plan.csv")
    with pytest.raises(WorkbookRefused, match="the largest workbook the portal takes"):
        planbook.import_workbook(user=boss, content=b"PK" + b"0" * (50 * 2**20), name="big.xlsx")


def test_a_column_key_removed_is_named(boss):
    book = openpyxl.load_workbook(io.BytesIO(DEMO))
    about = dict(book["about"].iter_rows(values_only=True))
    sheet = book[about["sheet:activities"]]
    for cell in sheet[KEY_ROW]:
        if cell.value == "lead_entity":
            cell.value = "leader"
    buffer = io.BytesIO()
    book.save(buffer)
    with pytest.raises(WorkbookRefused, match="the column “lead_entity” is missing"):
        planbook.import_workbook(user=boss, content=buffer.getvalue(), name="demo.xlsx")


def test_without_the_import_right_a_sheet_is_refused_and_nothing_written(db):
    clerk = UserFactory(username="clerk")  # signed in, with no Directorate admin's role
    with pytest.raises(WorkbookRefused, match="You may not import governorates"):
        planbook.import_workbook(user=clerk, content=REFERENCE, name="reference.xlsx")
    assert not Governorate.objects.exists()


def test_the_template_has_every_sheet_headings_in_three_languages_and_instructions(boss):
    book = openpyxl.load_workbook(io.BytesIO(planbook.write_workbook(rows=False)))
    titles = book.sheetnames
    assert titles[0] == "Instructions"
    about = dict(book["about"].iter_rows(values_only=True))
    keys = [k.removeprefix("sheet:") for k in about if str(k).startswith("sheet:")]
    assert keys == [s.name for s in planbook.sheets()]
    activities = book[about["sheet:activities"]]
    heading = activities.cell(row=1, column=2).value
    assert "Objective" in heading and "الهدف" in heading and "ئامانج" in heading
    assert activities.max_row == KEY_ROW  # no rows: a template


def test_the_director_checks_then_imports_a_workbook_in_the_admin(
    client, boss, django_capture_on_commit_callbacks
):
    """Upload, a check that counts each sheet and writes nothing, then the import from the
    check's page (background jobs; here they run at once)."""
    verified_login(client, boss)
    page = client.get(reverse("admin:policy_policy_workbook"))
    assert page.status_code == 200 and "?plan=template" in page.content.decode()
    template = client.get(reverse("admin:policy_policy_workbook_download"), {"plan": "template"})
    assert template["Content-Type"].startswith("application/vnd.openxmlformats")
    upload = io.BytesIO(REFERENCE)
    upload.name = "reference.xlsx"
    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post(reverse("admin:policy_policy_workbook"), {"workbook": upload})
    check = Job.objects.get(kind="plan.workbook_check")
    assert answer["Location"] == check.get_absolute_url()
    assert check.state == Job.State.DONE, check.result
    assert not Governorate.objects.exists()
    shown = client.get(check.get_absolute_url()).content.decode()
    assert "Governorates" in shown and "Import reference.xlsx" in shown
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("jobs:next", args=[check.pk]))
    done = Job.objects.get(kind="plan.workbook_import")
    assert done.state == Job.State.DONE, done.result
    assert Governorate.objects.count() == 19


def test_a_bad_workbook_fails_its_check_with_every_problem(
    client, boss, django_capture_on_commit_callbacks
):
    verified_login(client, boss)
    planbook.import_workbook(user=boss, content=REFERENCE, name="reference.xlsx")
    bad = edited(edited(DEMO, "activities", 1, "planned_budget", "x"), "targets", 2, "value", -1)
    upload = io.BytesIO(bad)
    upload.name = "plan.xlsx"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("admin:policy_policy_workbook"), {"workbook": upload})
    check = Job.objects.get(kind="plan.workbook_check")
    assert check.state == Job.State.FAILED
    problems = " ".join(check.result["problems"])
    assert "planned_budget" in problems and "A target cannot be negative" in problems
    assert not Policy.objects.exists()


def test_the_seeds_load_the_shipped_workbooks(demo):
    """`demo` (tests/conftest.py) holds what seed_demo wrote."""
    assert Policy.objects.filter(code="np-2021-2024").exists()
    assert ReportingPeriod.objects.filter(status="open").count() == 2  # around today
    assert Target.objects.exists() and Indicator.objects.filter(framework_references__isnull=False)
    assert not (Path(planbook.__file__).parent.parent / "policy" / "demo_plan.py").exists()


def test_a_sheet_deleted_from_the_workbook_is_left_out_as_its_instructions_say(boss):
    """The instructions say a sheet not needed may be deleted; the import refused the whole
    workbook ("The sheet … is missing")."""
    book = openpyxl.load_workbook(io.BytesIO(REFERENCE))
    about = {row[0]: row[1] for row in book["about"].iter_rows(values_only=True)}
    # The last sheet of the workbook: no sheet after it names its rows.
    last = [s.name for s in planbook.sheets() if f"sheet:{s.name}" in about][-1]
    del book[about[f"sheet:{last}"]]
    out = io.BytesIO()
    book.save(out)
    outcomes = planbook.import_workbook(
        user=boss, content=out.getvalue(), name="reference.xlsx", dry_run=True
    )
    names = {o.name for o in outcomes}
    assert last not in names and "governorates" in names
