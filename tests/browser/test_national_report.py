"""The public national progress report on a 360 px phone, in English and Arabic: the page
never scrolls sideways (wide tables scroll inside their own focusable region), and its charts
fit the screen."""

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_report_fits_a_phone(phone, demo_data, live_server, screenshot, language):
    page = phone
    page.goto(f"/progress-report/?lang={language}")  # a visitor: no sign-in
    page.locator("h1").first.wait_for()
    assert page.evaluate("document.documentElement.dir") == ("rtl" if language == "ar" else "ltr")
    width = page.evaluate("window.innerWidth")
    assert width == 360
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    charts = page.locator("svg.chart")
    assert charts.count() >= 3
    for index in range(charts.count()):
        box = charts.nth(index).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width + 0.5
    # The governorate summary is wider than the phone: it scrolls in its own region, which the
    # keyboard reaches and which says what it holds.
    region = page.locator("div.table-scroll[aria-labelledby=by-governorate]")
    assert region.get_attribute("role") == "region" and region.get_attribute("tabindex") == "0"
    assert region.evaluate("e => e.scrollWidth > e.clientWidth")
    region.focus()
    assert page.evaluate("document.activeElement.getAttribute('aria-labelledby')") == (
        "by-governorate"
    )
    screenshot(page, f"national-report-phone-{language}.png")
    assert page.console_errors == []
