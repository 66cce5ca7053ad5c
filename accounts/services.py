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
