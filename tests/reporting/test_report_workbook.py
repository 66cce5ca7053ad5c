"""The report workbook: a reporter (or the Directorate) downloads every report of a period in
one XLSX, fills it in with a spreadsheet program, and uploads it: a check that writes nothing,
then a save through the reporting services, all or nothing, with history."""

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from indicators.models import ReportingPeriod
from jobs.models import Job
from jobs.tasks import run
from reporting import selectors, services, workbook
from reporting.models import IndicatorValue, ProgressReport, ReportEvent, ReportStatus
from tests.reporting_helpers import approved, complete, draft, fresh, submitted
from tests.signin_helpers import verified_login

pytestmark = pytest.mark.django_db


def _book(content):
    return load_workbook(io.BytesIO(content))


def _save(book):
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _rows(sheet):
    """{key: cell} per data row, from the key row (row 2)."""
    keys = [c.value for c in sheet[2]]
    return [dict(zip(keys, row, strict=False)) for row in sheet.iter_rows(min_row=3)]


def _fill(content, values=None, fields=None):
    """The workbook with values typed in ({(activity, indicator, governorate): value}) and
    report fields ({activity: {field: value}}), as a person would in a spreadsheet program."""
    book = _book(content)
    for row in _rows(book.worksheets[1]):
        key = (row["activity"].value, row["indicator"].value, row["governorate"].value or "")
        if values and key in values:
            row["value"].value = values[key]
    for row in _rows(book.worksheets[0]):
        for name, value in (fields or {}).get(row["activity"].value, {}).items():
            row[name].value = value
    return _save(book)


def _upload(client, content, submit=False, scope="mine"):
    """Upload as the page does; run the check job as the worker would; return the job."""
    data = {"file": io.BytesIO(content), "scope": scope}
    data["file"].name = "filled.xlsx"
    if submit:
        data["submit"] = "on"
    response = client.post(reverse("reporting:workbook"), data)
    assert response.status_code == 302, response.content[:800]
    job = Job.objects.get(pk=response["Location"].rstrip("/").split("/")[-1])
    run(str(job.pk))
    job.refresh_from_db()
    return job


def _confirm(client, job):
    response = client.post(reverse("jobs:next", args=[job.pk]))
    assert response.status_code == 302
    follow = Job.objects.get(pk=response["Location"].rstrip("/").split("/")[-1])
    run(str(follow.pk))
    follow.refresh_from_db()
    return follow


def _save_anyway(user, content):
    """The save job run on a file without its check (as an API client may ask)."""
    save = Job.objects.create(kind="reporting.workbook_save", user=user, params={"file": "x.xlsx"})
    save.source.save("x.xlsx", io.BytesIO(content), save=True)
    run(str(save.pk))
    save.refresh_from_db()
    return save


def _download(client, world, scope="mine"):
    url = reverse("reporting:workbook_download") + f"?period={world.period.pk}"
    if scope == "all":
        url += "&scope=all"
    response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Disposition"].startswith("attachment")
    return response.content


def _values_of(report):
    return {
        (v.indicator.code, v.governorate.code if v.governorate else ""): v.value
        for v in IndicatorValue.objects.filter(report=report).select_related(
            "indicator", "governorate"
        )
    }


