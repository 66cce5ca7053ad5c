from django.db.models import F
from import_export import fields

from core.importing import (
    CodeListField,
    CodeWidget,
    DayWidget,
    NumberWidget,
    PlanResource,
    PolicyScopedWidget,
    WholeNumberWidget,
)
from governorates.models import Governorate
from indicators.models import (
    Disaggregation,
    FrameworkReference,
    Indicator,
    ReportingPeriod,
    Target,
)
from policy.models import Activity, Entity, Objective, Policy


class IndicatorResource(PlanResource):
    policy = fields.Field(attribute="policy", column_name="policy", widget=CodeWidget(Policy))
    objective = fields.Field(
        attribute="objective", column_name="objective", widget=PolicyScopedWidget(Objective)
    )
    activity = fields.Field(
        attribute="activity",
        column_name="activity",
        widget=PolicyScopedWidget(Activity, policy_lookup="objective__policy__code"),
    )
    responsible_entity = fields.Field(
        attribute="responsible_entity",
        column_name="responsible_entity",
        widget=CodeWidget(Entity),
    )
    disaggregations = CodeListField(Disaggregation, attribute="disaggregations")
    # SDG targets, CEDAW articles, 1325 indicators: framework:code (sdg:5.5; cedaw:art-7).
    framework_references = CodeListField(
        FrameworkReference, attribute="framework_references", scope="framework"
    )
    baseline_value = fields.Field(
        attribute="baseline_value", column_name="baseline_value", widget=NumberWidget()
    )
    baseline_year = fields.Field(
        attribute="baseline_year", column_name="baseline_year", widget=WholeNumberWidget()
    )

    class Meta(PlanResource.Meta):
        model = Indicator
        import_id_fields = ("policy", "code")
        fields = (
            "policy",
            "code",
            "objective",
            "activity",
            "title_en",
            "title_ar",
            "title_ckb",
            "definition",
            "unit",
            "direction",
            "baseline_value",
            "baseline_year",
            "data_source",
            "frequency",
            "aggregation",
            "disaggregations",
            "framework_references",
            "responsible_entity",
            "is_sensitive",
        )

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("policy", "objective", "activity", "responsible_entity")
            .prefetch_related("disaggregations", "framework_references")
        )


class TargetResource(PlanResource):
    policy = fields.Field(
        attribute="indicator__policy",
        column_name="policy",
        widget=CodeWidget(Policy),
        readonly=True,
    )
    indicator = fields.Field(
        attribute="indicator", column_name="indicator", widget=PolicyScopedWidget(Indicator)
    )
    period = fields.Field(
        attribute="period",
        column_name="period",
        widget=PolicyScopedWidget(ReportingPeriod, field="label"),
    )
    governorate = fields.Field(
        attribute="governorate", column_name="governorate", widget=CodeWidget(Governorate)
    )
    value = fields.Field(attribute="value", column_name="value", widget=NumberWidget())

    class Meta(PlanResource.Meta):
        model = Target
        import_id_fields = ("indicator", "period", "governorate")
        fields = ("policy", "indicator", "period", "governorate", "value", "note")

    def get_queryset(self):
        # The national target (no governorate) first on every database: PostgreSQL sorts NULL last.
        return (
            super()
            .get_queryset()
            .select_related("indicator__policy", "period", "governorate")
            .order_by(
                "indicator",
                "period__start_date",
                F("governorate__name_en").asc(nulls_first=True),
            )
        )


class FrameworkReferenceResource(PlanResource):
    """The framework references as a sheet: framework, code, order, titles, source and url;
    a row is keyed by framework and code."""

    class Meta(PlanResource.Meta):
        model = FrameworkReference
        import_id_fields = ("framework", "code")
        fields = (
            "framework",
            "code",
            "order",
            "title_en",
            "title_ar",
            "title_ckb",
            "source",
            "url",
        )


class DisaggregationResource(PlanResource):
    class Meta(PlanResource.Meta):
        model = Disaggregation
        import_id_fields = ("code",)
        fields = ("code", "order", "name_en", "name_ar", "name_ckb")


class ReportingPeriodResource(PlanResource):
    policy = fields.Field(attribute="policy", column_name="policy", widget=CodeWidget(Policy))
    start_date = fields.Field(attribute="start_date", column_name="start_date", widget=DayWidget())
    end_date = fields.Field(attribute="end_date", column_name="end_date", widget=DayWidget())
    due_date = fields.Field(attribute="due_date", column_name="due_date", widget=DayWidget())

    class Meta(PlanResource.Meta):
        model = ReportingPeriod
        import_id_fields = ("policy", "label")
        fields = ("policy", "label", "start_date", "end_date", "due_date", "status")

    def get_queryset(self):
        return (
            super().get_queryset().select_related("policy").order_by("policy__code", "start_date")
        )
