"""Admin building blocks: every save and delete in the admin goes through core.services."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from import_export.admin import ImportExportModelAdmin
from import_export.formats.base_formats import CSV, XLSX
from simple_history.admin import SimpleHistoryAdmin

from core.services import plan_delete, plan_save
from core.sheets import SHEETS, SheetRefused, load_dataset, start_import

NAME_FIELDS = ("name_en", "name_ar", "name_ckb")
TITLE_FIELDS = ("title_en", "title_ar", "title_ckb")


class ServiceWritesMixin:
    """Route the admin's writes through the service layer (permission, validation, history).

    Also lays out three-language fields: titles as two-line boxes, Arabic and Kurdish written
    right to left.
    """

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        name = db_field.name
        if field is None or not name.endswith(("_en", "_ar", "_ckb")):
            return field
        if name.startswith("title_"):
            field.widget = forms.Textarea(attrs={"rows": 2, "cols": 80})
        language = name.rsplit("_", 1)[1]
        field.widget.attrs.update({"lang": language, "dir": "ltr" if language == "en" else "rtl"})
        return field

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # The form checked its fields, but a rule across rows (an inline target of a new
        # indicator, periods outside a policy's new years) can still refuse the save: say why,
        # keep the database as it was, and do not answer with a server error.
        try:
            with transaction.atomic():
                return super().changeform_view(request, object_id, form_url, extra_context)
        except (ValidationError, IntegrityError) as error:
            problems = getattr(error, "messages", None) or [str(error)]
            self.message_user(
                request,
                _("Nothing was saved: %(problems)s") % {"problems": " ".join(problems)},
                messages.ERROR,
            )
            return HttpResponseRedirect(request.get_full_path())

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
    # An import error shows its message, the spreadsheet row and that row's cells, never a
    # traceback (server paths): the template replaces the library's error list.
    import_template_name = "admin/core/import.html"
    import_error_display = ("message", "row")

    def import_action(self, request, **kwargs):
        """A sheet of more than IMPORT_JOB_ROWS rows is checked and imported in the background
        (core.sheets.start_import: policy/tasks.py), with a page that follows it, instead of in
        this request: thousands of rows, read twice (preview, then import), would pass the
        server's time-out."""
        if request.method == "POST" and self.has_import_permission(request):
            job = self._import_in_background(request)
            if job is not None:
                return HttpResponseRedirect(job.get_absolute_url())
        return super().import_action(request, **kwargs)

    def _import_in_background(self, request):
        form = self.create_import_form(request)
        if not form.is_valid():
            return None
        resource_class = self.get_import_resource_classes(request)[
            int(form.cleaned_data.get("resource") or 0)
        ]
        sheet = next((name for name, cls in SHEETS.items() if cls is resource_class), None)
        upload = form.cleaned_data["import_file"]
        content = upload.read()
        upload.seek(0)
        try:
            rows = len(load_dataset(content, upload.name))
        except SheetRefused:
            return None  # the library's own page says what is wrong with the file
        if sheet is None or rows <= settings.IMPORT_JOB_ROWS:
            return None
        return start_import(
            user=request.user, sheet=sheet, content=content, file_name=upload.name, rows=rows
        )

    def get_import_data_kwargs(self, **kwargs):
        # All or nothing at the confirmation step too: a row refused then rolls back the rest.
        kwargs = super().get_import_data_kwargs(**kwargs)
        kwargs["rollback_on_validation_errors"] = True
        return kwargs

    def process_result(self, result, request):
        """The confirmation step: the library redirects with "Import finished" whatever
        happened; a sheet that failed (the data or a right changed since the preview) is shown
        with its problems instead, and nothing is written."""
        if not (result.has_errors() or result.has_validation_errors()):
            return super().process_result(result, request)
        form = self.get_import_form_class(request)(
            self.get_import_formats(), self.get_import_resource_classes(request)
        )
        context = {
            **self.get_import_context_data(),
            **self.admin_site.each_context(request),
            "title": _("Import"),
            "form": form,
            "opts": self.model._meta,
            "media": self.media + form.media,
            "result": result,
            "import_error_display": self.import_error_display,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, [self.import_template_name], context)


admin.site.empty_value_display = "–"