def test_a_reporter_fills_the_workbook_in_and_the_reports_show_the_values_and_history(
    client, world
):
    verified_login(client, world.reporter)
    content = _download(client, world)
    book = _book(content)
    # One row per report owed (1.1.1 for CSO A), one row per indicator and governorate.
    reports = _rows(book.worksheets[0])
    assert [(r["activity"].value, r["entity"].value) for r in reports] == [("1.1.1", "cso-a")]
    values = _rows(book.worksheets[1])
    assert sorted((r["indicator"].value, r["governorate"].value) for r in values) == [
        ("1.1.1-a", "IQ-BA"),
        ("1.1.1-a", "IQ-BG"),
    ]
    assert {r["target"].value for r in values} == {50}
    # The cells to fill are open, the plan's are locked; the sheet is protected.
    assert book.worksheets[1].protection.sheet
    assert not values[0]["value"].protection.locked and values[0]["indicator"].protection.locked

    filled = _fill(
        content,
        values={("1.1.1", "1.1.1-a", "IQ-BG"): 12, ("1.1.1", "1.1.1-a", "IQ-BA"): "٨"},
        fields={
            "1.1.1": {
                "activity_status": "In progress",
                "percent_complete": 40,
                "achievements": "Trained 20 women.",
            }
        },
    )
    check = _upload(client, filled)
    assert check.state == Job.State.DONE, (check.message, check.result)
    preview = check.result
    assert preview["counts"] == {"new": 1, "changed": 0, "unchanged": 0, "refused": 0}
    assert (check.done, check.total) == (3, 3)  # the job's progress: rows read
    assert preview["reports"][0]["values_new"] == 2
    # The check wrote nothing, and its page offers the save.
    assert not ProgressReport.objects.exists() and not IndicatorValue.objects.exists()
    page = client.get(reverse("jobs:detail", args=[check.pk])).content.decode()
    assert "new report" in page and "Save the reports" in page

    saved = _confirm(client, check)
    assert saved.state == Job.State.DONE, (saved.message, saved.result)
    report = ProgressReport.objects.get()
    assert (report.entity, report.period, report.status) == (
        world.cso_entity,
        world.period,
        ReportStatus.DRAFT,
    )
    assert report.achievements == "Trained 20 women." and report.percent_complete == 40
    assert _values_of(report) == {("1.1.1-a", "IQ-BG"): 12, ("1.1.1-a", "IQ-BA"): 8}
    # Every change is in the history, under the reporter's name; the report has its timeline.
    assert set(report.history.values_list("history_user", flat=True)) == {world.reporter.pk}
    assert IndicatorValue.history.filter(history_user=world.reporter).count() == 2
    assert report.events.filter(kind=ReportEvent.Kind.CREATED, user=world.reporter).exists()
    detail = client.get(reverse("reporting:report", args=[report.pk])).content.decode()
    assert "Trained 20 women." in detail

    # The same file again: nothing changes, no new history.
    again = _upload(client, _fill(_download(client, world)))
    assert again.result["counts"]["unchanged"] == 1 and not again.result["blocked"]
    history = IndicatorValue.history.count()
    _confirm(client, again)
    assert IndicatorValue.history.count() == history


def test_a_value_changed_and_one_emptied_are_saved_with_their_history(client, world):
    report = complete(world, draft(world))
    verified_login(client, world.reporter)
    content = _download(client, world)
    filled = _fill(
        content, values={("1.1.1", "1.1.1-a", "IQ-BG"): 13, ("1.1.1", "1.1.1-a", "IQ-BA"): None}
    )
    check = _upload(client, filled)
    row = check.result["reports"][0]
    assert (row["state"], row["values_changed"], row["values_cleared"]) == ("changed", 1, 1)
    _confirm(client, check)
    assert _values_of(report) == {("1.1.1-a", "IQ-BG"): 13}
    assert fresh(report).version == report.version + 1
    kinds = sorted(
        IndicatorValue.history.filter(history_user=world.reporter).values_list(
            "history_type", flat=True
        )
    )
    assert kinds.count("-") == 1 and kinds.count("~") >= 1
    # One record of each change, all under the person's name.
    assert not IndicatorValue.history.filter(history_user__isnull=True).exists()


def test_an_approved_report_changed_in_the_file_is_refused_and_nothing_is_written(client, world):
    report = approved(world)
    verified_login(client, world.reporter)
    content = _download(client, world)
    rows = _rows(_book(content).worksheets[0])
    assert rows[0]["achievements"].protection.locked  # an approved report's row is locked
    # Someone lifts the sheet's protection and types over it anyway.
    filled = _fill(content, values={("1.1.1", "1.1.1-a", "IQ-BG"): 999})
    check = _upload(client, filled)
    assert check.result["blocked"]
    refused = check.result["reports"][0]
    assert refused["state"] == "refused"
    assert "approved and locked" in " ".join(refused["reasons"])
    page = client.get(reverse("jobs:detail", args=[check.pk])).content.decode()
    assert "approved and locked" in page and "Save the reports" not in page
    # No way round the check: the save refuses too, and writes nothing.
    response = client.post(reverse("jobs:next", args=[check.pk]))
    assert Job.objects.filter(kind="reporting.workbook_save").count() == 0
    assert response.status_code == 302
    assert _values_of(report)[("1.1.1-a", "IQ-BG")] == 12


