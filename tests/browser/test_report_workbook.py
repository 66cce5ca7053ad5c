"""The report workbook in real Chromium on a phone-sized screen: a reporter downloads every report
of a period in one XLSX from "My activities", fills it in (here with openpyxl, as a person would in
Excel or LibreOffice), uploads it, reads the check of each report and saves; approved reports and
reports changed in the portal since the download are refused and nothing is written; in Arabic
the pages run right to left, fit 360 px and the workbook's sheets run right to left too.

The check and the save run as background jobs; in tests Celery runs them eagerly, when the
upload's request commits (the live server does commit). Should one still wait, `finish_job`
runs it as the worker would, and the job page, which polls, shows the result by itself."""

import re

import pytest
from django.utils import translation
from openpyxl import load_workbook

from accounts.models import User
from config.management.commands.seed_demo import DEMO_PASSWORD
from indicators.models import ReportingPeriod
from jobs.models import Job
from jobs.tasks import run
from reporting import services
from reporting.models import IndicatorValue, ProgressReport, ReportStatus

pytestmark = pytest.mark.browser

CSO = "alliance-1325"
MOLSA = "molsa"
NEW_ACHIEVEMENTS = "Two joint meetings with women parliamentarians in Baghdad and Erbil."
NEW_CHALLENGES = "Meeting rooms in the parliament are hard to book."
DRAFT_ACHIEVEMENTS = "Advocacy meetings held with four Council committees this quarter."


def t(language, text, **values):
    """The text as the portal shows it in the language (from the committed catalogues)."""
    with translation.override(language):
        text = translation.gettext(text)
    return text % values if values else text


def period_name(period, language="en"):
    with translation.override(language):
        return str(period.name)


# -- the browser --------------------------------------------------------------------------------
def log_in(page, username):
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.locator("main").get_by_role("button", name="Log in").click()
    page.get_by_role("button", name=f"Log out ({username})").wait_for()


def log_in_in_arabic(page, username):
    """Switch the login page to Arabic with the switcher at the top, then sign in."""
    page.goto("/accounts/login/")
    page.get_by_label("Language", exact=True).select_option("ar")
    page.get_by_role("button", name="Change", exact=True).click()
    page.wait_for_selector('html[lang="ar"][dir="rtl"]')
    page.get_by_label(t("ar", "Username")).fill(username)
    page.get_by_label(t("ar", "Password")).fill(DEMO_PASSWORD)
    page.locator("main").get_by_role("button", name=t("ar", "Log in")).click()
    page.get_by_role("navigation").get_by_role("link", name=t("ar", "My activities")).wait_for()


def fits_the_phone(page):
    """Nothing sticks out sideways: the page never scrolls horizontally at 360 px."""
    widths = page.evaluate(
        "({scroll: document.documentElement.scrollWidth, window: window.innerWidth})"
    )
    assert widths["scroll"] <= widths["window"], (
        f"{page.url} is {widths['scroll'] - widths['window']}px wider than the phone's screen"
    )


def open_workbook_page(page, language="en"):
    """From "My activities", the link to the workbook page."""
    page.get_by_role("navigation").get_by_role("link", name=t(language, "My activities")).click()
    page.wait_for_url("**/my/")
    page.get_by_role(
        "link",
        name=t(language, "Report in a spreadsheet: every report of a period in one workbook"),
    ).click()
    page.wait_for_url("**/my/workbook/")
    page.get_by_role("heading", name=t(language, "Report in a spreadsheet"), level=1).wait_for()


def download(page, period, tmp_path, language="en"):
    """Click "Workbook for <period>"; the downloaded file's path."""
    name = t(language, "Workbook for %(period)s", period=period_name(period, language))
    link = page.locator("main").get_by_role("link", name=name, exact=True)
    with page.expect_download() as info:
        link.click()
    file = info.value
    assert file.suggested_filename == f"reports-{period.policy.code}-{period.label}.xlsx"
    path = tmp_path / file.suggested_filename
    file.save_as(path)
    return path


