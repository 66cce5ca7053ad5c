import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

import audit
from accounts import roles
from accounts.models import ApiToken, Digits, Membership, User
from audit.models import Kind
from core.seeding import upsert


@transaction.atomic
def membership_grant(*, user: User, entity, role: str, governorate=None) -> Membership:
    """Give a user a role in an entity (idempotent). Nothing else to set: what the role allows
    follows from the active membership (accounts.roles)."""
    membership, _outcome = upsert(
        Membership,
        {"user": user, "entity": entity, "role": role},
        {"governorate": governorate, "is_active": True},
    )
    user.__dict__.pop("_wps_memberships", None)
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


# -- API tokens -------------------------------------------------------------------------------
# How often a token's "last used" is written: at most once an hour, not on every request.
TOKEN_TOUCH_INTERVAL = datetime.timedelta(hours=1)


# How many working tokens a partner may hold at once, made for themself (the Directorate
# makes more if a partner needs them), and how long one made that way works.
OWN_TOKEN_LIMIT = 5
OWN_TOKEN_LIFETIME = datetime.timedelta(days=365)


def _may_manage_tokens(user, owner=None) -> bool:
    """Directorate admins (and superusers) make and revoke tokens for anyone; a partner makes
    and revokes their own (the Data and API page). `None` is the command line
    (manage.py create_api_token), whose operator already has the server."""
    if user is None:
        return True
    if roles.is_directorate_admin(user):
        return True
    return owner is not None and owner.pk == user.pk and may_hold_own_token(user)


def may_hold_own_token(user) -> bool:
    """Partners, who only read, make their own tokens; a token acts with every role of its
    account, so an account that also reports or reviews asks the Directorate."""
    return bool(user is not None and user.is_active and roles.is_partner_only(user))


def own_tokens(user):
    """The person's tokens that still work (not revoked, not expired), newest first."""
    now = timezone.now()
    return ApiToken.objects.filter(user=user, revoked_at__isnull=True).filter(
        Q(expires_at__isnull=True) | Q(expires_at__gt=now)
    )


def own_token_create(*, user: User, name: str) -> tuple[ApiToken, str]:
    """A partner's own token, made on the Data and API page: it works for OWN_TOKEN_LIFETIME,
    at most OWN_TOKEN_LIMIT of them at once. Returns (token, key); the key is shown once."""
    if not may_hold_own_token(user):
        raise PermissionDenied(_("Only partner accounts make their own API tokens."))
    if own_tokens(user).count() >= OWN_TOKEN_LIMIT:
        raise ValidationError(
            {
                "name": _(
                    "You already have %(count)d working tokens: revoke one you no longer use."
                )
                % {"count": OWN_TOKEN_LIMIT}
            }
        )
    return token_create(
        user=user, owner=user, name=name, expires_at=timezone.now() + OWN_TOKEN_LIFETIME
    )


@transaction.atomic
def token_create(
    *, user: User | None, owner: User, name: str, expires_at=None
) -> tuple[ApiToken, str]:
    """Make an API token for `owner`; returns (token, key). The key is in no table: show it
    once to the person who asked, it cannot be read again."""
    if not _may_manage_tokens(user, owner):
        raise PermissionDenied(_("Only Directorate admins make API tokens."))
    if owner.is_superuser and user is not None and not user.is_superuser:
        raise PermissionDenied(_("Only a superuser makes a token for a superuser."))
    if not owner.is_active:
        raise ValidationError({"user": _("%(name)s is not active.") % {"name": owner.username}})
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("Say who or what will use the token.")})
    if expires_at is not None and expires_at <= timezone.now():
        raise ValidationError({"expires_at": _("The expiry must be in the future.")})
    key = ApiToken.new_key()
    token = ApiToken(
        user=owner,
        name=name,
        prefix=key[: ApiToken.PREFIX_LENGTH],
        digest=ApiToken.digest_of(key),
        created_by=user,
        expires_at=expires_at,
    )
    token.full_clean()
    token.save()
    audit.record(
        None,
        Kind.TOKEN_CREATED,
        actor=user,
        target=token,
        owner=owner.username,
        name=name,
        expires_at=expires_at,
        by=None if user is not None else "manage.py",
    )
    return token, key


@transaction.atomic
def token_revoke(*, user: User | None, token: ApiToken) -> ApiToken:
    """Stop a token from working, at once; the row stays, for the access log. Revoking a
    revoked token changes nothing."""
    if not _may_manage_tokens(user, token.user):
        raise PermissionDenied(_("Only Directorate admins revoke API tokens."))
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.revoked_by = user
        token.save(update_fields=["revoked_at", "revoked_by"])
        audit.record(
            None,
            Kind.TOKEN_REVOKED,
            actor=user,
            target=token,
            owner=token.user.username,
            by=None if user is not None else "manage.py",
        )
    return token


def token_authenticate(key: str) -> ApiToken | None:
    """The usable token whose key this is, or None. Looked up by the key's digest; the
    comparison that decides is constant-time."""
    import hmac

    digest = ApiToken.digest_of(key)
    token = ApiToken.objects.select_related("user").filter(digest=digest).first()
    if token is None or not hmac.compare_digest(token.digest, digest):
        return None
    return token


def token_touch(token: ApiToken) -> bool:
    """Note that the token was used, at most once per TOKEN_TOUCH_INTERVAL (one UPDATE an hour,
    not one a request). True when this call wrote it."""
    now = timezone.now()
    if token.last_used_at is not None and token.last_used_at > now - TOKEN_TOUCH_INTERVAL:
        return False
    written = (
        ApiToken.objects.filter(pk=token.pk)
        .filter(Q(last_used_at__isnull=True) | Q(last_used_at__lte=now - TOKEN_TOUCH_INTERVAL))
        .update(last_used_at=now)
    )
    token.last_used_at = now
    return bool(written)
