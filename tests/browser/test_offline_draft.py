"""Drafts that survive a bad connection (issue 16), in real Chromium on a phone-sized screen:
the report form keeps what the reporter types in the browser (IndexedDB), a save without a
connection is queued and sent when the connection returns, the service worker serves the form
offline, a save refused as a conflict keeps the text, and an expired session does not lose it.

Before issue 16 the save offline ended on the browser's error page and the text was gone."""

import re

import pytest
from django.db.models import F

from reporting.models import ProgressReport, ReportStatus
from tests.browser.test_reporting_flow import log_in

pytestmark = pytest.mark.browser

TYPED = "Typed on the bus: 25 women joined the local peace committee in Basra."
COLLEAGUE = "A colleague's text, saved from the office meanwhile."


def cso_draft():
    return ProgressReport.objects.filter(
        status=ReportStatus.DRAFT, entity__code="alliance-1325"
    ).first()


def open_form_for_offline(page, report):
    """Open the report form and wait until the service worker controls it and keeps a copy."""
    page.goto(f"/reports/{report.pk}/edit/")
    state = page.evaluate(
        """async () => {
            let state;
            for (let i = 0; i < 200; i++) {
                const cache = await caches.open("wps-reporter-v1");
                state = {
                    controlled: Boolean(navigator.serviceWorker.controller),
                    kept: Boolean(await cache.match(location.pathname)),
                };
                if (state.controlled && state.kept) return state;
                await new Promise(resolve => setTimeout(resolve, 100));
            }
            return state;
        }"""
    )
    assert state == {"controlled": True, "kept": True}, (state, page.console_errors)


def achievements(page):
    page.locator("form[data-draft-ready]").wait_for(state="attached")  # its script has started
    return page.get_by_label("Achievements in this period")


def status_line(page, text):
    page.locator("main .draft-status").get_by_text(text, exact=False).wait_for()


def queued_saves(page):
    return page.evaluate(
        """() => new Promise(resolve => {
            const open = indexedDB.open("wps-offline", 1);
            open.onsuccess = () => {
                const get = open.result.transaction("queue").objectStore("queue").getAll();
                get.onsuccess = () => resolve(get.result.length);
            };
        })"""
    )


def test_a_save_offline_is_queued_kept_through_a_reload_and_sent_when_back_online(
    phone, live_server, demo_data
):
    page = phone
    report = cso_draft()
    log_in(page, "cso")
    open_form_for_offline(page, report)
    achievements(page).fill(TYPED)

    page.context.set_offline(True)
    page.get_by_role("button", name="Save draft").click()
    status_line(page, "Your report is kept in this browser and will be sent")
    assert queued_saves(page) == 1
    assert ProgressReport.objects.get(pk=report.pk).achievements != TYPED

    # Reloading without a connection: the worker serves the form, which offers the text back.
    page.reload()
    status_line(page, "waiting for the connection")
    status_line(page, "is kept in this browser but was not saved")
    assert achievements(page).input_value() != TYPED
    page.get_by_role("button", name="Restore it").click()
    assert achievements(page).input_value() == TYPED

    # The connection returns: the queued save reaches the server, and the draft is forgotten.
    page.context.set_offline(False)
    page.locator("main .messages").get_by_text("Draft saved.").wait_for()
    after = ProgressReport.objects.get(pk=report.pk)
    assert after.achievements == TYPED
    assert after.version == report.version + 1
    assert queued_saves(page) == 0
    page.reload()
    assert achievements(page).input_value() == TYPED
    assert page.get_by_role("button", name="Restore it").count() == 0
    assert page.console_errors == []


def test_a_queued_save_of_a_report_changed_meanwhile_is_refused_and_the_text_kept(
    phone, live_server, demo_data
):
    page = phone
    report = cso_draft()
    log_in(page, "cso")
    open_form_for_offline(page, report)
    achievements(page).fill(TYPED)
    page.context.set_offline(True)
    page.get_by_role("button", name="Save draft").click()
    status_line(page, "will be sent when the connection returns")

    # Meanwhile a colleague saves the same report from the office.
    ProgressReport.objects.filter(pk=report.pk).update(
        achievements=COLLEAGUE, version=F("version") + 1
    )
    page.context.set_offline(False)
    page.locator("main .error-summary").get_by_text("changed", exact=False).first.wait_for()
    assert achievements(page).input_value() == TYPED  # the reporter's text, to compare
    assert ProgressReport.objects.get(pk=report.pk).achievements == COLLEAGUE
    assert queued_saves(page) == 0

    # Opened again, the form shows the colleague's text and offers the reporter's back.
    page.reload()
    assert achievements(page).input_value() == COLLEAGUE
    page.get_by_role("button", name="Restore it").click()
    assert achievements(page).input_value() == TYPED