def finish_job(page):
    """On the page of a job: wait for its result (running it if it still waits for a worker)."""
    page.wait_for_url(re.compile(r"/jobs/[0-9a-f-]{36}/$"))
    job_id = re.search(r"/jobs/([0-9a-f-]{36})/", page.url).group(1)
    if Job.objects.filter(pk=job_id, state=Job.State.QUEUED).exists():
        run(job_id)  # as the worker would; the page polls and loads itself again
    page.locator(".tag-job-done, .tag-job-failed").wait_for(timeout=30_000)
    return Job.objects.get(pk=job_id)


def upload(page, path, language="en", submit=False):
    """Upload the workbook on the workbook page; the check job, finished."""
    page.get_by_label(t(language, "Report workbook (.xlsx)")).set_input_files(path)
    if submit:
        page.get_by_label(t(language, "Then submit the reports that are complete")).check()
    page.locator("main").get_by_role("button", name=t(language, "Check the workbook")).click()
    job = finish_job(page)
    assert job.kind == "reporting.workbook_check"
    return job


def within_the_screen(page, locator):
    """Each element of `locator` lies within the phone's screen as the page opens: read without
    scrolling a table sideways. A list of those that do not, with where they lie."""
    width = page.evaluate("window.innerWidth")
    outside = []
    for element in locator.all():
        box = element.bounding_box()
        if box["x"] < 0 or box["x"] + box["width"] > width:
            text = element.inner_text().strip()[:60]
            outside.append(f"{text!r} at x={box['x']:.0f}-{box['x'] + box['width']:.0f}px")
    return outside


def preview_row(page, activity):
    """The row of the check's (or the save's) table for the report of `activity`."""
    return page.locator("table.workbook-preview tbody tr").filter(
        has=page.locator("td.head", has_text=re.compile(rf"(^|\s){re.escape(activity)}(\s|$)"))
    )


def this_period_values(page):
    """The column "This period" of the indicator table on the report page, top to bottom."""
    table = page.locator("main table#indicator-values")
    table.get_by_role("columnheader", name="This period").wait_for()
    return [c.strip() for c in table.locator("tbody tr td:nth-child(3)").all_inner_texts()]


def history_rows(page):
    """The rows of the report's "Changes" table: [what, before, after] each."""
    table = page.locator("main table", has=page.get_by_role("columnheader", name="Before"))
    rows = []
    for row in table.locator("tbody tr").all():
        cells = [c.strip() for c in row.locator("td").all_inner_texts()]
        rows.append(cells[2:5])  # when, who | what, before, after
    return rows


# -- the workbook -------------------------------------------------------------------------------
def keyed_rows(sheet):
    """The data rows of a sheet as {column key: cell}, the keys read from row 2 (never assume
    a column's position)."""
    keys = {cell.value: cell.column for cell in sheet[2] if cell.value}
    return [
        {key: sheet.cell(row=number, column=column) for key, column in keys.items()}
        for number in range(3, sheet.max_row + 1)
        if sheet.cell(row=number, column=keys["activity"]).value
    ]


def report_row(book, activity):
    (row,) = [r for r in keyed_rows(book.worksheets[0]) if r["activity"].value == activity]
    return row


def value_rows(book, activity):
    return [r for r in keyed_rows(book.worksheets[1]) if r["activity"].value == activity]


# -- the database -------------------------------------------------------------------------------
def reports_of(entity, period):
    return ProgressReport.objects.filter(entity__code=entity, period=period)


def state_of(entity, period):
    """Everything a save could write for the entity's reports of the period."""
    reports = reports_of(entity, period)
    return {
        "reports": sorted(
            reports.values_list(
                "pk",
                "activity__code",
                "version",
                "status",
                "activity_status",
                "percent_complete",
                "achievements",
                "challenges",
                "next_steps",
            )
        ),
        "values": sorted(
            IndicatorValue.objects.filter(report__in=reports).values_list(
                "report_id", "indicator__code", "governorate_id", "value"
            )
        ),
        "report history": ProgressReport.history.filter(period=period).count(),
        "value history": IndicatorValue.history.filter(report__period=period).count(),
    }


