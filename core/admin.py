"""Admin building blocks: every save and delete in the admin goes through core.services."""

from django.contrib import admin
from import_export.admin import ImportExportModelAdmin
from import_export.formats.base_formats import CSV, XLSX
from simple_history.admin import SimpleHistoryAdmin

from core.services import plan_delete, plan_save

NAME_FIELDS = ("name_en", "name_ar", "name_ckb")
TITLE_FIELDS = ("title_en", "title_ar", "title_ckb")


class ServiceWritesMixin:
    """Route the admin's writes through the service layer (permission, validation, history)."""

    def save_model(self, request, obj, form, change):
        plan_save(user=request.user, instance=obj)

    def delete_model(self, request, obj):
        plan_delete(user=request.user, instance=obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            plan_delete(user=request.user, instance=obj)

    def save_formset(self, request, form, formset, change):
        instances = formset.save(commit=False)
        for obj in formset.deleted_objects:
            plan_delete(user=request.user, instance=obj)
        for obj in instances:
            plan_save(user=request.user, instance=obj)
        formset.save_m2m()


class PlanAdmin(ServiceWritesMixin, SimpleHistoryAdmin):
    list_per_page = 50
    show_full_result_count = False  # no COUNT(*) of the whole table on every filtered page


class ImportExportPlanAdmin(ServiceWritesMixin, ImportExportModelAdmin, SimpleHistoryAdmin):
    list_per_page = 50
    show_full_result_count = False
    formats = [XLSX, CSV]


admin.site.empty_value_display = "–"
