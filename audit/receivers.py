"""What the access log hears: Django's sign-in signals, django-axes' lock-outs (when installed),
django-import-export's exports from the admin, the API's files (core.api.exported), and changes
to accounts and memberships (whoever makes them: the admin, a service, a seed). Tokens are
logged by their services."""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

import audit
from audit.models import Kind

# Saved on every sign-in, or the person's own preferences: not a change to the account's access.
IGNORED_USER_FIELDS = {"last_login", "language", "digits"}
# Shown with their new value; for the others only the field's name is kept (never a password
# hash, nor an address or a name that the account's own page has).
FLAG_FIELDS = ("is_active", "is_staff", "is_superuser")


def logged_in(sender, request, user, **kwargs):
    audit.record(request, Kind.LOGIN, actor=user)


def logged_out(sender, request, user, **kwargs):
    audit.record(request, Kind.LOGOUT, actor=user)


def login_failed(sender, credentials, request=None, **kwargs):
    """Only the name typed is kept; Django has already masked the password in `credentials`,
    and it is not stored in any form."""
    username = credentials.get(get_user_model().USERNAME_FIELD) or credentials.get("username")
    audit.record(request, Kind.LOGIN_FAILED, actor=None, username=str(username or "")[:150])


def locked_out(sender, request=None, username=None, ip_address=None, **kwargs):
    """django-axes' `user_locked_out`: too many failures for this name and address."""
    event = audit.record(request, Kind.LOCKOUT, actor=None, username=str(username or "")[:150])
    if event.ip is None and ip_address:
        event.ip = ip_address
        event.save(update_fields=["ip"])


def exported_by_api(sender, request, file_format, **kwargs):
    """core.api.exported: a CSV or XLSX file from the API."""
    audit.record_export(request, request.path, source="api", format=file_format)


def exported_in_admin(sender, model=None, **kwargs):
    """django-import-export's `post_export`: a spreadsheet of a plan table from the admin."""
    request = audit.current_request()
    if request is not None and model is not None:
        audit.record_export(
            request, model._meta.verbose_name_plural, source="admin", model=model._meta.label_lower
        )


# -- accounts ---------------------------------------------------------------------------------
def _tracked(update_fields):
    return update_fields is None or not set(update_fields) <= IGNORED_USER_FIELDS


def user_before_save(sender, instance, update_fields=None, raw=False, **kwargs):
    if raw or instance.pk is None or not _tracked(update_fields):
        return
    names = [f.attname for f in sender._meta.concrete_fields]
    instance._audit_before = sender.objects.filter(pk=instance.pk).values(*names).first()


def user_saved(sender, instance, created, update_fields=None, raw=False, **kwargs):
    if raw or not _tracked(update_fields):
        return
    flags = {name: getattr(instance, name) for name in FLAG_FIELDS}
    if created:
        audit.record(None, Kind.USER_CHANGED, target=instance, action="created", **flags)
        return
    before = getattr(instance, "_audit_before", None) or {}
    instance._audit_before = None
    changed = [
        name
        for name, old in before.items()
        if name not in IGNORED_USER_FIELDS and getattr(instance, name) != old
    ]
    if changed:
        changed_flags = {k: v for k, v in flags.items() if k in changed}
        audit.record(
            None,
            Kind.USER_CHANGED,
            target=instance,
            action="changed",
            fields=changed,
            **changed_flags,
        )


def user_deleted(sender, instance, **kwargs):
    audit.record(None, Kind.USER_CHANGED, target=instance, action="deleted")


def user_relations_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    """Groups and individual permissions: a way to give an account more than its role."""
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    User = get_user_model()
    relation = "groups" if sender is User.groups.through else "permissions"
    verb = {"post_add": "added", "post_remove": "removed", "post_clear": "cleared"}[action]
    if reverse:  # group.user_set.add(...): `instance` is the group, `pk_set` the accounts
        names = [str(instance)]
        users = list(User.objects.filter(pk__in=pk_set or []))
    else:
        names = [str(o) for o in model.objects.filter(pk__in=pk_set or [])]
        users = [instance]
    for user in users:
        audit.record(
            None, Kind.USER_CHANGED, target=user, action=f"{relation} {verb}", **{relation: names}
        )


def _membership_details(membership):
    return {
        "user": membership.user.username,
        "role": membership.role,
        "entity": membership.entity.code,
        "governorate": membership.governorate.code if membership.governorate_id else None,
        "is_active": membership.is_active,
    }


def membership_saved(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    audit.record(
        None,
        Kind.MEMBERSHIP_CHANGED,
        target=instance,
        action="created" if created else "changed",
        **_membership_details(instance),
    )


def membership_deleted(sender, instance, **kwargs):
    audit.record(
        None,
        Kind.MEMBERSHIP_CHANGED,
        target=instance,
        action="deleted",
        **_membership_details(instance),
    )


def connect():
    from import_export.signals import post_export

    from core.api import exported

    # By its label, as get_user_model() finds the accounts: the access log is a layer below
    # the accounts app (pyproject.toml, [tool.importlinter]) and imports none of it.
    Membership = apps.get_model("accounts", "Membership")
    User = get_user_model()
    uid = "audit-"
    user_logged_in.connect(logged_in, dispatch_uid=uid + "login")
    user_logged_out.connect(logged_out, dispatch_uid=uid + "logout")
    user_login_failed.connect(login_failed, dispatch_uid=uid + "login-failed")
    post_export.connect(exported_in_admin, dispatch_uid=uid + "admin-export")
    exported.connect(exported_by_api, dispatch_uid=uid + "api-export")
    pre_save.connect(user_before_save, sender=User, dispatch_uid=uid + "user-pre")
    post_save.connect(user_saved, sender=User, dispatch_uid=uid + "user-post")
    post_delete.connect(user_deleted, sender=User, dispatch_uid=uid + "user-delete")
    for through in (User.groups.through, User.user_permissions.through):
        m2m_changed.connect(user_relations_changed, sender=through, dispatch_uid=uid + str(through))
    post_save.connect(membership_saved, sender=Membership, dispatch_uid=uid + "membership")
    post_delete.connect(membership_deleted, sender=Membership, dispatch_uid=uid + "membership-del")
