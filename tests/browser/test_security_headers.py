"""Under the Content-Security-Policy, every kind of page works in a real browser: no script,
style or image refused (Chromium reports each refusal as a console error)."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = [
    "/",
    "/map/",
    "/map/?measure=activities",
    "/pillars/protection/",
    "/governorates/IQ-NI/",
    "/follow-up/",
    "/api/docs/",
]


def test_public_pages_and_the_api_docs_run_with_no_policy_violation(phone, demo_data):
    page = phone
    for url in PAGES:
        response = page.goto(url)
        assert response.status == 200, url
        assert "object-src 'none'" in response.headers["content-security-policy"], url
        page.wait_for_load_state("networkidle")
    page.goto("/api/docs/")
    page.wait_for_selector(".swagger-ui .info", timeout=20_000)  # Swagger UI really started
    assert page.console_errors == []


def test_the_admin_and_the_review_pages_run_with_no_policy_violation(phone, demo_data):
    from tests.browser.test_reporting_flow import log_in

    page = phone
    log_in(page, "director")
    for url in ["/admin/", "/admin/reporting/progressreport/", "/review/", "/dashboard/"]:
        response = page.goto(url)
        assert response.status == 200, url
        assert "no-store" in response.headers["cache-control"], url
    page.goto("/admin/policy/activity/")
    page.locator("#result_list tbody tr a").first.click()  # a change form, with its widgets
    page.wait_for_load_state("networkidle")
    assert page.console_errors == []
