"""The authentication backend of the permission layer (accounts.roles): passwords as Django's
ModelBackend checks them; permissions from the person's active memberships only. Permission
groups and permissions given one by one are not read: there is nothing to keep in sync."""

from django.contrib.auth.backends import ModelBackend

from accounts import roles


class MembershipBackend(ModelBackend):
    def get_user_permissions(self, user_obj, obj=None):
        return set()

    def get_group_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        return set(roles.permissions_of(user_obj))

    def get_all_permissions(self, user_obj, obj=None):
        # Not cached on the user (ModelBackend's _perm_cache): roles.memberships already is,
        # once per request, and a cache here would outlive a membership change in tests.
        return self.get_group_permissions(user_obj, obj)

    def has_perm(self, user_obj, perm, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous:
            return False
        if obj is not None:
            return roles.object_allows(user_obj, perm, obj)
        return perm in roles.permissions_of(user_obj)

    def has_module_perms(self, user_obj, app_label):
        if not user_obj.is_active or user_obj.is_anonymous:
            return False
        return any(p.startswith(f"{app_label}.") for p in roles.permissions_of(user_obj))

    def with_perm(self, perm, is_active=True, include_superusers=True, obj=None):
        """The accounts holding `perm` by an active membership (and the superusers)."""
        from django.contrib.auth import get_user_model
        from django.db.models import Q

        from accounts.models import Role

        holders = [role for role in Role.values if perm in roles.role_permissions(role)]
        condition = Q(memberships__is_active=True, memberships__role__in=holders)
        if include_superusers:
            condition |= Q(is_superuser=True)
        users = get_user_model().objects.filter(condition)
        if is_active is not None:
            users = users.filter(is_active=is_active)
        return users.distinct()
