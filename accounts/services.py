from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from accounts.models import Digits, Membership, User
from accounts.roles import ROLE_GROUPS, STAFF_ROLES, permissions_for
from core.seeding import upsert


def role_groups_sync() -> None:
    """Create or refresh the permission group of every role (idempotent)."""
    for role, label in ROLE_GROUPS.items():
        group, _created = Group.objects.get_or_create(name=str(label))
        condition = Q(pk__in=[])
        for app, prefix in permissions_for(role):
            condition |= Q(content_type__app_label=app, codename__startswith=prefix)
        wanted = set(Permission.objects.filter(condition).values_list("pk", flat=True))
        if set(group.permissions.values_list("pk", flat=True)) != wanted:
            group.permissions.set(wanted)


@transaction.atomic
def membership_grant(*, user: User, entity, role: str, governorate=None) -> Membership:
    """Give a user a role in an entity (idempotent) and the role's permission group."""
    membership, _outcome = upsert(
        Membership,
        {"user": user, "entity": entity, "role": role},
        {"governorate": governorate, "is_active": True},
    )
    user.groups.add(Group.objects.get(name=str(ROLE_GROUPS[role])))
    if role in STAFF_ROLES and not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    return membership


def preferences_set(
    *, actor: User, user: User, language: str | None = None, digits: str | None = None
):
    """Remember a person's language and digits. Only the person themself may change them here
    (the Directorate changes other accounts in the admin). Unknown values are refused."""
    if actor.pk != user.pk:
        raise PermissionDenied(_("You can change only your own preferences."))
    changed = []
    if language is not None:
        if language not in dict(settings.LANGUAGES):
            raise ValidationError(
                {"language": _("Unknown language: %(code)s") % {"code": language}}
            )
        if user.language != language:
            user.language = language
            changed.append("language")
    if digits is not None:
        if digits not in Digits.values:
            raise ValidationError(
                {"digits": _("Unknown choice of digits: %(code)s") % {"code": digits}}
            )
        if user.digits != digits:
            user.digits = digits
            changed.append("digits")
    if changed:
        user.save(update_fields=changed)
    return user


def lockouts_clear(*, actor: User, attempts) -> list[tuple[str, str]]:
    """Unlock sign-in: forget the failed sign-ins counted for these (account, address) pairs, so
    that the account can sign in from that address again at once. Returns the pairs unlocked.
    Only those allowed to delete access attempts (Directorate admins, superusers) may."""
    from axes.models import AccessAttempt

    if not actor.has_perm("axes.delete_accessattempt"):
        raise PermissionDenied(_("You are not allowed to unlock sign-ins."))
    attempts = list(attempts)
    pairs = [(a.username or "", a.ip_address or "") for a in attempts]
    AccessAttempt.objects.filter(pk__in=[a.pk for a in attempts]).delete()
    return pairs


def authenticator_enrolment_start(*, actor: User, user: User):
    """The authenticator app being set up for `user`: an unconfirmed TOTP device, the same one
    while the page is reloaded (so a scanned QR code stays good). Refused when the account
    already has a confirmed one: replacing it goes through the admin (delete the old one)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from accounts.two_factor import APP_DEVICE_NAME, has_authenticator

    if actor.pk != user.pk:
        raise PermissionDenied(_("Only the person themself sets up their authenticator app."))
    if has_authenticator(user):
        raise ValidationError(_("This account already has an authenticator app."))
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)
    return device


@transaction.atomic
def authenticator_enrolment_confirm(*, actor: User, user: User, device, code: str) -> list[str]:
    """Confirm the app with its first code; returns the ten new recovery codes (shown once)."""
    from accounts.two_factor import normalise

    if actor.pk != user.pk or device.user_id != user.pk or device.confirmed:
        raise PermissionDenied(_("This authenticator app cannot be confirmed here."))
    if not device.verify_token(normalise(code)):
        raise ValidationError(
            {
                "code": _(
                    "This code is not right. Type the six digits the app shows now; if it "
                    "keeps failing, check that the phone's clock is set automatically."
                )
            }
        )
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    type(device).objects.filter(user=user, confirmed=False).delete()
    return recovery_codes_renew(actor=actor, user=user)


@transaction.atomic
def recovery_codes_renew(*, actor: User, user: User) -> list[str]:
    """Ten new single-use recovery codes for `user`; the old ones stop working."""
    from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

    from accounts.two_factor import RECOVERY_CODE_COUNT, RECOVERY_DEVICE_NAME

    if actor.pk != user.pk:
        raise PermissionDenied(_("Only the person themself makes their recovery codes."))
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _i in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    return codes


DEMO_TOTP_KEY = "3132333435363738393031323334353637383930"  # RFC 6238's test secret


def demo_authenticator_set(*, user: User):
    """The demo accounts' authenticator (seed_demo only): a fixed, published secret, base32
    GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ; `manage.py otp_code <username>` prints its code."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return upsert(
        TOTPDevice,
        {"user": user, "name": "Demo authenticator"},
        {"key": DEMO_TOTP_KEY, "confirmed": True},
    )
