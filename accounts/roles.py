"""The permission layer: what a person may do follows from their active memberships, and from
nothing else (no permission group, no `is_staff` flag to keep in step).

- Role predicates (`is_reviewer`, `is_directorate_admin`, `works_in_admin`...) read the
  person's active memberships once per request (cached on the user object).
- Model permissions ("policy.change_activity"), which the Django admin and the plan services
  ask through `user.has_perm`, come from the grants of each role (`role_permissions` below);
  accounts.backends answers them, so a membership granted or deactivated takes effect at the
  person's next request.
- Object permissions (`user.has_perm("reporting.change_progressreport", report)`) are
  predicates that the apps above register here (`object_rule`), so the admin, the pages, the
  API and the imports ask the same functions.

A superuser may do everything (Django's own rule, before any backend is asked).
"""

from collections.abc import Callable
from functools import cache

from accounts.models import Membership, Role

# -- Role predicates ---------------------------------------------------------------------------

REPORTER_ROLES = (Role.FOCAL_POINT, Role.CSO_REPORTER)
# Roles that work in the admin; the others use the reporting pages and the API.
STAFF_ROLES = frozenset({Role.DIRECTORATE_ADMIN, Role.DIRECTORATE_REVIEWER})


def memberships(user) -> list[Membership]:
    """The person's active memberships, read once per request (kept on the user object)."""
    if not (user is not None and user.is_authenticated and user.is_active):
        return []
    if not hasattr(user, "_wps_memberships"):
        user._wps_memberships = list(
            Membership.objects.filter(user=user, is_active=True).select_related(
                "entity", "governorate"
            )
        )
    return user._wps_memberships


def roles(user) -> set[str]:
    return {m.role for m in memberships(user)}


def has_role(user, *wanted) -> bool:
    return any(m.role in wanted for m in memberships(user))


def is_superuser(user) -> bool:
    return bool(user is not None and user.is_active and user.is_superuser)


def is_directorate_admin(user) -> bool:
    return is_superuser(user) or has_role(user, Role.DIRECTORATE_ADMIN)


def is_reviewer(user) -> bool:
    return is_directorate_admin(user) or has_role(user, Role.DIRECTORATE_REVIEWER)


def works_in_admin(user) -> bool:
    """Who may open the Django admin: superusers and the Directorate's admins and reviewers."""
    return is_superuser(user) or has_role(user, *STAFF_ROLES)


def reporter_memberships(user) -> list[Membership]:
    return [m for m in memberships(user) if m.role in REPORTER_ROLES]


def is_reporter(user) -> bool:
    return bool(reporter_memberships(user))


def governorate_focal_points(user) -> list[Membership]:
    """Focal points limited to a governorate read other entities' reports there (not drafts)."""
    return [m for m in memberships(user) if m.role == Role.FOCAL_POINT and m.governorate_id]


def is_partner_only(user) -> bool:
    """A partner's account: reads approved data, writes nothing."""
    return not is_superuser(user) and roles(user) == {Role.PARTNER_VIEWER}


def is_partner(user) -> bool:
    """A partner viewer (UNAMI, UN Women, a donor...), alone or beside another role."""
    return has_role(user, Role.PARTNER_VIEWER)


def landing(user) -> str:
    """The URL name of a signed-in person's own start page, so that nobody lands on a page
    that is not theirs: reviewers (and Directorate admins) their review queue, reporters their
    activities, partners the Data and API page, anyone else the national overview."""
    if is_reviewer(user):
        return "reporting:queue"
    if is_reporter(user):
        return "reporting:my_work"
    if is_partner(user):
        return "data-api"
    return "home"


def cache_audience(user):
    """Whose cached pages a signed-in person may be served (core.cache): a partner's, or
    None (staff and reporters see pages that depend on who they are)."""
    return "partner" if is_partner_only(user) else None


# -- Model permissions by role -------------------------------------------------------------------

PLAN_APPS = ("governorates", "pillars", "policy", "indicators", "followup")
ACTIONS = ("add", "change", "delete", "view", "import")
# Sign-in security in the admin: a Directorate admin sees the failed sign-ins and unlocks an
# account (deletes its access attempt), and removes the authenticator app and recovery codes of
# someone who lost their phone (they set up a new one at their next sign-in). Nobody but a
# superuser edits these rows or adds a device for someone else.
SIGN_IN_PERMISSIONS = (
    ("axes", "view"),
    ("axes", "delete_accessattempt"),
    ("otp_totp", "view"),
    ("otp_totp", "delete"),
    ("otp_static", "view"),
    ("otp_static", "delete"),
)


def _grants(role) -> list[tuple[str, str]]:
    """(app label, codename or action) pairs a role is given in the admin."""
    if role == Role.DIRECTORATE_ADMIN:
        plan = [(app, action) for app in (*PLAN_APPS, "accounts") for action in ACTIONS]
        return [*plan, ("audit", "view"), *SIGN_IN_PERMISSIONS]
    if role == Role.DIRECTORATE_REVIEWER:
        return [(app, "view") for app in PLAN_APPS]
    return []


def _codenames(model) -> list[str]:
    opts = model._meta
    names = [f"{action}_{opts.model_name}" for action in opts.default_permissions]
    return names + [codename for codename, _label in opts.permissions]


@cache
def role_permissions(role) -> frozenset[str]:
    """Every "app_label.codename" the role holds, from the installed models' permissions."""
    from django.apps import apps

    granted = set()
    for app_label, what in _grants(role):
        try:
            models = apps.get_app_config(app_label).get_models()
        except LookupError:
            continue
        for model in models:
            for codename in _codenames(model):
                action = codename.split("_", 1)[0]
                if what in (codename, action):
                    granted.add(f"{app_label}.{codename}")
    return frozenset(granted)


def permissions_of(user) -> frozenset[str]:
    granted = set()
    for role in roles(user):
        granted |= role_permissions(role)
    return frozenset(granted)


# -- Object permissions -------------------------------------------------------------------------

_OBJECT_RULES: dict[str, Callable] = {}


def object_rule(perm: str):
    """Register `predicate(user, obj)` as the answer to `user.has_perm(perm, obj)`. Apps
    register theirs when they load (AppConfig.ready)."""

    def register(predicate):
        _OBJECT_RULES[perm] = predicate
        return predicate

    return register


def object_allows(user, perm: str, obj) -> bool:
    """The registered rule for this permission and object; without one, the model permission."""
    rule = _OBJECT_RULES.get(perm)
    if rule is not None:
        return bool(rule(user, obj))
    return perm in permissions_of(user)