def period_with(entity, *statuses):
    """An open period in which the entity has a report in each of `statuses` (the demo data
    has a report in every state)."""
    for period in ReportingPeriod.objects.filter(status=ReportingPeriod.Status.OPEN).order_by(
        "start_date"
    ):
        held = set(reports_of(entity, period).values_list("status", flat=True))
        if all(s in held for s in statuses):
            return period
    raise AssertionError(f"The demo data has no open period with {statuses} reports of {entity}")


def slots_not_started(book):
    return [
        r["activity"].value for r in keyed_rows(book.worksheets[0]) if r["version"].value is None
    ]


# -- 1. download, fill in, check, save, read the report ----------------------------------------
def test_reporter_fills_in_the_workbook_checks_saves_and_reads_the_reports(
    phone, live_server, demo_data, tmp_path
):
    page = phone
    period = period_with(CSO, ReportStatus.DRAFT)
    draft = reports_of(CSO, period).get(status=ReportStatus.DRAFT)
    draft_code, draft_version = draft.activity.code, draft.version

    log_in(page, "cso")
    open_workbook_page(page)
    page.get_by_role("heading", name="1. Download the workbook").wait_for()
    fits_the_phone(page)
    path = download(page, period, tmp_path)

    book = load_workbook(path)
    assert [ws.title for ws in book.worksheets[:2]] == ["Reports", "Values"]
    # The draft: a new text and one value changed.
    row = report_row(book, draft_code)
    assert row["version"].value == draft.version
    row["achievements"].value = DRAFT_ACHIEVEMENTS
    draft_cell = value_rows(book, draft_code)[0]
    old_value = int(draft_cell["value"].value)
    draft_cell["value"].value = old_value + 3
    draft_indicator = draft_cell["indicator"].value
    # A report not started yet: its narrative and every value.
    new_code = slots_not_started(book)[-1]
    row = report_row(book, new_code)
    row["activity_status"].value = "In progress"
    row["percent_complete"].value = 25
    row["achievements"].value = NEW_ACHIEVEMENTS
    row["challenges"].value = NEW_CHALLENGES
    new_cells = value_rows(book, new_code)
    assert new_cells, f"the report of {new_code} has no indicator in the workbook"
    typed = {}
    for number, cell in enumerate(new_cells):
        cell["value"].value = 7 + number
        typed[(cell["indicator"].value, cell["governorate"].value or "")] = 7 + number
    filled = tmp_path / "filled.xlsx"
    book.save(filled)
    before = state_of(CSO, period)

    # -- The check: what would change, nothing written.
    job = upload(page, filled)
    main = page.locator("main")
    main.get_by_text(
        "Every report was checked: nothing was saved yet. Save to write what the table shows."
    ).wait_for()
    main.get_by_text(re.compile(r"\b1 new, 1 changed, \d+ unchanged, 0 refused")).wait_for()
    preview_row(page, new_code).locator(".tag", has_text="new report").wait_for()
    preview_row(page, draft_code).locator(".tag", has_text=re.compile("^changed$")).wait_for()
    assert "Values: 0 new, 1 changed, 0 emptied" in preview_row(page, draft_code).inner_text()
    assert f"Values: {len(new_cells)} new" in preview_row(page, new_code).inner_text()
    assert page.get_by_role("link", name="Open the report").count() == 0
    fits_the_phone(page)
    assert state_of(CSO, period) == before, "the check wrote something"
    assert job.result["counts"]["refused"] == 0

    # -- The save.
    main.get_by_role("button", name="Save the reports").click()
    saved = finish_job(page)
    assert saved.kind == "reporting.workbook_save" and saved.state == Job.State.DONE
    written = len(new_cells) + 1
    main.get_by_text(f"Saved: {written} values written.").wait_for()
    fits_the_phone(page)
    assert page.get_by_role("link", name="Open the report").count() == 2

    new_report = reports_of(CSO, period).get(activity__code=new_code)
    assert new_report.status == ReportStatus.DRAFT
    assert new_report.achievements == NEW_ACHIEVEMENTS
    assert new_report.percent_complete == 25
    draft.refresh_from_db()
    assert draft.achievements == DRAFT_ACHIEVEMENTS and draft.version == draft_version + 1

    # -- The new report, opened from the result: its values and its history.
    preview_row(page, new_code).get_by_role("link", name="Open the report").click()
    page.wait_for_url(f"**/reports/{new_report.pk}/")
    main.get_by_text(NEW_ACHIEVEMENTS).first.wait_for()
    main.get_by_text(NEW_CHALLENGES).first.wait_for()
    assert sorted(this_period_values(page)) == sorted(str(v) for v in typed.values())
    changes = history_rows(page)
    for (indicator, _where), value in typed.items():
        assert [indicator, str(value)] in [[w.split(" ")[0], a] for w, _b, a in changes], changes
    fits_the_phone(page)

    # -- The draft: the new value and, in its history, what it was before.
    page.go_back()
    preview_row(page, draft_code).get_by_role("link", name="Open the report").click()
    page.wait_for_url(f"**/reports/{draft.pk}/")
    main.get_by_text(DRAFT_ACHIEVEMENTS).first.wait_for()
    assert str(old_value + 3) in this_period_values(page)
    changes = history_rows(page)
    label = str(ProgressReport._meta.get_field("achievements").verbose_name)
    assert any(
        what.lower() == label.lower() and after == DRAFT_ACHIEVEMENTS for what, _b, after in changes
    ), changes
    assert any(
        what.startswith(draft_indicator)
        and before == str(old_value)
        and after == str(old_value + 3)
        for what, before, after in changes
    ), changes
    assert page.console_errors == []


