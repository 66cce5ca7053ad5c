"""Arabic and Kurdish in real Chromium on a phone-sized screen: a CSO reporter switches the
portal to Arabic with the switcher at the top of the page, fills in and submits a report, then
switches to Kurdish; the choice is remembered on the account. The pages are right to left and
fit the phone's width.

Also writes the Arabic and Kurdish screenshots of the README (docs/screenshots/)."""

import re

import pytest
from django.utils import translation

from accounts.models import User
from reporting.models import ProgressReport, ReportStatus

pytestmark = pytest.mark.browser

ACHIEVEMENTS = "عُقدت ثلاث جلسات تدريبية في بغداد لـ 45 امرأة من المرشحات."


def t(language, text):
    """The text as the portal shows it in the language (from the committed catalogues)."""
    with translation.override(language):
        return translation.gettext(text)


def switch_language(page, current, code):
    page.get_by_label(t(current, "Language"), exact=True).select_option(code)
    page.get_by_role("button", name=t(current, "Change"), exact=True).click()
    page.wait_for_selector(f'html[lang="{code}"][dir="rtl"]')


def fits_the_phone(page):
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{page.url} is {overflow}px wider than the phone's screen"


def test_a_reporter_works_in_arabic_then_in_kurdish(phone, live_server, demo_data, screenshot):
    page = phone
    page.goto("/accounts/login/")
    switch_language(page, "en", "ar")
    page.get_by_label(t("ar", "Username")).fill("cso")
    page.get_by_label(t("ar", "Password")).fill("demo12345")
    page.locator("main").get_by_role("button", name=t("ar", "Log in")).click()
    page.get_by_role("navigation").get_by_role("link", name=t("ar", "My activities")).click()
    page.get_by_role("heading", name=t("ar", "My activities"), level=1).wait_for()
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    fits_the_phone(page)
    screenshot(page, "ar-my-activities.png")

    # A report that is due, filled in and submitted in Arabic.
    card = page.locator("li.card.state-due").first
    card.get_by_role("button", name=t("ar", "Start the report")).click()
    page.wait_for_url(re.compile(r"/reports/\d+/edit/$"))
    report_id = int(re.search(r"/reports/(\d+)/edit/", page.url).group(1))
    page.get_by_label(t("ar", "Where does the activity stand?")).select_option("in_progress")
    page.get_by_label(t("ar", "Percent complete")).fill("40")
    page.get_by_label(t("ar", "Achievements in this period")).fill(ACHIEVEMENTS)
    for box in page.locator("fieldset .indicator > .field input").all():
        box.fill("1")  # a valid value whatever the unit: number, per cent or yes/no
    page.get_by_label(t("ar", "Achievements in this period")).scroll_into_view_if_needed()
    fits_the_phone(page)
    screenshot(page, "ar-report-form.png")
    page.get_by_role("button", name=t("ar", "Submit for review")).click()
    page.wait_for_url(f"**/reports/{report_id}/")
    message = t("ar", "Report submitted. The Directorate will review it.")
    page.locator("main").get_by_text(message).wait_for()
    page.locator("main").get_by_text(ACHIEVEMENTS).first.wait_for()
    fits_the_phone(page)
    screenshot(page, "ar-report.png")
    report = ProgressReport.objects.get(pk=report_id)
    assert report.status == ReportStatus.SUBMITTED and report.achievements == ACHIEVEMENTS
    assert User.objects.get(username="cso").language == "ar"

    # Kurdish, from the same switcher; the choice follows the account.
    switch_language(page, "ar", "ckb")
    page.goto("/my/")
    page.get_by_role("heading", name=t("ckb", "My activities"), level=1).wait_for()
    fits_the_phone(page)
    screenshot(page, "ckb-my-activities.png")
    returned = page.locator("li.card.state-returned").first
    returned.get_by_role("link", name=t("ckb", "Correct and resubmit")).click()
    page.wait_for_url(re.compile(r"/reports/\d+/edit/$"))
    page.locator(".notice").get_by_role(
        "heading", name=t("ckb", "Returned by the reviewer")
    ).wait_for()
    fits_the_phone(page)
    screenshot(page, "ckb-report-form.png")
    assert User.objects.get(username="cso").language == "ckb"
    assert page.console_errors == []


def test_the_dashboard_in_arabic(phone, live_server, demo_data, screenshot):
    page = phone
    page.goto("/?lang=ar")
    page.wait_for_selector('html[lang="ar"][dir="rtl"]')
    page.get_by_role("heading", name=t("ar", "National overview"), level=1).wait_for()
    # The bars grow from the right, as the text runs.
    bar = page.locator("span.bar > span").first
    outer = page.locator("span.bar").first.bounding_box()
    inner = bar.bounding_box()
    assert abs((inner["x"] + inner["width"]) - (outer["x"] + outer["width"])) < 3
    fits_the_phone(page)
    screenshot(page, "ar-dashboard.png")
    assert page.console_errors == []