def test_a_report_changed_since_the_download_is_refused_as_a_conflict(client, world):
    report = complete(world, draft(world))
    verified_login(client, world.reporter)
    content = _download(client, world)
    # A colleague saves the report in the web form after the download.
    services.report_update(
        user=world.colleague,
        report=report,
        version=fresh(report).version,
        values={(world.indicator.pk, world.baghdad.pk): Decimal("30")},
    )
    filled = _fill(content, values={("1.1.1", "1.1.1-a", "IQ-BA"): 9})
    check = _upload(client, filled)
    refused = check.result["reports"][0]
    assert refused["state"] == "refused"
    assert "since the workbook was made" in refused["reasons"][0]
    # The save job, run anyway (an API client that skips the check), writes nothing either.
    save = _save_anyway(world.reporter, filled)
    assert save.state == Job.State.FAILED
    assert any("since the workbook was made" in p for p in save.result["problems"])
    assert _values_of(report) == {("1.1.1-a", "IQ-BG"): 30, ("1.1.1-a", "IQ-BA"): 8}


def test_one_refused_report_refuses_the_whole_file(client, world):
    """All or nothing: a good report in the same file is not saved either."""
    from tests.factories import IndicatorFactory

    world.other_activity.lead_entity = world.cso_entity
    world.other_activity.save()
    IndicatorFactory(policy=world.policy, objective=None, activity=world.other_activity, code="x")
    good = draft(world)
    locked = services.report_start(
        user=world.reporter,
        activity=world.other_activity,
        period=world.period,
        entity=world.cso_entity,
    )
    ProgressReport.objects.filter(pk=locked.pk).update(status=ReportStatus.SUBMITTED)
    verified_login(client, world.reporter)
    filled = _fill(
        _download(client, world),
        values={("1.1.1", "1.1.1-a", "IQ-BG"): 5, ("1.1.2", "1.1.2-a", ""): 7},
    )
    check = _upload(client, filled)
    states = {r["activity"]: r["state"] for r in check.result["reports"]}
    assert states == {"1.1.1": "changed", "1.1.2": "refused"}
    save = _save_anyway(world.reporter, filled)
    assert save.state == Job.State.FAILED
    assert not IndicatorValue.objects.filter(report__in=[good, locked]).exists()


def test_a_bad_cell_is_named_by_sheet_row_and_column(client, world):
    verified_login(client, world.reporter)
    content = _download(client, world)
    book = _book(content)
    rows = _rows(book.worksheets[1])
    rows[0]["value"].value = "twelve"
    rows[1]["value"].value = -3
    check = _upload(client, _save(book))
    reasons = check.result["reports"][0]["reasons"]
    column = rows[0]["value"].column_letter
    assert any(f"row 3, column {column}" in r and "“twelve” is not a number" in r for r in reasons)
    assert any(f"row 4, column {column}" in r and "out of range" in r for r in reasons)
    assert check.result["blocked"] and not ProgressReport.objects.exists()


def test_a_row_for_a_report_the_person_does_not_owe_is_refused(client, world):
    verified_login(client, world.reporter)
    book = _book(_download(client, world))
    rows = _rows(book.worksheets[0])
    rows[0]["activity"].value = "1.1.2"  # CSO B's activity
    check = _upload(client, _save(book))
    assert check.result["blocked"]
    assert any("is not one of yours" in p for p in check.result["problems"])


def test_the_submit_option_submits_the_complete_reports_only(client, world):
    verified_login(client, world.reporter)
    content = _download(client, world)
    partly = _fill(content, values={("1.1.1", "1.1.1-a", "IQ-BG"): 5})
    saved = _confirm(client, _upload(client, partly, submit=True))
    report = ProgressReport.objects.get()
    assert report.status == ReportStatus.DRAFT
    assert saved.result["reports"][0]["missing"]  # says what is missing
    complete_file = _fill(
        _download(client, world),
        values={("1.1.1", "1.1.1-a", "IQ-BA"): 6},
        fields={
            "1.1.1": {
                "activity_status": "in_progress",
                "percent_complete": 50,
                "achievements": "Done half.",
            }
        },
    )
    saved = _confirm(client, _upload(client, complete_file, submit=True))
    assert saved.result["submitted"] == 1
    assert fresh(report).status == ReportStatus.SUBMITTED


