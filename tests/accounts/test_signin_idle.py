"""Staff and the Directorate are signed out after IDLE_TIMEOUT_MINUTES without a request; the
others keep the ordinary session. The tests move the session's last-activity time back."""

import time

from django.utils import timezone

from accounts.middleware import LAST_ACTIVITY_SESSION_KEY
from tests.signin_helpers import verified_login


def idle_for(client, minutes):
    session = client.session
    session[LAST_ACTIVITY_SESSION_KEY] = int(timezone.now().timestamp() - minutes * 60)
    session.save()


def test_staff_idle_for_31_minutes_are_signed_out_with_a_message(client, world):
    verified_login(client, world.reviewer)
    assert client.get("/review/").status_code == 200
    idle_for(client, 31)
    response = client.get("/review/?state=submitted")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/review/%3Fstate%3Dsubmitted"
    page = client.get(response["Location"])
    assert "signed out after 30 minutes without activity" in page.content.decode()
    assert "_auth_user_id" not in client.session
    assert client.get("/review/")["Location"].startswith("/accounts/login/")


def test_staff_active_within_the_time_stay_signed_in_and_the_clock_starts_again(
    client, world, settings
):
    settings.IDLE_TIMEOUT_STAMP_SECONDS = 60
    verified_login(client, world.admin)
    client.get("/admin/")
    idle_for(client, 29)
    assert client.get("/admin/").status_code == 200
    stamp = client.session[LAST_ACTIVITY_SESSION_KEY]
    assert abs(stamp - time.time()) < 120  # just stamped again: another 29 minutes are fine
    idle_for(client, 29)
    assert client.get("/admin/").status_code == 200


def test_the_time_comes_from_the_setting(client, world, settings):
    settings.IDLE_TIMEOUT_MINUTES = 5
    verified_login(client, world.admin)
    client.get("/admin/")
    idle_for(client, 6)
    assert client.get("/admin/").status_code == 302
    assert "_auth_user_id" not in client.session


def test_the_api_with_the_session_answers_401_after_the_idle_time(client, world):
    verified_login(client, world.admin)
    client.get("/admin/")
    idle_for(client, 31)
    response = client.get("/api/v1/activities/")
    assert response.status_code == 401
    assert "without activity" in response.json()["detail"]


def test_others_keep_their_session_however_long_they_were_away(client, world):
    verified_login(client, world.reporter)
    client.get("/my/")
    idle_for(client, 3 * 24 * 60)
    assert client.get("/my/").status_code == 200


def test_the_clock_starts_at_sign_in(client, world):
    client.post("/accounts/login/", {"username": "dadmin", "password": "pass12345"})
    stamp = client.session[LAST_ACTIVITY_SESSION_KEY]
    assert abs(stamp - time.time()) < 120
