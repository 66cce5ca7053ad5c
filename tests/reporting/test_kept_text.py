"""What a reporter typed survives a save that cannot be taken (issue 16): a session that ended,
a lost cookie, a report changed meanwhile; and the pieces the report form's script relies on
(the service worker at the root, the answer to a scripted save). The browser's side is in
tests/browser/test_offline_draft.py."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts import two_factor
from accounts.middleware import LAST_ACTIVITY_SESSION_KEY
from reporting.models import ReportStatus
from tests.reporting.test_reporting_pages import edit_url, form_data
from tests.reporting_helpers import draft, fresh
from tests.signin_helpers import verified_login

TYPED = "Forty women trained as election observers in Basra."
ARABIC_LOG_IN = "تسجيل الدخول"


@pytest.fixture
def reporter_client(client, world):
    verified_login(client, world.reporter)
    return client


def test_the_service_worker_is_served_from_the_root_of_the_site(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    assert b"wps-reporter-" in response.content


def test_a_release_that_changes_the_static_files_gives_the_worker_a_new_cache(client, monkeypatch):
    """The worker's cache is named after the static files' addresses (hashed in production):
    a release changes the worker's bytes, so browsers install it and it drops the old cache with
    the old files (before, the name was fixed and old files stayed in it for good)."""
    from django.contrib.staticfiles.storage import staticfiles_storage

    first = client.get("/sw.js").content
    assert b'"wps-reporter-v1"' not in first
    monkeypatch.setattr(staticfiles_storage, "url", lambda path: f"/static/{path}?v=next-release")
    second = client.get("/sw.js").content
    assert first != second
    assert re.search(rb'var CACHE = "wps-reporter-[0-9a-f]{12}";', second)


def test_the_reporter_pages_carry_the_draft_script_and_the_report_form_its_key(
    reporter_client, world
):
    report = draft(world)
    form = reporter_client.get(edit_url(report)).content.decode()
    assert "js/report-draft.js" in form
    assert f'data-draft-key="u{world.reporter.pk}:r{report.pk}"' in form
    assert 'data-sw="/sw.js"' in form
    my_work = reporter_client.get(reverse("reporting:my_work")).content.decode()
    assert "js/report-draft.js" in my_work


def test_a_save_sent_by_the_script_is_answered_with_where_to_go(reporter_client, world):
    report = draft(world)
    response = reporter_client.post(
        edit_url(report), form_data(report, world, achievements=TYPED), HTTP_X_DRAFT_SAVE="1"
    )
    assert response.status_code == 200
    assert response.json() == {"redirect": edit_url(report)}
    assert fresh(report).achievements == TYPED


def test_a_queued_save_of_a_report_changed_meanwhile_is_refused_and_the_text_kept(
    reporter_client, world
):
    """The save was queued offline at version 1; a colleague saved meanwhile (version 2)."""
    report = draft(world)
    opened = form_data(report, world, achievements=TYPED)
    reporter_client.post(edit_url(report), form_data(report, world, achievements="Colleague's"))
    response = reporter_client.post(edit_url(report), opened, HTTP_X_DRAFT_SAVE="1")
    assert response.status_code == 409
    page = response.content.decode()
    assert TYPED in page  # the text is shown back, to compare and save again
    assert fresh(report).achievements == "Colleague's"


def test_a_queued_save_of_a_report_submitted_meanwhile_is_refused_and_the_text_kept(
    reporter_client, world
):
    report = draft(world)
    opened = form_data(report, world, achievements=TYPED)
    reporter_client.post(edit_url(report), form_data(report, world, action="submit"))
    assert fresh(report).status == ReportStatus.SUBMITTED
    response = reporter_client.post(edit_url(report), opened, HTTP_X_DRAFT_SAVE="1")
    assert response.status_code == 409
    assert TYPED in response.content.decode()


def test_a_save_after_the_session_ended_keeps_the_text_in_the_person_s_language(world):
    """Before: a redirect to the sign-in page, and the text was gone."""
    report = draft(world)
    client = Client(HTTP_ACCEPT_LANGUAGE="ar")
    response = client.post(edit_url(report), form_data(report, world, achievements=TYPED))
    assert response.status_code == 401
    page = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in page
    assert TYPED in page
    assert ARABIC_LOG_IN in page
    assert f'href="/accounts/login/?next={edit_url(report)}"' in page
    assert fresh(report).achievements == ""


def test_a_save_after_the_idle_time_out_keeps_the_text_and_says_why(
    client, world, monkeypatch, settings
):
    """An account with a second factor is signed out after IDLE_TIMEOUT_MINUTES: before, its
    save went to the sign-in page and the text was lost."""
    monkeypatch.setattr(two_factor, "needs_second_factor", lambda user: True)
    world.reporter.language = "ar"
    world.reporter.save()
    report = draft(world)
    verified_login(client, world.reporter)
    session = client.session
    minutes = settings.IDLE_TIMEOUT_MINUTES
    session[LAST_ACTIVITY_SESSION_KEY] = int(timezone.now().timestamp()) - minutes * 60 - 5
    session.save()
    response = client.post(edit_url(report), form_data(report, world, achievements=TYPED))
    assert response.status_code == 401
    page = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in page
    assert TYPED in page
    assert fresh(report).achievements == ""
    # Signed out for real: the next page asks to sign in.
    assert client.get(edit_url(report)).status_code == 302


def test_a_lost_cookie_gives_a_page_in_the_person_s_language_that_keeps_the_text(world):
    """Before: Django's English "CSRF verification failed", the text gone."""
    world.reporter.language = "ar"
    world.reporter.save()
    report = draft(world)
    client = Client(enforce_csrf_checks=True)
    verified_login(client, world.reporter)
    data = form_data(report, world, achievements=TYPED)
    response = client.post(edit_url(report), data, HTTP_ORIGIN="http://testserver")
    assert response.status_code == 403
    page = response.content.decode()
    assert "CSRF verification failed" not in page
    assert '<html lang="ar" dir="rtl">' in page
    assert TYPED in page
    # ...in a form that sends it again with a fresh token, which works.
    assert f'<form method="post" action="{edit_url(report)}"' in page
    assert f'name="achievements" value="{TYPED}"' in page
    token = client.cookies["csrftoken"].value
    response = client.post(edit_url(report), {**data, "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert fresh(report).achievements == TYPED


def test_a_post_from_another_site_is_not_offered_to_be_sent_again(world):
    report = draft(world)
    client = Client(enforce_csrf_checks=True)
    verified_login(client, world.reporter)
    data = form_data(report, world, achievements=TYPED)
    response = client.post(edit_url(report), data, HTTP_ORIGIN="https://attacker.example")
    assert response.status_code == 403
    page = response.content.decode()
    assert TYPED not in page and 'name="achievements"' not in page


def test_a_lost_cookie_never_shows_a_password_back(db):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        reverse("login"),
        {"username": "focal", "password": "s3cret-Pass"},
        HTTP_ORIGIN="http://testserver",
    )
    assert response.status_code == 403
    assert "s3cret-Pass" not in response.content.decode()


def test_logging_out_empties_what_the_site_keeps_in_the_browser(reporter_client):
    """The drafts, the offline queue and the worker's copies of the pages (shared phones)."""
    response = reporter_client.post(reverse("logout"))
    assert response["Clear-Site-Data"] == '"cache", "storage"'