def test_the_workbook_is_right_to_left_in_arabic_and_takes_labels_in_any_language(client, world):
    verified_login(client, world.reporter)
    client.cookies["django_language"] = "ar"
    content = client.get(
        reverse("reporting:workbook_download") + f"?period={world.period.pk}",
        HTTP_ACCEPT_LANGUAGE="ar",
    ).content
    book = _book(content)
    sheet = book.worksheets[0]
    assert sheet.sheet_view.rightToLeft
    # An Arabic workbook filled in with the English label of a status is still understood.
    filled = _fill(
        content,
        values={("1.1.1", "1.1.1-a", "IQ-BG"): 3},
        fields={"1.1.1": {"activity_status": "Completed"}},
    )
    client.cookies["django_language"] = "en"
    check = _upload(client, filled)
    assert check.result["counts"]["new"] == 1, check.result
    assert check.result["reports"][0]["fields"] == ["activity status"]


def test_the_workbook_cells_are_the_web_forms_cells(world):
    """selectors.value_grid gives each report the cells of its web form: the same rule."""
    complete(world, draft(world))
    approved_earlier = services.report_start(
        user=world.reporter, activity=world.activity, period=world.period, entity=world.cso_entity
    )
    slots = workbook.slots_for(world.reporter, world.period)
    grid = selectors.value_grid(slots)
    for slot in slots:
        if slot.report is None:
            continue
        form_rows = selectors.value_rows(slot.report)
        assert [(r.indicator, r.governorate, r.value, r.previous, r.target) for r in form_rows] == [
            (r.indicator, r.governorate, r.value, r.previous, r.target) for r in grid[slot.key]
        ]
    assert approved_earlier.pk == slots[0].report.pk


def test_the_grid_reads_in_the_same_queries_whatever_the_number_of_reports(
    world, django_assert_max_num_queries
):
    from tests.factories import ActivityFactory, IndicatorFactory

    for n in range(12):
        activity = ActivityFactory(
            objective=world.activity.objective, code=f"9.{n}", lead_entity=world.cso_entity
        )
        activity.governorates.set([world.baghdad, world.basra])
        IndicatorFactory(policy=world.policy, objective=None, activity=activity, code=f"9.{n}-a")
    slots = workbook.slots_for(world.reporter, world.period)
    assert len(slots) == 13
    with django_assert_max_num_queries(6):
        grid = selectors.value_grid(slots)
    assert sum(len(rows) for rows in grid.values()) == 26


def test_the_directorate_imports_values_into_any_entitys_report(client, world):
    verified_login(client, world.reviewer)
    content = _download(client, world, scope="all")
    rows = _rows(_book(content).worksheets[0])
    # Every entity that reports on each activity: CSO A leads 1.1.1 and the office implements
    # it; CSO B leads 1.1.2.
    assert sorted((r["activity"].value, r["entity"].value) for r in rows) == [
        ("1.1.1", "cso-a"),
        ("1.1.1", "office"),
        ("1.1.2", "cso-b"),
    ]
    filled = _fill(content, values={("1.1.2", "1.1.2-a", ""): 70})
    check = _upload(client, filled, scope="all")
    assert check.result["counts"]["new"] == 1, check.result
    _confirm(client, check)
    report = ProgressReport.objects.get(entity=world.other_cso_entity)
    assert _values_of(report) == {("1.1.2-a", ""): 70}
    assert IndicatorValue.history.get().history_user == world.reviewer
    # Four eyes: the reviewer who imported the values does not approve that report.
    report = services.report_update(
        user=world.other_reporter,
        report=report,
        version=report.version,
        data={"activity_status": "in_progress", "percent_complete": 10, "achievements": "x"},
    )
    report = services.report_submit(
        user=world.other_reporter, report=report, version=report.version
    )
    with pytest.raises(services.PermissionDenied):
        services.report_approve(user=world.reviewer, report=report, version=report.version)


