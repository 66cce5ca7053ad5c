import json

from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from audit.models import AccessEvent


def _may_read(request) -> bool:
    # Given to Directorate admins by their role (accounts.roles), not to reviewers.
    return request.user.has_perm("audit.view_accessevent")


@admin.register(AccessEvent)
class AccessEventAdmin(admin.ModelAdmin):
    """Read only, and only for Directorate admins and superusers (whatever permissions an
    account was given one by one): the log says who reads what, reviewers included."""

    list_display = ("at", "kind", "username", "ip", "target", "path")
    list_filter = ("kind", ("at", admin.DateFieldListFilter))
    search_fields = ("username", "ip", "target")
    date_hierarchy = "at"
    list_per_page = 100
    show_full_result_count = False
    fields = (
        "at",
        "kind",
        "actor",
        "username",
        "ip",
        "user_agent",
        "method",
        "path",
        "target",
        "target_type",
        "target_id",
        "details_shown",
    )
    readonly_fields = fields

    @admin.display(description=_("details"))
    def details_shown(self, event):
        return format_html("<pre>{}</pre>", json.dumps(event.details, ensure_ascii=False, indent=2))

    def has_module_permission(self, request):
        return _may_read(request)

    def has_view_permission(self, request, obj=None):
        return _may_read(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
