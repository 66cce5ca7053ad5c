"""The whole life of a progress report, on a phone-sized screen, in real Chromium:
a CSO reporter fills in and submits a report with evidence, a reviewer returns it with a
comment, the reporter corrects and resubmits, the reviewer approves, and the report is locked.

The test also writes the screenshots of docs/user-guide.md (docs/screenshots/)."""

import re

import pytest

from reporting.models import ProgressReport, ReportStatus
from tests.signin_helpers import browser_second_step

pytestmark = pytest.mark.browser

PASSWORD = "demo12345"
COMMENT = "Please give the number of women trained in each governorate."
ACHIEVEMENTS = "Three training sessions in Baghdad for 45 women candidates."
# The smallest PDF a reader opens: one empty page.
PDF = (
    b"%PDF-1.4\n"
    b"1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def log_in(page, username):
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Log in").click()
    if username == "reviewer":  # the Directorate signs in with a second factor
        browser_second_step(page, username)
    page.get_by_role("button", name=f"Log out ({username})").wait_for()


def log_out(page, username):
    page.get_by_role("button", name=f"Log out ({username})").click()
    page.wait_for_url("**/accounts/login/")
    page.get_by_role("heading", name="Log in").wait_for()


def fits_the_phone(page):
    """Nothing sticks out sideways: the page never scrolls horizontally at 360 px."""
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{page.url} is {overflow}px wider than the phone's screen"


def this_period_values(page):
    """The column "This period" of the indicator table on the report page, top to bottom."""
    table = page.locator("main table#indicator-values")
    table.get_by_role("columnheader", name="This period").wait_for()
    cells = table.locator("tbody tr td:nth-child(3)").all_inner_texts()
    return [t.split("⚠")[0].strip() for t in cells]  # without a plausibility warning


def expect_text(page, text):
    """The text is visible somewhere in the main part of the page."""
    page.locator("main").get_by_text(text, exact=False).first.wait_for(state="visible")


def value_for(unit, attempt):
    """A plausible value for an indicator of this unit (see indicators.models.Indicator.Unit)."""
    if unit == "Yes/no":
        return "1"
    if unit == "Percent":
        return str(30 + attempt)
    return str(12 + attempt)


def fill_indicators(page, attempt, eastern=False):
    """Type a value into every indicator box (with Eastern Arabic digits, ١٣, when `eastern`,
    as an Arabic keyboard types them); return the values, top to bottom, as 0-9."""
    typed = []
    blocks = page.locator("fieldset .indicator")
    assert blocks.count() > 0, "the report has no indicator to fill in"
    for i in range(blocks.count()):
        block = blocks.nth(i)
        unit = block.locator("dl.beside div", has_text="Unit").locator("dd").inner_text().strip()
        value = value_for(unit, attempt)
        box = block.locator("input[inputmode=decimal]")
        box.fill(value.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")) if eastern else value)
        if eastern:  # a text box keeps them (a type=number box dropped them)
            assert box.input_value() != value and box.input_value() != ""
        typed.append(value)
    return typed


def submit_report(page, report_id):
    """Submit for review; where a figure looks unusual against its target, the form asks to
    confirm it first (reporting.plausibility): these figures are right, so confirm."""
    page.get_by_role("button", name="Submit for review").click()
    page.wait_for_load_state()
    if "/edit/" in page.url and page.get_by_label("The figures are correct").count():
        page.get_by_label("The figures are correct").check()
        page.get_by_role("button", name="Submit for review").click()
    page.wait_for_url(f"**/reports/{report_id}/")


def test_report_submitted_returned_resubmitted_approved_and_locked(
    phone, live_server, demo_data, screenshot, tmp_path
):
    page = phone
    evidence = tmp_path / "attendance-sheet.pdf"
    evidence.write_bytes(PDF)

    # -- The reporter finds a report that is due and fills it in.
    log_in(page, "cso")
    page.get_by_role("navigation").get_by_role("link", name="My activities").click()
    page.wait_for_url("**/my/")
    page.get_by_role("heading", name="My activities", level=1).wait_for()
    # The demo data has a report in every state; each card says its state in words.
    for state in (
        "Due",
        "Late",
        "Draft saved",
        "Submitted, waiting for review",
        "Returned: please correct",
        "Approved",
    ):
        page.locator("li.card .tag", has_text=re.compile(f"^{re.escape(state)}$")).first.wait_for()
    fits_the_phone(page)
    screenshot(page, "my-activities.png")

    card = page.locator("li.card.state-due").first
    code = card.locator(".code").inner_text().strip()
    title = card.locator("h2").inner_text().strip()
    card.get_by_role("button", name="Start the report").click()
    page.wait_for_url(re.compile(r"/reports/\d+/edit/$"))
    report_id = int(re.search(r"/reports/(\d+)/edit/", page.url).group(1))
    page.get_by_role("heading", name=title, level=1).wait_for()

    page.get_by_label("Where does the activity stand?").select_option(label="In progress")
    page.get_by_label("Percent complete").fill("40")
    page.get_by_label("Achievements in this period").fill(ACHIEVEMENTS)
    page.get_by_label("Challenges").fill("Transport to the districts is expensive.")
    page.get_by_label("Women and girls, 18 to 29").fill("30")
    page.get_by_label("Women and girls, 30 to 59").fill("15")
    typed = fill_indicators(page, attempt=0)
    page.get_by_label("Add an evidence file").set_input_files(evidence)
    page.locator("legend", has_text="Indicators").evaluate("legend => legend.scrollIntoView()")
    fits_the_phone(page)
    screenshot(page, "report-form.png")

    submit_report(page, report_id)
    expect_text(page, "Report submitted. The Directorate will review it.")
    expect_text(page, ACHIEVEMENTS)
    expect_text(page, "attendance-sheet.pdf")
    page.locator("main .tag", has_text=re.compile(r"^Submitted$")).wait_for()
    assert page.get_by_role("link", name="Edit the report").count() == 0
    log_out(page, "cso")

    # -- The reviewer finds it in the queue, reads it and returns it with a comment.
    log_in(page, "reviewer")
    page.get_by_role("navigation").get_by_role("link", name="Review").click()
    page.wait_for_url("**/review/**")
    page.get_by_role("heading", name="Review queue").wait_for()
    page.locator("summary", has_text="Filter by").click()  # the filters fold away on a phone
    for name in ("Status", "Pillar", "Governorate", "Entity", "Period"):
        page.get_by_label(name, exact=True).wait_for()
    assert page.get_by_label("Status", exact=True).input_value() == "submitted"
    fits_the_phone(page)
    screenshot(page, "review-queue.png")
    row = page.locator("main tbody tr", has=page.locator(f'a[href="/reports/{report_id}/"]'))
    row.get_by_text("Alliance 1325").wait_for()
    row.get_by_text("Submitted", exact=True).wait_for()
    row.get_by_role("link", name=re.compile(re.escape(code))).click()
    page.wait_for_url(f"**/reports/{report_id}/")
    expect_text(page, ACHIEVEMENTS)
    table = page.locator("main table#indicator-values")
    for header in ("This period", "Last period", "Target", "Baseline"):
        table.get_by_role("columnheader", name=header).wait_for()
    assert this_period_values(page) == typed
    with page.expect_download() as download:
        page.get_by_role("link", name="attendance-sheet.pdf").click()
    assert download.value.suggested_filename == "attendance-sheet.pdf"
    with open(download.value.path(), "rb") as downloaded:
        assert downloaded.read() == PDF
    page.get_by_label("Comment for the reporter").fill(COMMENT)
    page.get_by_role("heading", name="Review").scroll_into_view_if_needed()
    fits_the_phone(page)
    screenshot(page, "review.png")

    page.get_by_role("button", name="Return to the reporter").click()
    page.wait_for_url(f"**/reports/{report_id}/")
    expect_text(page, "The report is returned to the reporter.")
    expect_text(page, "Returned for changes")
    log_out(page, "reviewer")

    # -- The reporter sees it returned, reads the comment, corrects a value and resubmits.
    log_in(page, "cso")
    page.goto("/my/")
    card = page.locator("li.card", has=page.locator(f'a[href="/reports/{report_id}/edit/"]'))
    card.get_by_text("Returned: please correct").wait_for()
    card.get_by_role("link", name="Correct and resubmit").click()
    page.wait_for_url(f"**/reports/{report_id}/edit/")
    notice = page.locator(".notice")
    notice.get_by_role("heading", name="Returned by the reviewer").wait_for()
    notice.get_by_text(COMMENT).wait_for()
    # What was sent before is still in the form.
    assert page.get_by_label("Percent complete").input_value() == "40"
    assert page.get_by_label("Achievements in this period").input_value() == ACHIEVEMENTS
    expect_text(page, "attendance-sheet.pdf")
    fits_the_phone(page)
    screenshot(page, "returned.png")

    corrected = fill_indicators(page, attempt=1, eastern=True)
    page.get_by_label("Percent complete").fill("٤٥")
    submit_report(page, report_id)
    expect_text(page, "Report submitted. The Directorate will review it.")
    log_out(page, "cso")

    # -- The reviewer approves it.
    log_in(page, "reviewer")
    page.goto(f"/reports/{report_id}/")
    assert this_period_values(page) == corrected
    # Approve locks the report: it asks for the reviewer's confirmation first.
    page.get_by_role("button", name="Approve").click()
    expect_text(page, "Tick the box to confirm")
    page.locator("main .tag", has_text=re.compile(r"^Submitted$")).wait_for()
    page.get_by_label("I have checked the figures and evidence").check()
    page.get_by_role("button", name="Approve").click()
    page.wait_for_url(f"**/reports/{report_id}/")
    expect_text(page, "The report is approved and locked.")
    assert page.get_by_role("button", name="Approve").count() == 0
    log_out(page, "reviewer")

    # -- The report is locked: the reporter can read it but not change it.
    log_in(page, "cso")
    page.goto(f"/reports/{report_id}/")
    status = page.locator("main .tag")
    status.filter(has_text=re.compile(r"^Approved$")).wait_for()
    status.filter(has_text=re.compile(r"^Locked$")).wait_for()
    assert page.get_by_role("link", name="Edit the report").count() == 0
    # Typed as ٤٥; shown as a percentage in the page's own style ("45 %" or "45%").
    page.locator("main").get_by_text(re.compile(r"\b45\s?%")).first.wait_for()
    timeline = page.locator("ol.timeline")
    for event in ("Created", "Submitted", "Returned for changes", "Approved"):
        timeline.get_by_text(event, exact=True).first.wait_for()
    timeline.get_by_text(COMMENT).wait_for()
    fits_the_phone(page)
    screenshot(page, "approved.png")

    page.goto(f"/reports/{report_id}/edit/")
    assert page.url.endswith(f"/reports/{report_id}/"), page.url
    page.locator("main .tag", has_text=re.compile(r"^Locked$")).wait_for()
    assert page.get_by_role("button", name="Submit for review").count() == 0
    page.goto("/my/")
    card = page.locator("li.card", has=page.locator(f'a[href="/reports/{report_id}/"]'))
    card.get_by_role("link", name="View the report").wait_for()
    card.get_by_text("Approved", exact=True).wait_for()

    report = ProgressReport.objects.get(pk=report_id)
    assert report.status == ReportStatus.APPROVED
    assert report.percent_complete == 45
    assert report.evidence.count() == 1
    assert page.console_errors == []