def test_a_reporter_may_not_use_the_directorates_workbook(client, world):
    verified_login(client, world.reporter)
    response = client.get(
        reverse("reporting:workbook_download") + f"?period={world.period.pk}&scope=all"
    )
    assert response.status_code == 403
    # Nor upload one made by a reviewer.
    verified_login(client, world.reviewer)
    content = _download(client, world, scope="all")
    verified_login(client, world.reporter)
    check = _upload(client, content)
    assert check.state == Job.State.FAILED
    assert "only Directorate reviewers upload it" in " ".join(check.result["problems"])


def test_a_closed_period_offers_only_the_reports_returned_to_the_person(client, world):
    report = submitted(world)
    report = services.report_return(
        user=world.reviewer, report=report, version=report.version, comment="Fix."
    )
    ReportingPeriod.objects.filter(pk=world.period.pk).update(status="closed")
    assert [p.pk for p in workbook.periods_for(world.reporter)] == [world.period.pk]
    verified_login(client, world.reporter)
    content = _download(client, world)
    rows = _rows(_book(content).worksheets[0])
    assert [(r["activity"].value, r["status"].value) for r in rows] == [
        ("1.1.1", "Returned for changes")
    ]
    check = _upload(client, _fill(content, values={("1.1.1", "1.1.1-a", "IQ-BG"): 14}))
    assert check.result["counts"]["changed"] == 1
    _confirm(client, check)
    assert _values_of(report)[("1.1.1-a", "IQ-BG")] == 14


def test_the_api_lists_what_a_reporter_owes_and_takes_the_workbook(world):
    from rest_framework.test import APIClient

    from tests.factories import api_key

    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {api_key(world.reporter)}")
    assert api.get("/api/v1/work/").status_code == 400  # which period?
    periods = api.get("/api/v1/work/periods/").json()
    assert [p["label"] for p in periods] == ["2022-Q2"]
    owed = api.get(f"/api/v1/work/?period={world.period.pk}").json()
    assert [(s["activity"], s["entity"], s["state"], s["report"]) for s in owed] == [
        ("1.1.1", "cso-a", "due", None)
    ]
    assert {(v["indicator"], v["governorate"], v["target"]) for v in owed[0]["values"]} == {
        ("1.1.1-a", "IQ-BG", "50"),
        ("1.1.1-a", "IQ-BA", "50"),
    }
    content = api.get(f"/api/v1/work/workbook/?period={world.period.pk}").content
    filled = io.BytesIO(_fill(content, values={("1.1.1", "1.1.1-a", "IQ-BG"): 3}))
    filled.name = "filled.xlsx"
    started = api.post("/api/v1/work/workbook/", {"file": filled, "save": "true"})
    assert started.status_code == 202, started.content
    run(started.json()["job"])
    job = api.get(started.json()["url"]).json()
    assert job["state"] == "done" and job["result"]["counts"]["new"] == 1
    assert _values_of(ProgressReport.objects.get()) == {("1.1.1-a", "IQ-BG"): 3}
    # Another person's job is not found.
    other = APIClient()
    other.credentials(HTTP_AUTHORIZATION=f"Token {api_key(world.colleague)}")
    assert other.get(started.json()["url"]).status_code == 404
    # Not a workbook: refused at once, naming the file.
    junk = io.BytesIO(b"activity,value\n1.1.1,3\n")
    junk.name = "values.csv"
    refused = api.post("/api/v1/work/workbook/", {"file": junk})
    assert refused.status_code == 400 and "values.csv" in str(refused.json())


def test_the_api_schema_describes_the_work_endpoints(client):
    schema = client.get("/api/schema/?format=json").json()
    assert "/api/v1/work/" in schema["paths"]
    assert {"get", "post"} <= set(schema["paths"]["/api/v1/work/workbook/"])


def _with(content, change):
    book = _book(content)
    change(book)
    return _save(book)


def _formula(book):
    _rows(book.worksheets[1])[0]["value"].value = "=2*6"


