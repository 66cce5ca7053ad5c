"""What each role may do in the admin, as Django permission groups.

The reporting workflow's finer rules (own entity, governorate scope, report states) are
checked by the services of the reporting issue; these groups give the admin its coarse gates.
"""

from django.utils.translation import gettext_lazy as _

from accounts.models import Role

PLAN_APPS = ("governorates", "pillars", "policy", "indicators", "followup")
# Sign-in security in the admin: a Directorate admin sees the failed sign-ins and unlocks an
# account (deletes its access attempt), and removes the authenticator app and recovery codes of
# someone who lost their phone (they set up a new one at their next sign-in). Nobody but a
# superuser edits these rows or adds a device for someone else.
SIGN_IN_PERMISSIONS = [
    ("axes", "view_"),
    ("axes", "delete_accessattempt"),
    ("otp_totp", "view_"),
    ("otp_totp", "delete_"),
    ("otp_static", "view_"),
    ("otp_static", "delete_"),
]

ROLE_GROUPS = {
    Role.DIRECTORATE_ADMIN: _("Directorate admins"),
    Role.DIRECTORATE_REVIEWER: _("Directorate reviewers"),
    Role.FOCAL_POINT: _("Focal points"),
    Role.CSO_REPORTER: _("CSO reporters"),
    Role.PARTNER_VIEWER: _("Partners"),
}

# Roles that work in the admin (is_staff); the others use the reporting pages and the API.
STAFF_ROLES = {Role.DIRECTORATE_ADMIN, Role.DIRECTORATE_REVIEWER}


def permissions_for(role):
    """Permission filters (app_label, codename prefix) for a role's group."""
    if role == Role.DIRECTORATE_ADMIN:
        return [
            (app, prefix)
            for app in (*PLAN_APPS, "accounts")
            for prefix in ("add_", "change_", "delete_", "view_", "import_")
        ] + SIGN_IN_PERMISSIONS
    if role == Role.DIRECTORATE_REVIEWER:
        return [(app, "view_") for app in PLAN_APPS]
    return []
