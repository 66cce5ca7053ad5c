"""Signing a user in from a test, second factor included."""

from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.middleware import LAST_ACTIVITY_SESSION_KEY
from accounts.two_factor import needs_second_factor


def verified_login(client, user):
    """Sign `user` in as if with their password and, for an account that needs it, the code of
    their authenticator app (one is made for them if they have none)."""
    client.force_login(user)
    if needs_second_factor(user):
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name="Test authenticator")
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        # As the verification step does, which stamps the session's last activity.
        session[LAST_ACTIVITY_SESSION_KEY] = int(timezone.now().timestamp())
        session.save()
    return client


def browser_second_step(page, username):
    """In a browser test, after the password of an account with the demo authenticator: type
    the code it shows now, as the person would from their phone."""
    from accounts.two_factor import current_code

    page.wait_for_url("**/accounts/two-factor/**")
    device = TOTPDevice.objects.get(user__username=username, confirmed=True)
    # A code is taken once; the tests sign the same person in twice within one 30-second step,
    # where a person would wait for the app's next code.
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1)
    page.get_by_label("Code", exact=True).fill(current_code(device))
    page.locator("main").get_by_role("button", name="Verify").click()


def second_step(client, username):
    """After the password (client.post to the login page): give the code of the account's
    authenticator app, as the person would."""
    from django.urls import reverse

    from accounts.two_factor import current_code

    device = TOTPDevice.objects.get(user__username=username, confirmed=True)
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1)  # see browser_second_step
    response = client.post(reverse("accounts:two_factor_verify"), {"code": current_code(device)})
    assert response.status_code == 302, response.content.decode()
    return response
