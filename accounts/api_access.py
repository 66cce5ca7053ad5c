"""Authentication and the access rule of the API (REST_FRAMEWORK in config/settings/base.py).
Kept apart from core/api.py and accounts' other modules: DRF imports these while it starts,
before its views can be imported."""

from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, permissions
from rest_framework.authentication import TokenAuthentication

from accounts import roles


class ApiTokenAuthentication(TokenAuthentication):
    """`Authorization: Token <key>`; tokens are made and revoked by Directorate admins
    (accounts.ApiToken: only the key's SHA-256 digest is stored)."""

    # Our keys are 43 characters, the ones carried over from DRF's tokens 40.
    MAX_KEY_LENGTH = 200

    def authenticate(self, request):
        result = super().authenticate(request)
        if result is not None:
            import audit
            from accounts import services

            services.token_touch(result[1])
            audit.token_used(request, result[1])
        return result

    def authenticate_credentials(self, key):
        from accounts import services

        token = services.token_authenticate(key) if len(key) <= self.MAX_KEY_LENGTH else None
        if token is None or token.revoked_at is not None:
            raise exceptions.AuthenticationFailed(_("Invalid token."))
        if token.is_expired():
            raise exceptions.AuthenticationFailed(
                _("This token has expired; ask the Directorate for a new one.")
            )
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("User inactive or deleted."))
        return (token.user, token)


class ApiAccess(permissions.BasePermission):
    """Anyone may read (each endpoint scopes what); writing needs an account, and a partner's
    token never writes. What a user may write is decided by the services."""

    message = _("Partner accounts are read only.")

    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return True
        user = request.user
        if not (user and user.is_authenticated):
            raise exceptions.NotAuthenticated()
        return not roles.is_partner_only(user)
