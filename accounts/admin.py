from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

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
