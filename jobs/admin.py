from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from jobs.models import Job


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    """What the workers are doing and what failed, for the people who run the portal. Read only;
    a job's file is offered to its owner alone (jobs.views), not here."""

    list_display = ("title_shown", "user", "state", "created_at", "finished_at")
    list_filter = ("state", "kind")
    search_fields = ("user__username", "kind", "message")
    date_hierarchy = "created_at"
    list_select_related = ("user",)
    fields = (
        "kind",
        "user",
        "params",
        "state",
        "done",
        "total",
        "message",
        "result",
        "created_at",
        "started_at",
        "finished_at",
    )
    readonly_fields = fields
    show_full_result_count = False

    @admin.display(description=_("job"))
    def title_shown(self, job):
        return job.title

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser
