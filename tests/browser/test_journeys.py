"""Each kind of user walks their journey in Chromium, on a phone, by clicking, without a dead
end: every page is reached through a link of the page before, every link of the menu answers
200, and no page tells the person it is not for them.

- A visitor: the national overview -> a pillar -> an objective -> an activity -> an indicator
  -> a governorate, and back to the overview by the breadcrumb; the national report; Data and
  API, and from there the API reference.
- A focal point and a CSO reporter: sign-in lands on My activities -> one of their reports.
- A reviewer: sign-in lands on the review queue -> a report.
- The Directorate's admin: sign-in lands on the review queue -> the plan admin.
- A partner: sign-in lands on Data and API; they make a token, use it against /api/v1/, and
  revoke it.
"""

import json
import re
import urllib.error
import urllib.request

import pytest

from tests.signin_helpers import browser_second_step

pytestmark = pytest.mark.browser

PASSWORD = "demo12345"
NOT_YOURS = "does not report for any organisation"


def _menu_answers(page):
    """Every link of the main menu answers 200 to this person, with nothing saying the page is
    not theirs."""
    links = page.locator('nav[aria-label="Main"] a')
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert hrefs
    for href in hrefs:
        answer = page.request.get(href)
        assert answer.status == 200, (href, answer.status)
        assert NOT_YOURS not in answer.text(), href
    return hrefs


def _menu_link(page, name):
    return page.locator('nav[aria-label="Main"]').get_by_role("link", name=name, exact=True)


def _theirs(page):
    """The page reached is a page for this person (not an error, not "not for you")."""
    assert NOT_YOURS not in page.locator("main").inner_text(), page.url
    assert page.get_by_role("heading", level=1).count() == 1, page.url
    assert "Page not found" not in page.title() and "Forbidden" not in page.title()


def _log_in(page, username):
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Log in").click()
    if username in ("director", "reviewer"):  # the Directorate signs in with a second factor
        browser_second_step(page, username)
    page.get_by_role("button", name=f"Log out ({username})").wait_for()


def _log_out(page, username):
    page.get_by_role("button", name=f"Log out ({username})").click()
    page.wait_for_url("**/accounts/login/**")


def _path_down_the_plan():
    """An indicator of an activity of the published plan that has a target in a governorate:
    the visitor's path goes through its pillar, objective and activity to that governorate."""
    from indicators.models import Target

    target = (
        Target.objects.filter(
            governorate__isnull=False,
            indicator__activity__isnull=False,
            indicator__policy__is_published=True,
        )
        .select_related("indicator__activity__objective__pillar", "governorate")
        .order_by("indicator__code")
        .first()
    )
    assert target is not None, "the demo plan has no governorate target"
    return target.indicator, target.governorate


def _click(page, selector, url_pattern):
    page.locator(selector).first.click()
    page.wait_for_url(url_pattern)
    _theirs(page)


