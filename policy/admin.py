from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from core.admin import NAME_FIELDS, TITLE_FIELDS, ImportExportPlanAdmin, PlanAdmin
from core.templatetags.numbers import money_text
from policy.models import (
    Activity,
    ActivityPartner,
    Entity,
    Funding,
    FundingSourceType,
    Objective,
    Policy,
    Theme,
    VulnerableGroup,
)
from policy.resources import ActivityResource, EntityResource, ObjectiveResource


@admin.register(Entity)
class EntityAdmin(ImportExportPlanAdmin):
    resource_classes = [EntityResource]
    list_display = ("name_en", "acronym", "code", "kind", "level", "governorate", "parent")
    list_filter = ("kind", "level", "governorate")
    list_select_related = ("governorate", "parent")
    search_fields = ("code", "acronym", *NAME_FIELDS)
    autocomplete_fields = ("parent", "governorate")
    fieldsets = (
        (None, {"fields": ("code", "acronym", "kind", "level", "parent", "governorate")}),
        (_("Names"), {"fields": NAME_FIELDS}),
    )


class WorkbookForm(forms.Form):
    workbook = forms.FileField(
        label=_("Plan workbook"),
        help_text=_("An Excel workbook (.xlsx) downloaded from this page and filled in."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
    )


@admin.register(Policy)
class PolicyAdmin(PlanAdmin):
    # The carry-over to the successor plan copies indicators too: indicators/admin.py adds it.
    change_list_template = "admin/policy/policy/change_list.html"

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("workbook/", view(self.workbook_view), name="policy_policy_workbook"),
            path(
                "workbook/download/",
                view(self.workbook_download),
                name="policy_policy_workbook_download",
            ),
            *super().get_urls(),
        ]

    def workbook_view(self, request):
        """The plan workbook (core/planbook.py): the template, a plan or the reference data to
        download, and a filled-in workbook to upload: every sheet checked by a background job
        (nothing written), then, when the person confirms on the job's page, imported."""
        from core.workbook import WorkbookRefused, check_upload
        from jobs.services import job_start

        if not self.has_view_permission(request):
            raise PermissionDenied
        form = WorkbookForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["workbook"]
            try:
                check_upload(upload, upload.name)
                upload.seek(0)
            except WorkbookRefused as refused:
                for problem in refused.problems:
                    form.add_error("workbook", problem)
            else:
                job = job_start(
                    user=request.user,
                    kind="plan.workbook_check",
                    params={"file": upload.name},
                    source=upload,
                    source_name=upload.name,
                )
                return redirect(job)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Plan workbook"),
            "opts": self.model._meta,
            "form": form,
            "policies": Policy.objects.order_by("-start_year", "code"),
        }
        return TemplateResponse(request, "admin/policy/plan_workbook.html", context)

    def workbook_download(self, request):
        """?plan=template (empty, with the instructions), reference (the reference data) or a
        plan's code (the plan with the reference data it names)."""
        import audit
        from core import planbook
        from core.workbook import XLSX_CONTENT_TYPE

        if not self.has_view_permission(request):
            raise PermissionDenied
        which = request.GET.get("plan", "template")
        if which == "template":
            content, name = planbook.write_workbook(rows=False), "plan-workbook-template.xlsx"
        elif which == "reference":
            content = planbook.write_workbook(only="reference")
            name = "reference-data.xlsx"
        else:
            policy = get_object_or_404(Policy, code=which)
            content, name = planbook.write_workbook(policy=policy), f"plan-{policy.code}.xlsx"
        audit.record_export(request, name, source="plan workbook")
        response = HttpResponse(content, content_type=XLSX_CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response

    list_display = (
        "title_en",
        "code",
        "start_year",
        "end_year",
        "status",
        "is_published",
        "predecessor",
    )
    list_filter = ("status", "is_published")
    list_select_related = ("predecessor",)
    search_fields = ("code", *TITLE_FIELDS)
    autocomplete_fields = ("owner", "predecessor")
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "code",
                    "start_year",
                    "end_year",
                    "status",
                    "owner",
                    "is_published",
                    "predecessor",
                )
            },
        ),
        (_("Title"), {"fields": (*TITLE_FIELDS, "description")}),
    )


class ActivityInline(admin.TabularInline):
    """A read-only list of the objective's activities with links: editing happens on each."""

    model = Activity
    fields = ("code", "title_en", "lead_entity", "status", "start_date", "end_date")
    readonly_fields = fields
    extra = 0
    show_change_link = True
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("lead_entity")


