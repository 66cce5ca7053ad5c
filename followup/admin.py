from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core.admin import TITLE_FIELDS, ImportExportPlanAdmin
from followup import services
from followup.models import (
    Assessment,
    FollowUpNote,
    LegalInstrument,
    LegalStageEvent,
    Recommendation,
    SourceEvent,
)
from followup.resources import LegalInstrumentResource, RecommendationResource, SourceEventResource


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class StageInline(ReadOnlyInline):
    """The dated steps; a new one is added with "Stages of legal instruments", which checks
    the order and asks a reason for a step back."""

    model = LegalStageEvent
    fields = ("date", "stage", "source", "source_url", "reason", "recorded_by")
    readonly_fields = fields


@admin.register(LegalInstrument)
class LegalInstrumentAdmin(ImportExportPlanAdmin):
    resource_classes = [LegalInstrumentResource]
    list_display = ("title_en", "code", "kind", "government", "stage", "stage_date", "pillar")
    list_filter = ("government", "kind", "stage", "pillar")
    list_select_related = ("pillar",)
    search_fields = ("code", *TITLE_FIELDS)
    autocomplete_fields = ("responsible_entity", "objectives")
    readonly_fields = ("stage", "stage_date")
    inlines = [StageInline]
    fieldsets = (
        (None, {"fields": ("code", "kind", "government", "pillar", "responsible_entity")}),
        (_("Title"), {"fields": (*TITLE_FIELDS, "subject")}),
        (_("Serves"), {"fields": ("objectives",)}),
        (_("Stage"), {"fields": ("stage", "stage_date")}),
    )


@admin.register(LegalStageEvent)
class LegalStageEventAdmin(admin.ModelAdmin):
    """Steps are added, never edited: a correction is a new step, with its reason."""

    list_display = ("instrument", "stage", "date", "source", "recorded_by")
    list_filter = ("stage", "instrument__government")
    list_select_related = ("instrument", "recorded_by")
    search_fields = ("instrument__code", "instrument__title_en", "source")
    autocomplete_fields = ("instrument",)
    fields = ("instrument", "stage", "date", "source", "source_url", "note", "reason")

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)

        class StageForm(form):
            def clean(self):
                data = super().clean()
                problems = services.legal_stage_problems(
                    instrument=data.get("instrument"),
                    stage=data.get("stage"),
                    date=data.get("date"),
                    source=data.get("source"),
                    reason=data.get("reason"),
                )
                for field, message in problems.items():
                    if field in self.fields and field not in self.errors:
                        self.add_error(field, message)
                return data

        return StageForm

    def save_model(self, request, obj, form, change):
        obj.pk = services.legal_stage_record(
            user=request.user,
            instrument=obj.instrument,
            stage=obj.stage,
            date=obj.date,
            source=obj.source,
            source_url=obj.source_url,
            note=obj.note,
            reason=obj.reason,
        ).pk


@admin.register(SourceEvent)
class SourceEventAdmin(ImportExportPlanAdmin):
    resource_classes = [SourceEventResource]
    list_display = ("title_en", "code", "date", "place", "organiser")
    search_fields = ("code", *TITLE_FIELDS)
    autocomplete_fields = ("organiser",)


class NoteInline(ReadOnlyInline):
    model = FollowUpNote
    fields = ("date", "status", "text", "evidence_name", "author")
    readonly_fields = fields


@admin.register(Recommendation)
class RecommendationAdmin(ImportExportPlanAdmin):
    resource_classes = [RecommendationResource]
    list_display = ("code", "source", "kind", "section_en", "pillar", "addressee", "status")
    list_filter = ("source", "kind", "status", "pillar")
    list_select_related = ("source", "pillar", "addressee")
    search_fields = ("code", "text_en", "text_ar", "text_ckb")
    autocomplete_fields = ("addressee", "activities")
    readonly_fields = ("status",)
    inlines = [NoteInline]
    fieldsets = (
        (None, {"fields": ("source", "code", "order", "kind", "pillar", "addressee", "status")}),
        (_("Section"), {"fields": ("section_en", "section_ar", "section_ckb")}),
        (_("Text"), {"fields": ("text_en", "text_ar", "text_ckb")}),
        (_("Linked activities"), {"fields": ("activities",)}),
    )


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    """Read only: organisations write their assessments and the Directorate replies on the
    portal's pages (followup.services)."""

    list_display = ("organisation", "activity", "recommendation", "period", "rating", "replied_at")
    list_filter = ("rating", "period", "organisation")
    list_select_related = ("organisation", "activity", "recommendation", "period")
    search_fields = ("narrative", "organisation__name_en")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
