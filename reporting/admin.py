"""Reports in the admin are read only: every change goes through the reporting pages and their
services, so the workflow's rules (and the lock on approved reports) hold on this path too."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from reporting.models import Evidence, IndicatorValue, PeopleReached, ProgressReport, ReportEvent


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def get_readonly_fields(self, request, obj=None):
        return self.fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ValueInline(ReadOnlyInline):
    model = IndicatorValue
    fields = ("indicator", "governorate", "value", "not_available", "note")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("indicator", "governorate")


class PeopleInline(ReadOnlyInline):
    model = PeopleReached
    fields = ("sex", "age_band", "vulnerable_group", "count")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("vulnerable_group")


class EvidenceInline(ReadOnlyInline):
    model = Evidence
    fields = ("original_name", "content_type", "size", "uploaded_by", "uploaded_at")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("uploaded_by")


class EventInline(ReadOnlyInline):
    model = ReportEvent
    fields = ("at", "kind", "user", "comment")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user")


@admin.register(ProgressReport)
class ProgressReportAdmin(SimpleHistoryAdmin):
    list_display = (
        "activity",
        "entity",
        "governorate",
        "period",
        "status",
        "submitted_at",
        "review_link",
    )
    list_filter = (
        "status",
        "period__policy",
        "period",
        "activity__objective__pillar",
        ("entity", admin.RelatedOnlyFieldListFilter),
    )
    list_select_related = ("activity", "entity", "governorate", "period")
    search_fields = ("activity__code", "activity__title_en", "entity__code", "entity__name_en")
    inlines = [ValueInline, PeopleInline, EvidenceInline, EventInline]
    show_full_result_count = False
    list_per_page = 50

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("review page"))
    def review_link(self, obj):
        return format_html(
            '<a href="{}">{}</a>', reverse("reporting:report", args=[obj.pk]), _("open")
        )
