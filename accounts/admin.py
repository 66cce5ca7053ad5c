import axes.admin  # noqa: F401  (registers the lock-out admin, replaced below)
from axes.admin import AccessAttemptAdmin as AxesAccessAttemptAdmin
from axes.models import AccessAttempt
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from accounts import services
from accounts.models import Membership, User
from core.admin import ServiceWritesMixin


class MembershipInline(admin.TabularInline):
    model = Membership
    fk_name = "user"
    autocomplete_fields = ("entity", "governorate")
    extra = 0


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ("username", "email", "first_name", "last_name", "is_staff", "is_active")
    inlines = [MembershipInline]

    # A Directorate admin manages accounts, but only a superuser hands out superuser status or
    # individual permissions, and only a superuser edits a superuser.
    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            fields += ["is_superuser", "user_permissions", "groups"]
        return fields

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_delete_permission(request, obj)

    fieldsets = (
        *DjangoUserAdmin.fieldsets,
        (_("Preferences"), {"fields": ("language", "digits")}),
    )


@admin.register(Membership)
class MembershipAdmin(ServiceWritesMixin, SimpleHistoryAdmin):
    list_display = ("user", "role", "entity", "governorate", "is_active")
    list_filter = ("role", "is_active", "governorate")
    list_select_related = ("user", "entity", "governorate")
    search_fields = ("user__username", "user__email", "entity__code", "entity__name_en")
    autocomplete_fields = ("user", "entity", "governorate")


# Sign-in lock-outs (django-axes): each row counts the wrong passwords of one account from one
# address. Deleting the row ("Unlock") lets that account sign in from that address again.
if admin.site.is_registered(AccessAttempt):
    admin.site.unregister(AccessAttempt)


@admin.register(AccessAttempt)
class AccessAttemptAdmin(AxesAccessAttemptAdmin):
    actions = ["unlock", "cleanup_expired_attempts"]

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)  # "Unlock" is the same, named for what it does
        return actions

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            "title": _("Failed sign-ins and lock-outs: select a row and choose “Unlock”"),
            **(extra_context or {}),
        }
        return super().changelist_view(request, extra_context)

    @admin.action(
        description=_("Unlock: let the selected accounts sign in from these addresses again"),
        permissions=["delete"],
    )
    def unlock(self, request, queryset):
        pairs = services.lockouts_clear(actor=request.user, attempts=queryset)
        self.message_user(
            request,
            _("Unlocked: %(pairs)s.")
            % {
                "pairs": ", ".join(
                    _("%(username)s from %(address)s") % {"username": u, "address": a}
                    for u, a in pairs
                )
            },
            messages.SUCCESS,
        )

    def delete_model(self, request, obj):
        services.lockouts_clear(actor=request.user, attempts=[obj])

    def delete_queryset(self, request, queryset):
        services.lockouts_clear(actor=request.user, attempts=queryset)