def test_a_save_after_the_session_ended_keeps_the_text_for_after_signing_in(
    phone, live_server, demo_data
):
    page = phone
    report = cso_draft()
    log_in(page, "cso")
    page.goto(f"/reports/{report.pk}/edit/")
    achievements(page).fill(TYPED)
    page.context.clear_cookies(name="sessionid")  # the session ended while typing
    page.get_by_role("button", name="Save draft").click()
    page.get_by_role("heading", name="You were signed out").wait_for()
    page.locator("main").get_by_text(TYPED).wait_for()
    assert ProgressReport.objects.get(pk=report.pk).achievements != TYPED

    page.locator("main").get_by_role("link", name="Log in").click()
    page.get_by_label("Username").fill("cso")
    page.get_by_label("Password").fill("demo12345")
    page.locator("main").get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(rf"/reports/{report.pk}/edit/$"))
    page.get_by_role("button", name="Restore it").click()
    assert achievements(page).input_value() == TYPED
    page.get_by_role("button", name="Save draft").click()
    page.locator("main .messages").get_by_text("Draft saved.").wait_for()
    assert ProgressReport.objects.get(pk=report.pk).achievements == TYPED


def test_the_draft_of_one_person_is_never_offered_to_another(phone, live_server, demo_data):
    """A shared phone: drafts are kept under the user's id; logging out empties them."""
    page = phone
    report = cso_draft()
    log_in(page, "cso")
    page.goto(f"/reports/{report.pk}/edit/")
    achievements(page).fill(TYPED)
    page.wait_for_timeout(800)  # the draft is written 400 ms after the last key
    page.reload()
    page.get_by_role("button", name="Restore it").wait_for()
    page.get_by_role("button", name="Log out (cso)").click()
    page.wait_for_url("**/accounts/login/")
    drafts = page.evaluate(
        """() => new Promise(resolve => {
            const open = indexedDB.open("wps-offline", 1);
            open.onupgradeneeded = () => ["drafts", "queue", "meta"].forEach(
                name => open.result.createObjectStore(name, {keyPath: "key"}));
            open.onsuccess = () => {
                const get = open.result.transaction("drafts").objectStore("drafts").getAll();
                get.onsuccess = () => resolve(get.result.length);
            };
        })"""
    )
    assert drafts == 0


@pytest.fixture
def phone_without_worker(chromium, live_server):
    """A phone-sized page whose context blocks service workers: page.route does not see the
    requests of a page a service worker controls (Playwright), and the worker takes the page
    over at a moment of its own, so a test that holds a request needs it out of the way."""
    from tests.browser.conftest import PHONE

    context = chromium.new_context(
        viewport=PHONE,
        is_mobile=True,
        has_touch=True,
        base_url=live_server.url,
        service_workers="block",
    )
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


def test_an_evidence_upload_shows_its_progress(
    phone_without_worker, live_server, demo_data, tmp_path
):
    page = phone_without_worker
    report = cso_draft()
    evidence = tmp_path / "attendance.pdf"
    evidence.write_bytes(b"%PDF-1.4\n" + b"0" * 200_000 + b"\n%%EOF\n")
    log_in(page, "cso")
    page.goto(f"/reports/{report.pk}/edit/")
    held = []
    page.route(f"**/reports/{report.pk}/edit/", lambda route: held.append(route))
    page.get_by_label("Add an evidence file").set_input_files(evidence)
    page.get_by_role("button", name="Save draft").click()
    bar = page.locator("main .draft-status progress")
    bar.wait_for()
    assert bar.get_attribute("aria-label") == "Upload"
    # The bar shows as the upload starts; Playwright hands the held request to the handler a
    # moment later (events are dispatched while the test waits): wait for it.
    for _ in range(100):
        if held:
            break
        page.wait_for_timeout(50)
    assert held, "the save did not go through the route (a service worker took it?)"
    held[0].continue_()
    page.unroute(f"**/reports/{report.pk}/edit/")
    page.locator("main .messages").get_by_text("Draft saved.").wait_for()
    assert (
        ProgressReport.objects.get(pk=report.pk)
        .evidence.filter(original_name="attendance.pdf")
        .exists()
    )


def test_a_queued_save_is_sent_from_my_activities_when_the_connection_returns(
    phone, live_server, demo_data
):
    page = phone
    report = cso_draft()
    log_in(page, "cso")
    open_form_for_offline(page, report)
    page.goto("/my/")  # kept by the worker, network first
    page.goto(f"/reports/{report.pk}/edit/")
    achievements(page).fill(TYPED)
    page.context.set_offline(True)
    page.get_by_role("button", name="Save draft").click()
    status_line(page, "will be sent when the connection returns")

    # Still offline, the reporter goes back to My activities (from the worker's cache)...
    page.locator("main").get_by_role("link", name="My activities").click()
    page.wait_for_url("**/my/")
    page.get_by_role("heading", name="My activities", level=1).wait_for()
    # ...and the connection returns there.
    page.context.set_offline(False)
    status_line(page, "saved while you were offline, has been sent")
    assert ProgressReport.objects.get(pk=report.pk).achievements == TYPED
    assert queued_saves(page) == 0
