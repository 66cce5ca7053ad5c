"""The follow-up pages in real Chromium on a phone-sized screen: a visitor reads where the laws
stand and what civil society disputes; a CSO member assesses a recommendation; the Directorate
replies. Also writes the follow-up screenshots of the README (docs/screenshots/)."""

import re

import pytest

from followup.models import Assessment, Recommendation

pytestmark = pytest.mark.browser


def fits_the_phone(page):
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{page.url} is {overflow}px wider than the phone's screen"


def log_in(page, username):
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("demo12345")
    page.locator("main").get_by_role("button", name="Log in").click()
    page.get_by_role("button", name=re.compile(f"Log out.*{username}")).wait_for()


def test_visitor_reads_the_follow_up_and_civil_society_assesses(
    phone, live_server, demo_data, screenshot
):
    page = phone
    page.goto("/")
    page.get_by_role("navigation").get_by_role("link", name="Follow-up").click()
    page.get_by_role("heading", name="Follow-up of the policy").wait_for()
    page.get_by_role("link", name="Legislation").click()
    page.get_by_role("link", name="Anti-Domestic Violence Law").wait_for()
    page.locator(".stages li.current", has_text="Drafting").first.wait_for()
    fits_the_phone(page)
    screenshot(page, "legislation.png")
    page.get_by_role("link", name="Anti-Domestic Violence Law").click()
    page.get_by_text("Civil Society Conference outcomes").first.wait_for()
    assert page.get_by_role("heading", name="Record a stage").count() == 0

    page.goto("/disputed/")
    cards = page.locator("main li.card")
    assert cards.count() >= 2
    cards.first.get_by_text("Official record").wait_for()
    cards.first.get_by_text("Civil society").wait_for()
    fits_the_phone(page)
    screenshot(page, "disputed.png")

    # A member of Alliance 1325 assesses a recommendation.
    item = Recommendation.objects.get(code="covid-e4")
    log_in(page, "cso")
    page.goto(f"/recommendations/{item.pk}/")
    page.get_by_role("link", name="Give your organisation's assessment").click()
    page.get_by_label("Period").select_option(label="2024-Q2")
    page.get_by_label("Partly implemented").check()
    page.get_by_label("What your organisation observed").fill("Two nurseries opened in Basra.")
    fits_the_phone(page)
    page.get_by_role("button", name="Save the assessment").click()
    page.get_by_text("Your organisation's assessment is saved.").wait_for()
    page.get_by_text("Two nurseries opened in Basra.").wait_for()
    # The Directorate said "not accepted": two steps apart, so the item is disputed.
    page.locator("main .tag", has_text="Disputed").first.wait_for()
    assessment = Assessment.objects.get(recommendation=item)
    assert assessment.rating == 3
    assert page.console_errors == []