def _column_key_removed(book):
    for cell in book.worksheets[1][2]:
        if cell.value == "value":
            cell.value = "valeur"


def _another_plans_codes(book):
    for row in _rows(book.worksheets[1]):
        row["activity"].value = "7.7.7"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (_formula, "a formula (=2*6). Type the value itself"),
        (_column_key_removed, "the column “value” is missing"),
        (_another_plans_codes, "the report of activity 7.7.7 for cso-a"),
    ],
    ids=["formula", "missing-column", "another-plans-codes"],
)
def test_a_bad_workbook_is_refused_with_a_message_and_nothing_written(
    client, world, change, message
):
    verified_login(client, world.reporter)
    content = _with(_download(client, world), change)
    check = _upload(client, content)
    said = " ".join(
        check.result.get("problems", [])
        + [r for report in check.result.get("reports", []) for r in report["reasons"]]
    )
    assert message in said, said
    assert check.state == Job.State.FAILED or check.result["blocked"]
    assert not ProgressReport.objects.exists()


def test_another_kind_of_workbook_or_a_huge_file_is_refused_at_once(client, world, settings):
    from core import planbook

    verified_login(client, world.reporter)
    # The plan workbook, uploaded as a report workbook: another template, named.
    check = _upload(client, planbook.write_workbook(policy=world.policy))
    assert check.state == Job.State.FAILED
    assert "another kind of workbook" in " ".join(check.result["problems"])
    # 50 MB: refused on the page, before any job, with the limit; nothing kept.
    huge = io.BytesIO(b"PK" + b"\0" * (50 * 1024 * 1024))
    huge.name = "huge.xlsx"
    response = client.post(reverse("reporting:workbook"), {"file": huge, "scope": "mine"})
    assert response.status_code == 200
    assert "the largest workbook the portal takes is" in response.content.decode()
    assert (
        not Job.objects.filter(kind="reporting.workbook_check", user=world.reporter)
        .exclude(pk=check.pk)
        .exists()
    )


# -- found in review: each failed before its fix ------------------------------------------------
def test_a_stale_file_does_not_overwrite_a_report_another_workbook_created(client, world):
    """Two colleagues download before the report exists; A saves; B's file (no version, as
    downloaded) must not overwrite A's values."""
    verified_login(client, world.reporter)
    content_a = _download(client, world)
    verified_login(client, world.colleague)
    content_b = _download(client, world)
    verified_login(client, world.reporter)
    _confirm(client, _upload(client, _fill(content_a, values={("1.1.1", "1.1.1-a", "IQ-BG"): 12})))
    verified_login(client, world.colleague)
    check = _upload(client, _fill(content_b, values={("1.1.1", "1.1.1-a", "IQ-BG"): 99}))
    assert check.result["reports"][0]["state"] == "refused"
    assert _values_of(ProgressReport.objects.get()) == {("1.1.1-a", "IQ-BG"): 12}


def test_deleting_a_reports_row_does_not_skip_the_version_check(client, world):
    report = complete(world, draft(world))
    verified_login(client, world.reporter)
    content = _download(client, world)
    services.report_update(
        user=world.colleague,
        report=report,
        version=fresh(report).version,
        values={(world.indicator.pk, world.baghdad.pk): Decimal("30")},
    )
    book = _book(_fill(content, values={("1.1.1", "1.1.1-a", "IQ-BA"): 9}))
    book.worksheets[0].delete_rows(3)  # the report's row in "Reports"
    check = _upload(client, _save(book))
    assert check.result["reports"][0]["state"] == "refused"
    assert _values_of(report)[("1.1.1-a", "IQ-BG")] == 30


def test_an_untouched_workbook_changes_nothing_whatever_the_stored_text_holds(client, world):
    """Characters a spreadsheet cell cannot hold are left out of the workbook: the untouched
    file must not read as a change (here it refused the submitted report, and the file)."""
    report = complete(world, draft(world))
    report = services.report_update(
        user=world.reporter,
        report=report,
        version=fresh(report).version,
        data={"achievements": "Line one\x0bLine two", "challenges": "a\uffffb\ufffe"},
    )
    services.report_submit(user=world.reporter, report=report, version=report.version)
    verified_login(client, world.reporter)
    check = _upload(client, _download(client, world))
    assert check.state == Job.State.DONE, check.result
    assert check.result["reports"][0]["state"] == "unchanged", check.result


