"""Two-factor sign-in: staff and the Directorate give a code after the password before they
reach the admin or the review pages; others sign in with the password alone."""

import io
import re

import pytest
from django.core.management import CommandError, call_command
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import services
from accounts.models import Role
from accounts.two_factor import current_code
from tests.factories import UserFactory, with_role
from tests.signin_helpers import verified_login

PASSWORD = "pass12345"
VERIFY = "/accounts/two-factor/"
ENROL = "/accounts/two-factor/set-up/"


def sign_in(client, username, next_url=""):
    url = "/accounts/login/" + (f"?next={next_url}" if next_url else "")
    data = {"username": username, "password": PASSWORD}
    if next_url:
        data["next"] = next_url
    return client.post(url, data)


@pytest.fixture
def staff(db):
    user = with_role(UserFactory(username="dana"), Role.DIRECTORATE_REVIEWER)
    TOTPDevice.objects.create(user=user, name="Phone")
    return user


@pytest.fixture(autouse=True)
def _no_waiting(settings):
    """A wrong code makes the next try wait a second or more; the tests do not wait (one test
    turns it back on)."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_STATIC_THROTTLE_FACTOR = 0


def device_of(user):
    return TOTPDevice.objects.get(user=user, confirmed=True)


def test_staff_with_only_the_password_cannot_reach_the_admin(client, staff):
    assert sign_in(client, "dana", "/admin/").status_code == 302
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/two-factor/?next=%2Fadmin%2F"
    # Nor any other admin page, the review queue, or the API with the session.
    assert client.get("/admin/policy/activity/")["Location"].startswith(VERIFY)
    assert client.get("/review/")["Location"].startswith(VERIFY)
    assert client.get("/api/v1/activities/").status_code == 403


def test_the_right_code_opens_the_admin(client, staff):
    sign_in(client, "dana")
    response = client.post(VERIFY, {"code": current_code(device_of(staff)), "next": "/admin/"})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_wrong_code_is_refused_with_a_message(client, staff):
    sign_in(client, "dana")
    right = current_code(device_of(staff))
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"
    response = client.post(VERIFY, {"code": wrong, "next": "/admin/"})
    assert response.status_code == 200
    assert "This code is not right" in response.content.decode()
    assert client.get("/admin/")["Location"].startswith(VERIFY)


def test_after_a_wrong_code_the_next_try_has_to_wait(client, staff, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 60
    sign_in(client, "dana")
    right = current_code(device_of(staff))
    client.post(VERIFY, {"code": f"{(int(right) + 1) % 1_000_000:06d}"})
    response = client.post(VERIFY, {"code": right})
    assert response.status_code == 200
    assert re.search(r"Too many wrong codes: wait \d+ seconds", response.content.decode())
    assert client.get("/admin/")["Location"].startswith(VERIFY)


def test_a_code_typed_in_eastern_arabic_digits_with_spaces_is_taken(client, staff):
    sign_in(client, "dana")
    code = current_code(device_of(staff))
    eastern = code[:3].translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")) + " " + code[3:]
    assert client.post(VERIFY, {"code": eastern}).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_a_recovery_code_works_once(client, staff):
    codes = services.recovery_codes_renew(actor=staff, user=staff)
    assert len(codes) == 10 and len(set(codes)) == 10
    sign_in(client, "dana")
    response = client.post(VERIFY, {"code": codes[0].upper(), "next": "/admin/"}, follow=True)
    assert response.status_code == 200
    assert "9 recovery codes are left" in response.content.decode()
    assert client.get("/admin/").status_code == 200

    client.logout()
    sign_in(client, "dana")
    response = client.post(VERIFY, {"code": codes[0]})
    assert "This code is not right" in response.content.decode()
    assert client.get("/admin/")["Location"].startswith(VERIFY)
    assert client.post(VERIFY, {"code": codes[1]}).status_code == 302
    assert StaticToken.objects.count() == 8


def test_staff_without_an_authenticator_sets_one_up(client, db):
    with_role(UserFactory(username="new"), Role.DIRECTORATE_ADMIN)
    sign_in(client, "new")
    response = client.get("/admin/")
    assert response["Location"] == "/accounts/two-factor/set-up/?next=%2Fadmin%2F"
    assert client.get(VERIFY)["Location"].startswith(ENROL)

    page = client.get(response["Location"])
    text = page.content.decode()
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    assert "<svg" in text and "<script" not in text and "style=" not in text
    device = TOTPDevice.objects.get(user__username="new")
    assert not device.confirmed
    secret = re.search(r'<code class="secret"[^>]*>([A-Z2-7 ]+)</code>', text).group(1)
    assert len(secret.replace(" ", "")) == 32
    # Reloading the page keeps the same key: a QR code already scanned stays good.
    client.get(ENROL)
    assert TOTPDevice.objects.get(user__username="new").key == device.key

    wrong = client.post(ENROL, {"code": "000000" if current_code(device) != "000000" else "1"})
    assert "This code is not right" in wrong.content.decode()
    assert client.get("/admin/")["Location"].startswith(ENROL)

    done = client.post(ENROL, {"code": current_code(device), "next": "/admin/"})
    text = done.content.decode()
    assert done.status_code == 200
    assert "no-store" in done["Cache-Control"]
    assert "Your recovery codes" in text
    shown = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", text)
    assert len(shown) == 10
    assert set(shown) == set(StaticToken.objects.values_list("token", flat=True))
    assert 'href="/admin/"' in text
    assert client.get("/admin/").status_code == 200
    assert TOTPDevice.objects.get(user__username="new").confirmed

    # Once set up, the page does not offer a new key to someone with the password.
    client.logout()
    sign_in(client, "new")
    assert client.get(ENROL)["Location"].startswith(VERIFY)


def test_a_directorate_reviewer_needs_the_second_factor_too(client, world):
    client.post("/accounts/login/", {"username": "reviewer", "password": PASSWORD})
    assert client.get("/review/")["Location"].startswith(ENROL)


def test_a_reporter_signs_in_with_the_password_alone(client, world):
    client.post("/accounts/login/", {"username": "reporter", "password": PASSWORD})
    assert client.get("/my/").status_code == 200


def test_new_recovery_codes_replace_the_old(client, staff):
    old = services.recovery_codes_renew(actor=staff, user=staff)
    verified_login(client, staff)
    page = client.get("/accounts/two-factor/recovery-codes/")
    assert "You have 10 unused recovery codes" in page.content.decode()
    new = re.findall(
        r"<li><code>([a-z2-7]{8})</code></li>",
        client.post("/accounts/two-factor/recovery-codes/").content.decode(),
    )
    assert len(new) == 10 and not set(new) & set(old)
    assert StaticDevice.objects.filter(user=staff).count() == 1


def test_the_pages_speak_the_language(client, staff):
    sign_in(client, "dana")
    assert 'dir="rtl"' in client.get(f"{VERIFY}?lang=ckb").content.decode()


def test_the_demo_accounts_have_a_documented_authenticator(db, settings):
    settings.DEBUG = True
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    assert "otp_code" in out.getvalue()
    code = io.StringIO()
    call_command("otp_code", "reviewer", stdout=code)
    device = TOTPDevice.objects.get(user__username="reviewer")
    assert code.getvalue().strip() == current_code(device)
    assert device.key == "3132333435363738393031323334353637383930"
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("otp_code", "reviewer", stdout=io.StringIO())


def test_the_preferences_lead_to_the_recovery_codes(client, staff):
    verified_login(client, staff)
    assert (
        "/accounts/two-factor/recovery-codes/"
        in client.get("/accounts/preferences/").content.decode()
    )


def test_a_directorate_admin_removes_a_lost_authenticator_in_the_admin(client, world):
    """The reviewer lost the phone: the Directorate admin deletes the app; at the next sign-in
    the reviewer sets up a new one."""
    lost = TOTPDevice.objects.create(user=world.reviewer, name="Old phone")
    verified_login(client, world.admin)
    listing = client.get("/admin/otp_totp/totpdevice/")
    assert listing.status_code == 200
    assert "Two-factor sign-in: authenticator apps" in client.get("/admin/").content.decode()
    assert (
        lost.key not in client.get(f"/admin/otp_totp/totpdevice/{lost.pk}/change/").content.decode()
    )
    response = client.post(f"/admin/otp_totp/totpdevice/{lost.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(pk=lost.pk).exists()

    other = client.__class__()
    other.post("/accounts/login/", {"username": "reviewer", "password": PASSWORD})
    assert other.get("/review/")["Location"].startswith(ENROL)


def test_the_admin_login_page_also_leads_to_the_second_step(client, staff):
    response = client.post(
        "/admin/login/?next=/admin/", {"username": "dana", "password": PASSWORD, "next": "/admin/"}
    )
    assert response["Location"] == "/admin/"
    assert client.get("/admin/")["Location"].startswith(VERIFY)
    assert client.get("/admin/login/?next=/admin/")["Location"].startswith(VERIFY)
