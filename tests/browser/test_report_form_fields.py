"""The report form's fields in a phone's browser (issue 16): a missing value linked from the error
summary (the link takes the reader to the box, which is marked and says why), "not available"
ticked instead of a value, a figure far above its target confirmed, and the chosen evidence
file kept through the errors."""

import re

import pytest

from tests.browser.test_reporting_flow import PDF, fits_the_phone, log_in

pytestmark = pytest.mark.browser


def test_errors_link_to_their_field_not_available_and_a_kept_file(
    phone, live_server, demo_data, screenshot, tmp_path
):
    from reporting.models import Evidence, IndicatorValue

    page = phone
    evidence = tmp_path / "attendance-sheet.pdf"
    evidence.write_bytes(PDF)
    log_in(page, "cso")
    page.goto("/my/")
    page.locator("li.card.state-due").first.get_by_role("button", name="Start the report").click()
    page.wait_for_url(re.compile(r"/reports/\d+/edit/$"))
    report_id = int(re.search(r"/reports/(\d+)/edit/", page.url).group(1))

    page.get_by_label("Where does the activity stand?").select_option(label="In progress")
    page.get_by_label("Percent complete").fill("٣٠")
    page.get_by_label("Achievements in this period").fill("Two workshops.")
    blocks = page.locator("fieldset .indicator")
    assert blocks.count() >= 1
    # The first box is left empty; the file is chosen; submit.
    page.get_by_label("Add an evidence file").set_input_files(str(evidence))
    accept = page.get_by_label("Add an evidence file").get_attribute("accept")
    assert "image/*" in accept.split(",")  # a phone offers its camera beside its files
    for i in range(1, blocks.count()):
        blocks.nth(i).locator("input[inputmode=decimal]").fill("1")
    page.get_by_role("button", name="Submit for review").click()
    page.wait_for_url(f"**/reports/{report_id}/edit/")

    summary = page.locator("#error-summary")
    summary.get_by_role("heading", name="There is a problem").wait_for()
    first = blocks.nth(0).locator("input[inputmode=decimal]")
    field_id = first.get_attribute("id")
    link = summary.locator(f'a[href="#{field_id}"]')
    assert "give a value" in link.inner_text()
    assert first.get_attribute("aria-invalid") == "true"
    # The message a screen reader reads with the field is the one shown beside it.
    described = first.get_attribute("aria-describedby").split()
    assert f"{field_id}_error" in described
    assert "give a value" in page.locator(f"#{field_id}_error").inner_text()
    # The file chosen is kept: no need to choose it again.
    page.locator("main").get_by_text("Kept:").wait_for()
    page.locator("main").get_by_text("attendance-sheet.pdf").first.wait_for()
    link.click()
    assert page.evaluate("location.hash") == f"#{field_id}"
    assert first.bounding_box()["y"] < page.viewport_size["height"]
    fits_the_phone(page)
    screenshot(page, "report-form-errors.png", full_page=True)

    # The figure cannot be had: ticked "Not available", with the reason.
    blocks.nth(0).get_by_label("Not available", exact=True).check()
    blocks.nth(0).get_by_label("Why not available? (optional)").fill("No records this year")
    page.get_by_role("button", name="Submit for review").click()
    page.wait_for_url(f"**/reports/{report_id}/")
    page.locator("main").get_by_text("Not available").first.wait_for()
    page.locator("main").get_by_text("No records this year").wait_for()
    assert Evidence.objects.filter(report_id=report_id).count() == 1
    unavailable = IndicatorValue.objects.filter(report_id=report_id, not_available=True)
    assert unavailable.count() == 1 and unavailable.get().value is None
    assert not page.console_errors, page.console_errors