# -- 2. refused: approved, and changed in the portal since the download ----------------------------
def test_an_approved_report_and_one_changed_since_the_download_are_refused_and_nothing_is_written(
    phone, live_server, demo_data, tmp_path
):
    page = phone
    period = period_with(CSO, ReportStatus.APPROVED, ReportStatus.RETURNED)
    approved = reports_of(CSO, period).get(status=ReportStatus.APPROVED)
    returned = reports_of(CSO, period).get(status=ReportStatus.RETURNED)

    log_in(page, "cso")
    open_workbook_page(page)
    path = download(page, period, tmp_path)

    # Meanwhile the returned report is changed in the portal: its version moves.
    services.report_update(
        user=User.objects.get(username="cso"),
        report=returned,
        version=returned.version,
        data={"challenges": "Corrected in the portal while the workbook was out."},
    )
    returned.refresh_from_db()

    book = load_workbook(path)
    assert report_row(book, returned.activity.code)["version"].value == returned.version - 1
    # The approved report's rows are locked in the file; a program writes into them anyway.
    report_row(book, approved.activity.code)["achievements"].value = "Rewritten after approval."
    cell = value_rows(book, approved.activity.code)[0]["value"]
    cell.value = (cell.value or 0) + 5
    report_row(book, returned.activity.code)["achievements"].value = "Corrected in the workbook."
    # A report not started: a valid change, yet not written either (all or nothing).
    (fresh, *_others) = slots_not_started(book)
    value_rows(book, fresh)[0]["value"].value = 3
    filled = tmp_path / "filled.xlsx"
    book.save(filled)
    before = state_of(CSO, period)

    job = upload(page, filled, submit=True)
    main = page.locator("main")
    main.get_by_role("alert").get_by_text(
        "Some reports are refused, so the workbook cannot be saved. Nothing was written."
    ).wait_for()
    main.get_by_text(re.compile(r"\b2 refused\b")).wait_for()
    row = preview_row(page, approved.activity.code)
    row.locator(".tag", has_text=re.compile("^refused$")).wait_for()
    assert "approved and locked" in row.inner_text()
    row = preview_row(page, returned.activity.code)
    row.locator(".tag", has_text=re.compile("^refused$")).wait_for()
    assert "since the workbook was made" in row.inner_text()
    assert f"version {returned.version - 1}, now {returned.version}" in row.inner_text()
    preview_row(page, fresh).locator(".tag", has_text="new report").wait_for()
    for name in ("Save the reports", "Save and submit the complete reports"):
        assert page.get_by_role("button", name=name).count() == 0
    assert page.locator(f'form[action$="/jobs/{job.pk}/next/"]').count() == 0
    fits_the_phone(page)

    assert job.state == Job.State.DONE and job.result["blocked"]
    assert state_of(CSO, period) == before, "a refused workbook wrote something"
    assert not Job.objects.filter(kind="reporting.workbook_save").exists()
    assert not reports_of(CSO, period).filter(activity__code=fresh).exists()
    assert page.console_errors == []

    # Why each report was refused can be read on the phone as the page opens, not in a column
    # one word wide past the edge of the screen, to be found by scrolling the table sideways.
    reasons = page.locator("table.workbook-preview ul.problems li")
    assert reasons.count() == 2
    outside = within_the_screen(page, reasons)
    assert outside == [], (
        f"at {page.viewport_size['width']} px the refusal reasons lie off the screen: {outside}"
    )


