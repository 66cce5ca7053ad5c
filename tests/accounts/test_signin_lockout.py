"""Sign-in lock-out (django-axes): 30 wrong passwords lock one account for one address, on the
site's login page and the admin's; other addresses still sign in; the admin unlocks."""

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

from accounts.models import Role
from accounts.services import membership_grant
from tests.factories import EntityFactory, UserFactory, with_role

PASSWORD = "pass12345"
LOGIN = "/accounts/login/"
ADMIN_LOGIN = "/admin/login/"


@pytest.fixture
def person(db):
    return UserFactory(username="amal")


@pytest.fixture
def staff(db):
    return with_role(UserFactory(username="dana"), Role.DIRECTORATE_REVIEWER)


def attempt(client, url, username, password, address="203.0.113.7", **headers):
    return client.post(
        url, {"username": username, "password": password}, REMOTE_ADDR=address, **headers
    )


def fail(client, url, username, times, **kwargs):
    responses = [attempt(client, url, username, "wrong-password", **kwargs) for _ in range(times)]
    return responses[-1]


def signed_in(client):
    return "_auth_user_id" in client.session


def test_29_wrong_passwords_do_not_lock_and_the_right_one_then_signs_in(client, person):
    response = fail(client, LOGIN, "amal", 29)
    assert response.status_code == 200
    assert attempt(client, LOGIN, "amal", PASSWORD).status_code == 302
    assert signed_in(client)


def test_30_wrong_passwords_lock_the_account_for_that_address_and_say_so(client, person):
    response = fail(client, LOGIN, "amal", 30)
    assert response.status_code == 429
    text = response.content.decode()
    assert "Sign-in locked" in text
    assert "amal" in text
    assert "60 minutes" in text
    assert "Women Empowerment Directorate" in text
    assert response["Cache-Control"] == "no-store"
    assert 'dir="ltr"' in text  # the site's own layout

    # Even the right password is refused from that address now.
    response = attempt(client, LOGIN, "amal", PASSWORD)
    assert response.status_code == 429
    assert "Sign-in locked" in response.content.decode()
    assert not signed_in(client)


def test_the_lock_out_page_speaks_the_language(client, person):
    fail(client, LOGIN, "amal", 30)
    response = attempt(client, f"{LOGIN}?lang=ar", "amal", PASSWORD)
    assert response.status_code == 429
    assert 'dir="rtl"' in response.content.decode()


def test_another_address_still_signs_in_to_the_locked_account(client, person):
    fail(client, LOGIN, "amal", 30)
    assert attempt(client, LOGIN, "amal", PASSWORD, address="198.51.100.9").status_code == 302
    assert signed_in(client)


def test_another_account_from_the_locked_address_still_signs_in(client, person):
    UserFactory(username="other")
    fail(client, LOGIN, "amal", 30)
    assert attempt(client, LOGIN, "other", PASSWORD).status_code == 302


def test_behind_the_proxy_the_lock_keys_on_the_forwarded_address(client, person, settings):
    """One proxy (TRUSTED_PROXY_COUNT=1): every request arrives from the proxy's address; the
    client is the address the proxy appended. The attacker's lock-out does not lock the
    colleague behind the same proxy, and a forged header does not escape the lock."""
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.1"
    fail(client, LOGIN, "amal", 30, address=proxy, HTTP_X_FORWARDED_FOR="203.0.113.7")
    # The attacker prepends a made-up address: the proxy appended the real one after it.
    forged = attempt(
        client, LOGIN, "amal", PASSWORD, address=proxy, HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.7"
    )
    assert forged.status_code == 429
    colleague = attempt(
        client, LOGIN, "amal", PASSWORD, address=proxy, HTTP_X_FORWARDED_FOR="198.51.100.9"
    )
    assert colleague.status_code == 302
    assert AccessAttempt.objects.get().ip_address == "203.0.113.7"


def test_the_admin_login_locks_the_same_way(client, staff):
    response = fail(client, ADMIN_LOGIN, "dana", 30)
    assert response.status_code == 429
    assert "Sign-in locked" in response.content.decode()
    assert attempt(client, ADMIN_LOGIN, "dana", PASSWORD).status_code == 429
    assert not signed_in(client)
    # The count is per account and address, whichever login page: the site's is locked too.
    assert attempt(client, LOGIN, "dana", PASSWORD).status_code == 429
    assert attempt(client, ADMIN_LOGIN, "dana", PASSWORD, address="198.51.100.9").status_code == 302


def test_a_right_password_before_the_limit_starts_the_count_again(client, person):
    fail(client, LOGIN, "amal", 29)
    attempt(client, LOGIN, "amal", PASSWORD)
    client.logout()
    assert fail(client, LOGIN, "amal", 29).status_code == 200


@pytest.fixture
def directorate_admin(db):
    user = UserFactory(username="dadmin")
    membership_grant(user=user, entity=EntityFactory(code="wed"), role=Role.DIRECTORATE_ADMIN)
    return type(user).objects.get(pk=user.pk)


def test_a_directorate_admin_unlocks_in_the_admin(client, person, directorate_admin):
    from tests.signin_helpers import verified_login

    locked = client.__class__()
    fail(locked, LOGIN, "amal", 30)
    assert attempt(locked, LOGIN, "amal", PASSWORD).status_code == 429

    verified_login(client, directorate_admin)
    page = client.get(reverse("admin:axes_accessattempt_changelist"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Failed sign-ins and lock-outs" in text
    assert "Unlock" in text
    row = AccessAttempt.objects.get(username="amal")
    response = client.post(
        reverse("admin:axes_accessattempt_changelist"),
        {"action": "unlock", "_selected_action": [row.pk]},
        follow=True,
    )
    assert "Unlocked: amal from 203.0.113.7" in response.content.decode()
    assert not AccessAttempt.objects.exists()

    assert attempt(locked, LOGIN, "amal", PASSWORD).status_code == 302


def test_the_admin_index_names_the_lock_outs(client, directorate_admin):
    from tests.signin_helpers import verified_login

    verified_login(client, directorate_admin)
    assert "Sign-in lock-outs" in client.get("/admin/").content.decode()


def test_a_reviewer_may_not_unlock(client, person):
    from django.core.exceptions import PermissionDenied

    from accounts.services import lockouts_clear

    reviewer = UserFactory(username="rev")
    membership_grant(
        user=reviewer, entity=EntityFactory(code="wed"), role=Role.DIRECTORATE_REVIEWER
    )
    fail(client, LOGIN, "amal", 30)
    with pytest.raises(PermissionDenied):
        lockouts_clear(
            actor=type(reviewer).objects.get(pk=reviewer.pk), attempts=AccessAttempt.objects.all()
        )
    assert AccessAttempt.objects.exists()