def test_a_visitor_clicks_down_the_plan_and_back_without_a_dead_end(phone, demo_data):
    page = phone
    indicator, governorate = _path_down_the_plan()
    activity = indicator.activity
    objective = activity.objective
    pillar = objective.pillar

    page.goto("/")
    page.get_by_role("heading", name="National overview", level=1).wait_for()
    _theirs(page)
    menu = _menu_answers(page)
    assert "/data/" in menu and "/progress-report/" in menu

    _click(page, f'main a[href^="/pillars/{pillar.code}/"]', f"**/pillars/{pillar.code}/**")
    page.get_by_role("heading", name=str(pillar), level=1).wait_for()
    _click(page, f'main a[href="/objectives/{objective.pk}/"]', f"**/objectives/{objective.pk}/")
    _click(page, f'main a[href="/activities/{activity.pk}/"]', f"**/activities/{activity.pk}/")
    _click(page, f'main a[href="/indicators/{indicator.pk}/"]', f"**/indicators/{indicator.pk}/")
    page.get_by_role("heading", name=indicator.title, level=1).wait_for()
    # Every level above the indicator is a link back in its breadcrumbs.
    crumbs = page.locator("nav.breadcrumbs a")
    assert [crumbs.nth(i).get_attribute("href").split("?")[0] for i in range(4)] == [
        "/",
        f"/pillars/{pillar.code}/",
        f"/objectives/{objective.pk}/",
        f"/activities/{activity.pk}/",
    ]
    _click(
        page,
        f'main a[href^="/governorates/{governorate.code}/"]',
        f"**/governorates/{governorate.code}/**",
    )
    page.get_by_role("heading", name=governorate.name, level=1).wait_for()
    # The governorate page leads on: to its activities, pillars and indicators.
    for prefix in ("/activities/", "/pillars/", "/indicators/"):
        assert page.locator(f'main a[href^="{prefix}"]').count() > 0, prefix

    page.locator("nav.breadcrumbs").get_by_role("link", name="National overview").click()
    page.wait_for_url(re.compile(r"/(\?.*)?$"))
    page.get_by_role("heading", name="National overview", level=1).wait_for()

    _menu_link(page, "National report").click()
    page.wait_for_url("**/progress-report/**")
    _theirs(page)
    _menu_link(page, "Data and API").click()
    page.wait_for_url("**/data/")
    page.get_by_role("heading", name="Data and API", level=1).wait_for()
    page.locator("main").get_by_role("link", name="API reference").click()
    page.wait_for_url("**/api/docs/")
    page.get_by_role("heading", name="API reference", level=1).wait_for()
    assert page.console_errors == []


@pytest.mark.parametrize("username", ["focal", "cso"])
def test_a_reporter_lands_on_their_activities_and_opens_a_report(phone, demo_data, username):
    page = phone
    _log_in(page, username)
    page.wait_for_url("**/my/")
    page.get_by_role("heading", name="My activities", level=1).wait_for()
    _theirs(page)
    _menu_answers(page)
    report = page.locator('main li.card a[href^="/reports/"]').first
    report.click()
    page.wait_for_url(re.compile(r"/reports/\d+/(edit/)?$"))
    _theirs(page)
    assert page.console_errors == []


def test_a_reviewer_lands_on_the_queue_and_opens_a_report(phone, demo_data):
    page = phone
    _log_in(page, "reviewer")
    page.wait_for_url("**/review/**")
    page.get_by_role("heading", name="Review queue", level=1).wait_for()
    menu = _menu_answers(page)
    assert "/my/" not in menu
    page.locator('main table a[href^="/reports/"]').first.click()
    page.wait_for_url(re.compile(r"/reports/\d+/$"))
    _theirs(page)
    assert page.console_errors == []


def test_the_directorate_admin_lands_on_the_queue_and_reaches_the_admin(phone, demo_data):
    page = phone
    _log_in(page, "director")
    page.wait_for_url("**/review/**")
    _menu_answers(page)
    _menu_link(page, "Plan admin").click()
    page.wait_for_url("**/admin/")
    assert page.locator("#content").count() == 1
    assert page.console_errors == []


def _api(url, key):
    request = urllib.request.Request(url, headers={"Authorization": f"Token {key}"})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as error:
        return error.code, None


def test_a_partner_lands_on_data_and_api_and_makes_uses_and_revokes_a_token(
    phone, demo_data, live_server
):
    page = phone
    _log_in(page, "partner")
    page.wait_for_url("**/data/")
    page.get_by_role("heading", name="Data and API", level=1).wait_for()
    menu = _menu_answers(page)
    assert "/my/" not in menu

    page.get_by_label("What will use the token?").fill("UN Women dashboard")
    page.get_by_role("button", name="Make a token").click()
    key = page.locator("#api-key").inner_text().strip()
    assert len(key) >= 43
    status, body = _api(f"{live_server.url}/api/v1/indicators/", key)
    assert status == 200 and body["count"] > 0

    page.goto("/data/")  # the key is shown once: not on the page again
    assert key not in page.content()
    page.get_by_role("button", name=re.compile(rf"^Revoke {re.escape(key[:8])}")).click()
    page.wait_for_url("**/data/")
    page.get_by_text("no longer works").wait_for()
    status, _body = _api(f"{live_server.url}/api/v1/indicators/", key)
    assert status == 401
    assert page.console_errors == []
