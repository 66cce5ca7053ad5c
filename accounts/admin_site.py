"""The admin site, opened to the people whose memberships say they work in it
(accounts.roles.works_in_admin) rather than to a stored `is_staff` flag."""

from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from accounts import roles


class PortalAdminAuthenticationForm(AdminAuthenticationForm):
    def confirm_login_allowed(self, user):
        AuthenticationForm.confirm_login_allowed(self, user)  # an inactive account
        if not roles.works_in_admin(user):
            raise ValidationError(
                self.error_messages["invalid_login"],
                code="invalid_login",
                params={"username": self.username_field.verbose_name},
            )


class PortalAdminSite(admin.AdminSite):
    site_header = _("National Policy for Empowerment of Iraqi Women: tracker")
    site_title = _("Women empowerment tracker")
    index_title = _("Plan administration")
    login_form = PortalAdminAuthenticationForm

    def has_permission(self, request):
        return roles.works_in_admin(request.user)
