"""Under the Content-Security-Policy, in real Chromium, beyond test_security_headers.py: the
bars are as wide as their class says, the report form, the admin's export and history pages
(third-party templates overridden without inline style or handler) and the API reference
(with style-src 'self', no 'unsafe-inline') work with no console error. A violation
shows in the console and is also caught by a `securitypolicyviolation` listener added before
any script of the page runs."""

import re

import pytest

from indicators.models import Indicator
from pillars.models import Pillar
from reporting.models import ProgressReport, ReportStatus
from tests.signin_helpers import browser_second_step

pytestmark = pytest.mark.browser

PASSWORD = "demo12345"
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
});
"""


@pytest.fixture
def page(phone):
    phone.context.add_init_script(REPORT_VIOLATIONS)
    return phone


def visit(page, path, wait_for):
    response = page.goto(path)
    assert response.status == 200, path
    assert "script-src 'self'" in response.headers["content-security-policy"], path
    page.locator(wait_for).first.wait_for(state="visible")
    page.wait_for_load_state("networkidle")
    return response


def log_in(page, username):
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Log in").click()
    page.wait_for_load_state("networkidle")
    if "/accounts/two-factor/" in page.url:  # the Directorate gives a second factor
        browser_second_step(page, username)
    page.get_by_role("button", name=f"Log out ({username})").wait_for()


def log_out(page, username):
    page.get_by_role("button", name=f"Log out ({username})").click()
    page.wait_for_url("**/accounts/login/")


def test_the_public_pages_draw_their_bars_and_map_within_the_policy(page, demo_data):
    pillar = Pillar.objects.order_by("number").first()
    indicator = Indicator.objects.filter(is_sensitive=False).order_by("pk").first()
    visit(page, "/", "main h1")
    visit(page, "/", ".bar > span")
    # A bar as wide as its class says: the style sheet, not an inline style, sets it.
    widths = page.eval_on_selector_all(
        ".bar > span",
        "spans => spans.map(s => [s.className, s.getBoundingClientRect().width,"
        " s.parentElement.getBoundingClientRect().width])",
    )
    assert widths
    for name, width, whole in widths:
        step = int(re.fullmatch(r"w-(\d+)", name).group(1))
        assert abs(width - whole * step / 100) <= 2.5, (name, width, whole)
    visit(page, f"/pillars/{pillar.code}/", "main h1")
    visit(page, f"/indicators/{indicator.pk}/", "main h1")
    visit(page, "/map/", ".tile")
    # The tiles stand where the map puts them: Dahuk in the top row, Basra at the bottom.
    dahuk = page.locator(".tile.row-1").first.bounding_box()
    basra = page.locator(".tile.row-7").first.bounding_box()
    assert dahuk["y"] < basra["y"]
    assert page.console_errors == []


def test_the_report_form_works_within_the_policy(page, demo_data):
    log_in(page, "cso")
    report = (
        ProgressReport.objects.filter(
            status=ReportStatus.DRAFT, entity__memberships__user__username="cso"
        )
        .order_by("pk")
        .first()
    )
    assert report is not None
    visit(page, f"/reports/{report.pk}/edit/", "main form")
    visit(page, "/my/", "main h1")
    log_out(page, "cso")
    assert page.console_errors == []


def test_the_admin_export_and_history_pages_work_within_the_policy(page, demo_data):
    indicator = Indicator.objects.order_by("pk").first()
    log_in(page, "director")
    visit(page, "/admin/indicators/indicator/", "#result_list")
    visit(page, f"/admin/indicators/indicator/{indicator.pk}/history/", "#content")
    visit(page, "/admin/indicators/indicator/export/", "#content form")
    # The export page's "select all" box still works, bound from a file.
    toggle = page.locator("input.select-toggle")
    if toggle.count():
        toggle.uncheck()
        assert page.locator(".selectable-field-export-row input:checked").count() == 0
        toggle.check()
    assert page.console_errors == []


def test_the_api_reference_opens_a_data_type_with_strict_styles(page, demo_data):
    """It was Swagger UI, whose "Try it out" this test drove: now a plain page whose data
    types open and close with no script, under the same policy."""
    response = visit(page, "/api/docs/", "main h1")
    assert "style-src 'self';" in response.headers["content-security-policy"] + ";"
    assert page.locator("script").count() == 0
    page.locator("details#type-Indicator summary").click()
    page.locator("details#type-Indicator table").wait_for(state="visible")
    page.locator('a[href="#type-PaginatedIndicatorList"]').first.click()
    page.locator("details#type-PaginatedIndicatorList").wait_for()
    assert page.console_errors == []