# -- 3. in Arabic on the phone ------------------------------------------------------------------
ARABIC_PAGES_TEXTS = {
    "workbook page": [
        "Report in a spreadsheet",
        "1. Download the workbook",
        "2. Upload it filled in",
        "Report workbook (.xlsx)",
        "Then submit the reports that are complete",
        "Check the workbook",
        "Nothing is saved by the check.",
    ],
    "check page": [
        "Check of the report workbook",
        "Every report was checked: nothing was saved yet.",
        "What happens",
        "Details",
        "new report",
        "Save the reports",
    ],
    "save page": [
        "Saving of the report workbook",
        "values written",
        "Open the report",
    ],
}


def test_the_workbook_in_arabic_on_a_phone(phone, live_server, demo_data, tmp_path):
    page = phone
    english_left = []  # what the Arabic pages show in English: checked last

    def english_on(page_name):
        text = page.locator("main").inner_text()
        english_left.extend(
            f"{page_name}: {s!r}" for s in ARABIC_PAGES_TEXTS[page_name] if s in text
        )

    def right_to_left(page):
        assert page.locator("html").get_attribute("dir") == "rtl", page.url
        assert page.locator("html").get_attribute("lang") == "ar", page.url
        assert page.evaluate("getComputedStyle(document.body).direction") == "rtl", page.url

    log_in_in_arabic(page, "focal")
    open_workbook_page(page, "ar")
    right_to_left(page)
    fits_the_phone(page)
    english_on("workbook page")

    period = (
        ReportingPeriod.objects.filter(status=ReportingPeriod.Status.OPEN)
        .order_by("-start_date")
        .first()
    )
    path = download(page, period, tmp_path, "ar")
    book = load_workbook(path)
    visible = [ws for ws in book.worksheets if ws.sheet_state == "visible"]
    assert len(visible) >= 2
    for ws in visible:
        assert ws.sheet_view.rightToLeft, f"sheet {ws.title!r} runs left to right"
    for ws, title in zip(book.worksheets[:2], ("Reports", "Values"), strict=True):
        if ws.title == title:
            english_left.append(f"workbook: sheet named {title!r}")
        headings = [c.value for c in ws[1] if c.value]
        english = [h for h in headings if re.fullmatch(r"[A-Za-z ]+", str(h))]
        if english:
            english_left.append(f"workbook: headings of {ws.title!r} in English: {english}")

    code = slots_not_started(book)[0]
    row = report_row(book, code)
    row["percent_complete"].value = 10
    row["achievements"].value = "عُقدت جلستان تدريبيتان في بغداد."
    for number, cell in enumerate(value_rows(book, code)):
        cell["value"].value = 4 + number
    filled = tmp_path / "filled.xlsx"
    book.save(filled)

    upload(page, filled, "ar")
    right_to_left(page)
    preview_row(page, code).locator(".tag-preview-new").wait_for()
    fits_the_phone(page)
    english_on("check page")

    page.locator("main").get_by_role("button", name=t("ar", "Save the reports")).click()
    saved = finish_job(page)
    assert saved.state == Job.State.DONE, saved.message
    right_to_left(page)
    fits_the_phone(page)
    english_on("save page")
    report = reports_of(MOLSA, period).get(activity__code=code)
    assert report.percent_complete == 10
    preview_row(page, code).get_by_role("link", name=t("ar", "Open the report")).click()
    page.wait_for_url(f"**/reports/{report.pk}/")
    right_to_left(page)
    fits_the_phone(page)
    assert page.console_errors == []

    assert english_left == [], "Arabic pages and workbook show English:\n" + "\n".join(english_left)