def test_a_plan_change_after_the_download_does_not_make_untouched_rows_new(client, world):
    verified_login(client, world.reporter)
    content = _download(client, world)
    world.activity.status = "completed"
    world.activity.save()
    check = _upload(client, content)
    assert check.result["counts"]["unchanged"] == 1, check.result


def test_every_refused_report_is_named_even_beyond_the_listed_ones(world, monkeypatch):
    world.other_activity.lead_entity = world.cso_entity
    world.other_activity.save()
    locked = services.report_start(
        user=world.reporter,
        activity=world.other_activity,
        period=world.period,
        entity=world.cso_entity,
    )
    ProgressReport.objects.filter(pk=locked.pk).update(status=ReportStatus.SUBMITTED)
    content = workbook.write_workbook(world.reporter, world.period)
    filled = _fill(content, values={("1.1.1", "1.1.1-a", "IQ-BG"): 5, ("1.1.2", "1.1.2-a", ""): 7})
    monkeypatch.setattr(workbook, "LISTED", 1)
    result = workbook.save_workbook(world.reporter, filled, "x.xlsx")
    assert result["blocked"]
    assert any("waits for review" in line for line in workbook.refusals(result))


def _patched(content, old, new):
    """The workbook with `old` replaced by `new` in its sheets' XML: a cell as a program other
    than ours may write it."""
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(content))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info.filename)
            if info.filename.startswith("xl/worksheets/"):
                body = body.replace(old.encode(), new.encode())
            target.writestr(info, body)
    return out.getvalue()


@pytest.mark.parametrize("exponent", ["1E-20000000", "1E+20000000"])
def test_a_number_with_a_huge_exponent_gets_a_short_message(world, exponent):
    """A 9 KB file made every message twenty million characters long."""
    content = workbook.write_workbook(world.reporter, world.period)
    book = _book(content)
    _rows(book.worksheets[1])[0]["value"].value = 434343
    _rows(book.worksheets[0])[0]["percent_complete"].value = 424242
    data = _patched(_save(book), "<v>434343</v>", f"<v>{exponent}</v>")
    data = _patched(data, "<v>424242</v>", f"<v>{exponent}</v>")
    result = workbook.check_workbook(world.reporter, data, "x.xlsx")
    reasons = result["reports"][0]["reasons"]
    assert len(reasons) == 2 and all(len(r) < 300 for r in reasons), [len(r) for r in reasons]


def test_a_version_cell_with_a_huge_number_is_refused_with_a_message(world):
    report = complete(world, draft(world))
    assert report.version == 2
    content = workbook.write_workbook(world.reporter, world.period)
    data = _patched(content, "<v>2</v>", "<v>1E+5000</v>")
    result = workbook.check_workbook(world.reporter, data, "x.xlsx")
    assert result["blocked"]
    assert any("out of range" in r for r in result["reports"][0]["reasons"])


def test_a_large_value_comes_back_exactly(world):
    report = draft(world)
    services.report_update(
        user=world.reporter,
        report=report,
        version=report.version,
        values={(world.indicator.pk, world.baghdad.pk): Decimal("12345678901234.5678")},
    )
    content = workbook.write_workbook(world.reporter, world.period)
    result = workbook.check_workbook(world.reporter, content, "x.xlsx")
    assert result["reports"][0]["state"] == "unchanged", result["reports"][0]


def test_the_whole_periods_slots_in_the_api_are_in_the_access_log(world):
    from rest_framework.test import APIClient

    from audit.models import AccessEvent
    from tests.factories import api_key

    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {api_key(world.reviewer)}")
    assert api.get("/api/v1/work/?period=x&scope=all").status_code == 400
    assert api.get(f"/api/v1/work/?period={world.period.pk}&scope=all").status_code == 200
    assert AccessEvent.objects.filter(
        kind="export", target__contains=world.period.label, actor=world.reviewer
    ).exists()