@admin.register(Objective)
class ObjectiveAdmin(ImportExportPlanAdmin):
    resource_classes = [ObjectiveResource]
    list_display = ("code", "title_en", "pillar", "policy", "activity_count")
    list_display_links = ("code", "title_en")
    list_filter = ("pillar", "policy")
    list_select_related = ("pillar", "policy")
    search_fields = ("code", *TITLE_FIELDS)
    autocomplete_fields = ("policy", "pillar", "parent")
    inlines = [ActivityInline]
    fieldsets = (
        (None, {"fields": ("policy", "pillar", "code", "parent")}),
        (_("Title"), {"fields": (*TITLE_FIELDS, "description")}),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_activities=Count("activities"))

    @admin.display(description=_("activities"), ordering="n_activities")
    def activity_count(self, obj):
        return obj.n_activities


class ActivityPartnerInline(admin.TabularInline):
    model = ActivityPartner
    autocomplete_fields = ("entity",)
    extra = 0


class FundingInline(admin.TabularInline):
    model = Funding
    autocomplete_fields = ("funder",)
    fields = ("source_type", "funder", "year", "currency", "planned", "committed", "disbursed")
    extra = 0


@admin.register(Activity)
class ActivityAdmin(ImportExportPlanAdmin):
    resource_classes = [ActivityResource]
    list_display = (
        "code",
        "title_en",
        "lead",
        "status",
        "start_date",
        "end_date",
        "budget",
        "currency",
    )
    list_display_links = ("code", "title_en")
    list_filter = (
        "status",
        "objective__pillar",
        "objective__policy",
        "is_nationwide",
        "governorates",
        "themes",
        "target_groups",
        ("lead_entity", admin.RelatedOnlyFieldListFilter),
    )
    list_select_related = ("lead_entity", "objective")
    search_fields = ("code", *TITLE_FIELDS, "lead_entity__code", "lead_entity__acronym")
    autocomplete_fields = ("objective", "lead_entity", "carried_from")
    filter_horizontal = ("governorates", "target_groups", "themes")
    date_hierarchy = "start_date"
    inlines = [ActivityPartnerInline, FundingInline]

    @admin.display(description=_("lead entity"), ordering="lead_entity__code")
    def lead(self, obj):
        return obj.lead_entity.acronym or obj.lead_entity.code

    @admin.display(description=_("planned budget"), ordering="planned_budget")
    def budget(self, obj):
        return money_text(obj.planned_budget)  # 45,000,000, not 45000000.00

    fieldsets = (
        (None, {"fields": ("objective", "code", "lead_entity", "status", "carried_from")}),
        (_("Title"), {"fields": (*TITLE_FIELDS, "description")}),
        (
            _("Where and for whom"),
            {"fields": ("is_nationwide", "governorates", "target_groups", "themes")},
        ),
        (
            _("Time and budget"),
            {"fields": ("start_date", "end_date", "planned_budget", "currency")},
        ),
    )


@admin.register(VulnerableGroup)
class VulnerableGroupAdmin(PlanAdmin):
    list_display = ("name_en", "name_ar", "name_ckb", "code", "order")
    search_fields = ("code", *NAME_FIELDS)


@admin.register(Theme)
class ThemeAdmin(PlanAdmin):
    list_display = ("name_en", "name_ar", "name_ckb", "code")
    search_fields = ("code", *NAME_FIELDS)


@admin.register(FundingSourceType)
class FundingSourceTypeAdmin(PlanAdmin):
    list_display = ("name_en", "name_ar", "name_ckb", "code", "order")
    search_fields = ("code", *NAME_FIELDS)


@admin.register(Funding)
class FundingAdmin(PlanAdmin):
    list_display = (
        "activity",
        "source_type",
        "funder",
        "year",
        "planned_amount",
        "committed_amount",
        "disbursed_amount",
        "currency",
    )
    list_filter = ("source_type", "year", "currency", "activity__objective__pillar")
    list_select_related = ("activity", "source_type", "funder")
    search_fields = (
        "activity__code",
        *(f"activity__{f}" for f in TITLE_FIELDS),
        "funder__code",
        "funder__acronym",
    )
    autocomplete_fields = ("activity", "funder")

    # Amounts as people read them (45,000,000), not as stored (45000000.00).
    @admin.display(description=_("planned"), ordering="planned")
    def planned_amount(self, obj):
        return money_text(obj.planned)

    @admin.display(description=_("committed"), ordering="committed")
    def committed_amount(self, obj):
        return money_text(obj.committed)

    @admin.display(description=_("disbursed"), ordering="disbursed")
    def disbursed_amount(self, obj):
        return money_text(obj.disbursed)
