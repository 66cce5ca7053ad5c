"""A background job followed in real Chromium, in Arabic: the progress bar moves as the job
goes, and the page shows the result by itself when the job is done (no console errors, so the
script passes the Content-Security-Policy)."""

import pytest
from django.utils import timezone, translation

from jobs import progress
from jobs.models import Job
from tests.factories import UserFactory

pytestmark = pytest.mark.browser

PASSWORD = "a-long-test-password-42"


def t(language, text, **values):
    with translation.override(language):
        return translation.gettext(text) % values if values else translation.gettext(text)


def test_the_progress_bar_moves_and_the_result_appears(phone, live_server, transactional_db):
    from playwright.sync_api import expect

    user = UserFactory(username="amal", language="ar")
    user.set_password(PASSWORD)
    user.save()
    job = Job.objects.create(
        user=user,
        kind="plan.import",
        params={"sheet": "activities", "file": "activities.xlsx"},
        state=Job.State.RUNNING,
        total=3000,
        language="ar",
    )
    progress.Progress(job.pk)(300, 3000)

    page = phone
    page.goto("/accounts/login/")
    page.locator("input[name=username]").fill("amal")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form [type=submit]").last.click()
    page.wait_for_load_state()
    page.goto(job.get_absolute_url())
    assert page.locator("html").get_attribute("dir") == "rtl"
    bar = page.locator("progress[data-job-bar]")
    assert bar.evaluate("b => b.value") == 300

    progress.Progress(job.pk)(1800, 3000)
    expect(bar).to_have_attribute("value", "1800")  # the script asked, and moved the bar
    assert page.get_by_role("status").filter(has_text="3,000").count() == 1

    Job.objects.filter(pk=job.pk).update(
        state=Job.State.DONE,
        finished_at=timezone.now(),
        done=3000,
        result={"sheet": "activities", "rows": 3000, "new": 3000, "update": 0, "skip": 0},
    )
    page.wait_for_selector(".job-counts")  # the page loaded itself again
    assert page.locator("progress").count() == 0
    assert t("ar", "Done") in page.locator("[data-job-state]").inner_text()
    assert page.console_errors == []
