"""Two-factor sign-in (django-otp): who needs it, and checking a code.

After the password, Directorate admins, Directorate reviewers and every staff or superuser
account must also give a code from an authenticator app (TOTP, otp_totp) or one of their ten
single-use recovery codes (otp_static) before any page: accounts/middleware.py sends them to
the verification page, or to the enrolment page when they have no authenticator yet. Other
roles sign in with their password alone. The writes (enrolment, new recovery codes) are in
accounts/services.py.
"""

import base64
import re
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django_otp import devices_for_user, user_has_device
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import roles
from core.digits import western

RECOVERY_CODE_COUNT = 10
APP_DEVICE_NAME = "Authenticator app"
RECOVERY_DEVICE_NAME = "Recovery codes"
_SEPARATORS = re.compile(r"[\s\-–]+")


def needs_second_factor(user) -> bool:
    """Whoever may open the admin: superusers and the Directorate's admins and reviewers."""
    return user.is_authenticated and roles.works_in_admin(user)


def is_verified(user) -> bool:
    verified = getattr(user, "is_verified", None)
    return bool(verified and verified())


def has_authenticator(user) -> bool:
    return user_has_device(user, confirmed=True)


def secret_text(device: TOTPDevice) -> str:
    """The key as an authenticator app asks for it when typed: base32, in groups of four."""
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_svg(device: TOTPDevice, title: str) -> str:
    """The otpauth:// address of the device as an inline SVG QR code (no script, no style)."""
    import segno

    return segno.make(device.config_url, error="m").svg_inline(
        scale=5, dark="#000", light="#fff", title=title
    )


def current_code(device: TOTPDevice, at=None) -> str:
    """The code the authenticator app shows now (for the demo's otp_code command and tests)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    if at is not None:
        totp.time = at
    return f"{totp.token():0{device.digits}d}"


def normalise(code: str) -> str:
    """What people type: spaces or dashes between groups, Eastern Arabic digits, capitals."""
    return _SEPARATORS.sub("", western(code or "")).lower()


@dataclass
class Check:
    device: object = None  # the device that accepted the code
    wait_until: object = None  # set when every device that could take it is throttled
    recovery_codes_left: int | None = None  # after a recovery code was used


def check_code(user, code: str) -> Check:
    """Try the code on the user's authenticator apps (six digits) or recovery codes (the rest).
    Each device counts its wrong codes and, after one, makes the next try wait 1, 2, 4, ...
    seconds (django-otp's throttling)."""
    code = normalise(code)
    if not code:
        return Check()
    model = TOTPDevice if code.isdigit() and len(code) <= 8 else StaticDevice
    result, tried = Check(), False
    with transaction.atomic():
        for device in devices_for_user(user, confirmed=True, for_verify=True):
            if not isinstance(device, model):
                continue
            allowed, why = device.verify_is_allowed()
            if not allowed:
                until = (why or {}).get("locked_until")
                if until and (result.wait_until is None or until < result.wait_until):
                    result.wait_until = until
                continue
            tried = True
            if device.verify_token(code):
                result = Check(device=device)
                if isinstance(device, StaticDevice):
                    result.recovery_codes_left = device.token_set.count()
                return result
    if tried:
        result.wait_until = None  # a wrong code: say so; the next try may have to wait
    return result


def seconds_to_wait(until) -> int:
    return max(1, int((until - timezone.now()).total_seconds() + 0.999))
