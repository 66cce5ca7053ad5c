"""Right-to-left details as a person sees them in Chromium: on the report form in Arabic the
target reads "40 (الربع 4، 2024)" from the right, with the figure first; the admin's select
boxes and calendar speak Kurdish and Arabic and name the Gregorian months as Iraq does."""

import pytest
from django.utils import translation

from tests.signin_helpers import browser_second_step

pytestmark = pytest.mark.browser

IRAQI_MONTHS = {
    "ar": "كانون الثاني، شباط، آذار، نيسان، أيار، حزيران، تموز، آب، أيلول، تشرين الأول، "
    "تشرين الثاني، كانون الأول",
    "ckb": "کانوونی دووەم، شوبات، ئازار، نیسان، ئایار، حوزەیران، تەممووز، ئاب، ئەیلوول، "
    "تشرینی یەکەم، تشرینی دووەم، کانوونی یەکەم",
}


def t(language, text):
    with translation.override(language):
        return translation.gettext(text)


@pytest.fixture
def desk(chromium, live_server):
    context = chromium.new_context(
        viewport={"width": 1280, "height": 900}, device_scale_factor=1, base_url=live_server.url
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


def sign_in(page, username, language):
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("demo12345")
    page.locator("main").get_by_role("button", name="Log in").click()
    if username in ("director", "reviewer"):
        browser_second_step(page, username)
    page.wait_for_load_state()
    # The switcher at the top of the page; the choice goes on the account.
    page.get_by_label("Language", exact=True).first.select_option(language)
    page.get_by_role("button", name="Change", exact=True).first.click()
    page.wait_for_selector(f'html[lang="{language}"][dir="rtl"]')


def test_a_target_reads_from_the_right_in_arabic(desk, demo_data, screenshot):
    page = desk
    sign_in(page, "cso", "ar")
    from reporting.models import ProgressReport

    report = ProgressReport.objects.get(activity__code="4.1.1", period__label="2024-Q4")
    page.goto(f"/reports/{report.pk}/edit/")
    target = page.locator("dl.beside > div").filter(has_text=t("ar", "Target")).first.locator("dd")
    figure = target.locator("bdi[dir=ltr]").bounding_box()
    # The first line of the period (it may wrap in the narrow column).
    period = target.locator("bdi:not([dir])").evaluate(
        "e => { const r = e.getClientRects()[0]; return {x: r.x, width: r.width}; }"
    )
    assert "الربع" in target.locator("bdi:not([dir])").inner_text()
    # Right to left: the figure is read first, at the right; the period after it, to its left.
    assert figure["x"] > period["x"] + period["width"] - 1
    hint = page.locator("[id$=evidence_helptext], .hint, .helptext").filter(has_text="PDF").first
    text = hint.inner_text()
    assert "، " in text and "PDF, " not in text
    assert text.index("PDF") < text.index("XLSX")  # in the text's order, so read from the right
    target.scroll_into_view_if_needed()
    screenshot(page, "ar-report-form-target.png")


@pytest.mark.parametrize("language", ["ckb", "ar"])
def test_the_admin_s_widgets_and_calendar_in_the_language(desk, demo_data, screenshot, language):
    page = desk
    sign_in(page, "director", language)
    page.goto("/admin/policy/activity/add/")
    # The select boxes of governorates, groups and themes (Django's SelectFilter).
    selector = page.locator("div.selector").first
    selector.wait_for()
    words = selector.inner_text() + (
        selector.locator(".selector-filter input").first.get_attribute("placeholder") or ""
    )
    assert page.locator(".selector-chooseall").first.inner_text().strip()
    for english in ("Choose", "Remove", "Available", "Chosen", "Filter", "selecting"):
        assert english not in words, english
    # The calendar of the start date: this month's name as Iraq says it.
    page.locator(".datetimeshortcuts a[id^=calendarlink]").first.click()
    caption = page.locator(".calendarbox caption").first
    caption.wait_for()
    # The browser's month, whatever the test machine's clock says.
    number = page.evaluate("new Date().getMonth()")
    assert IRAQI_MONTHS[language].split("، ")[number] in caption.inner_text()
    screenshot(page, f"{language}-admin-widgets.png", full_page=True)
