"""The national overview and the map load in Chromium, on a phone, without console errors."""

import pytest

from tests.signin_helpers import browser_second_step

pytestmark = pytest.mark.browser


def test_the_overview_and_the_map_load_without_errors(phone, demo_data, live_server):
    page = phone
    page.goto("/accounts/login/")
    page.fill("#id_username", "director")
    page.fill("#id_password", "demo12345")
    page.locator("main button[type=submit]").click()
    browser_second_step(page, "director")
    page.wait_for_url("**/review/**")
    for path, heading in (
        ("/", "National overview"),
        ("/map/", "Map of the governorates"),
    ):
        page.goto(path)
        page.get_by_role("heading", name=heading, exact=True).wait_for()
    page.goto("/map/")
    assert page.locator(".tile").count() == 19
    page.get_by_role("link", name="Baghdad").first.click()
    page.get_by_role("heading", name="Baghdad").wait_for()
    assert page.console_errors == []
