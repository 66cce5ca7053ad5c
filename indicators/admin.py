from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.admin import NAME_FIELDS, TITLE_FIELDS, ImportExportPlanAdmin, PlanAdmin
from indicators.carry_over import policy_carry_over
from indicators.models import (
    Disaggregation,
    FrameworkReference,
    Indicator,
    ReportingPeriod,
    Target,
)
from indicators.resources import FrameworkReferenceResource, IndicatorResource, TargetResource
from indicators.services import period_close, period_open
from policy.admin import PolicyAdmin
from policy.models import Policy


@admin.register(Disaggregation)
class DisaggregationAdmin(PlanAdmin):
    list_display = ("name_en", "name_ar", "name_ckb", "code", "order")
    search_fields = ("code", *NAME_FIELDS)


@admin.register(FrameworkReference)
class FrameworkReferenceAdmin(ImportExportPlanAdmin):
    resource_classes = [FrameworkReferenceResource]
    list_display = ("framework", "code", "title_en", "order")
    list_display_links = ("framework", "code")
    list_filter = ("framework",)
    search_fields = ("code", *TITLE_FIELDS)
    fieldsets = (
        (None, {"fields": ("framework", "code", "order")}),
        (_("Title"), {"fields": TITLE_FIELDS}),
        (_("Source"), {"fields": ("source", "url")}),
    )


class TargetInline(admin.TabularInline):
    model = Target
    autocomplete_fields = ("period", "governorate")
    fields = ("period", "governorate", "value", "note")
    extra = 0


@admin.register(Indicator)
class IndicatorAdmin(ImportExportPlanAdmin):
    resource_classes = [IndicatorResource]
    list_display = (
        "code",
        "title_en",
        "unit",
        "direction",
        "baseline_value",
        "baseline_year",
        "frequency",
        "responsible_entity",
    )
    list_display_links = ("code", "title_en")
    list_filter = (
        "policy",
        "unit",
        "direction",
        "frequency",
        "is_sensitive",
        "framework_references__framework",
        ("objective__pillar", admin.RelatedOnlyFieldListFilter),
        ("activity__objective__pillar", admin.RelatedOnlyFieldListFilter),
    )
    list_select_related = ("responsible_entity",)
    search_fields = ("code", *TITLE_FIELDS)
    autocomplete_fields = ("policy", "objective", "activity", "responsible_entity", "carried_from")
    filter_horizontal = ("disaggregations", "framework_references")
    inlines = [TargetInline]
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "policy",
                    "code",
                    "objective",
                    "activity",
                    "responsible_entity",
                    "carried_from",
                )
            },
        ),
        (_("Title"), {"fields": (*TITLE_FIELDS, "definition")}),
        (
            _("Measurement"),
            {
                "fields": (
                    "unit",
                    "direction",
                    "baseline_value",
                    "baseline_year",
                    "data_source",
                    "frequency",
                    "aggregation",
                    "disaggregations",
                    "is_sensitive",
                )
            },
        ),
        (_("Framework references"), {"fields": ("framework_references",)}),
    )


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(PlanAdmin):
    actions = ["open_periods", "close_periods"]
    list_display = ("label", "policy", "start_date", "end_date", "due_date", "status")
    list_filter = ("status", "policy")
    list_select_related = ("policy",)
    search_fields = ("label",)
    autocomplete_fields = ("policy",)
    date_hierarchy = "start_date"

    @admin.action(description=_("Open the selected periods for reporting"))
    def open_periods(self, request, queryset):
        self._set_status(request, queryset, period_open, _("Opened %(n)d period(s)."))

    @admin.action(description=_("Close the selected periods"))
    def close_periods(self, request, queryset):
        self._set_status(request, queryset, period_close, _("Closed %(n)d period(s)."))

    def _set_status(self, request, queryset, service, message):
        try:
            for period in queryset:
                service(user=request.user, period=period)
        except PermissionDenied as denied:
            self.message_user(request, str(denied), messages.ERROR)
            return
        self.message_user(request, message % {"n": len(queryset)}, messages.SUCCESS)


@admin.register(Target)
class TargetAdmin(ImportExportPlanAdmin):
    resource_classes = [TargetResource]
    list_display = ("indicator", "period", "governorate", "value")
    list_filter = (
        "period__policy",
        ("period", admin.RelatedOnlyFieldListFilter),
        ("governorate", admin.RelatedOnlyFieldListFilter),
        ("indicator__objective__pillar", admin.RelatedOnlyFieldListFilter),
    )
    list_select_related = ("indicator", "period", "governorate")
    search_fields = ("indicator__code", *(f"indicator__{f}" for f in TITLE_FIELDS))
    autocomplete_fields = ("indicator", "period", "governorate")


class PolicyCarryOverAdmin(PolicyAdmin):
    """The plans' admin (policy/admin.py) with the carry-over to the successor plan, which copies
    indicators as well as activities (indicators/carry_over.py): the policy app sits below this
    one and imports none of it."""

    actions = [*PolicyAdmin.actions, "carry_over"]

    @admin.action(description=_("Carry over to the successor plan"), permissions=["change"])
    def carry_over(self, request, queryset):
        """Each selected plan's activities and indicators go to its one successor plan
        (indicators.carry_over.policy_carry_over: all or nothing, and nothing twice)."""
        for source in queryset:
            successors = list(source.successors.all())
            if len(successors) != 1:
                self.message_user(
                    request,
                    gettext(
                        "%(plan)s: nothing carried over; it needs exactly one successor plan "
                        "(a plan naming it as its predecessor)."
                    )
                    % {"plan": source.code},
                    messages.ERROR,
                )
                continue
            try:
                result = policy_carry_over(user=request.user, source=source, target=successors[0])
            except (PermissionDenied, ValidationError) as error:
                problems = getattr(error, "messages", None) or [str(error)]
                self.message_user(
                    request,
                    gettext("%(plan)s: nothing carried over: %(problems)s")
                    % {"plan": source.code, "problems": " ".join(problems)},
                    messages.ERROR,
                )
                continue
            self.message_user(
                request,
                gettext(
                    "%(plan)s to %(successor)s: %(objectives)d objective(s), %(activities)d "
                    "activity(ies) and %(indicators)d indicator(s) carried over."
                )
                % {
                    "plan": source.code,
                    "successor": successors[0].code,
                    "objectives": len(result.objectives),
                    "activities": len(result.activities),
                    "indicators": len(result.indicators),
                },
                messages.SUCCESS,
            )


admin.site.unregister(Policy)
admin.site.register(Policy, PolicyCarryOverAdmin)
