from django.db.models import Q
from rest_framework import serializers, viewsets

from core.api import CodeOrIdFilter, GovernorateOrNationalFilter, IdFilter, PlanFilterSet
from indicators.models import Indicator, ReportingPeriod, Target
from policy.api import TITLES, PublishedScope, code_of


class IndicatorSerializer(serializers.ModelSerializer):
    policy = code_of("policy")
    objective = code_of("objective", allow_null=True)
    activity = code_of("activity", allow_null=True)
    responsible_entity = code_of("responsible_entity", allow_null=True)
    disaggregations = serializers.SlugRelatedField(many=True, slug_field="code", read_only=True)

    class Meta:
        model = Indicator
        fields = (
            "id",
            "policy",
            "code",
            "objective",
            "activity",
            *TITLES,
            "definition",
            "unit",
            "direction",
            "baseline_value",
            "baseline_year",
            "data_source",
            "frequency",
            "aggregation",
            "disaggregations",
            "responsible_entity",
            "is_sensitive",
            "updated_at",
        )


class PeriodSerializer(serializers.ModelSerializer):
    policy = code_of("policy")

    class Meta:
        model = ReportingPeriod
        fields = (
            "id",
            "policy",
            "label",
            "start_date",
            "end_date",
            "due_date",
            "status",
            "updated_at",
        )


class TargetSerializer(serializers.ModelSerializer):
    policy = serializers.CharField(source="indicator.policy.code", read_only=True)
    indicator = code_of("indicator")
    indicator_id = serializers.IntegerField(read_only=True)
    period = serializers.SlugRelatedField(slug_field="label", read_only=True)
    governorate = code_of("governorate", allow_null=True)

    class Meta:
        model = Target
        fields = (
            "id",
            "policy",
            "indicator",
            "indicator_id",
            "period",
            "governorate",
            "value",
            "note",
            "updated_at",
        )


class IndicatorFilter(PlanFilterSet):
    policy = CodeOrIdFilter(field_name="policy")
    pillar = CodeOrIdFilter(field_name="objective__pillar|activity__objective__pillar")
    objective = IdFilter(
        method="filter_objective", label="Objective id (its own and its activities')"
    )
    activity = IdFilter(field_name="activity_id")
    entity = CodeOrIdFilter(
        field_name="responsible_entity|activity__lead_entity",
        label="Responsible or lead entity (code or id)",
    )
    theme = CodeOrIdFilter(field_name="activity__themes")

    class Meta:
        model = Indicator
        fields = [
            "policy",
            "pillar",
            "objective",
            "activity",
            "entity",
            "unit",
            "theme",
            "is_sensitive",
        ]

    def filter_objective(self, queryset, name, value):
        return queryset.filter(Q(objective_id=value) | Q(activity__objective_id=value))


class PeriodFilter(PlanFilterSet):
    policy = CodeOrIdFilter(field_name="policy")

    class Meta:
        model = ReportingPeriod
        fields = ["policy", "status"]


class TargetFilter(PlanFilterSet):
    policy = CodeOrIdFilter(field_name="indicator__policy")
    pillar = CodeOrIdFilter(
        field_name="indicator__objective__pillar|indicator__activity__objective__pillar"
    )
    indicator = IdFilter(field_name="indicator_id")
    period = CodeOrIdFilter(field_name="period", code_field="label")
    governorate = GovernorateOrNationalFilter(field_name="governorate")

    class Meta:
        model = Target
        fields = ["policy", "pillar", "indicator", "period", "governorate"]


class IndicatorViewSet(PublishedScope, viewsets.ReadOnlyModelViewSet):
    """Indicators of objectives (outcomes) and activities (outputs), with their baselines."""

    queryset = (
        Indicator.objects.select_related("policy", "objective", "activity", "responsible_entity")
        .prefetch_related("disaggregations")
        .order_by("policy__code", "code")
    )
    serializer_class = IndicatorSerializer
    filterset_class = IndicatorFilter
    search_fields = ["code", "title_en", "title_ar", "title_ckb"]
    ordering_fields = ["code", "updated_at"]


class PeriodViewSet(PublishedScope, viewsets.ReadOnlyModelViewSet):
    """Reporting periods (quarters) with their due dates and whether they are open."""

    queryset = ReportingPeriod.objects.select_related("policy").order_by(
        "policy__code", "start_date"
    )
    serializer_class = PeriodSerializer
    filterset_class = PeriodFilter
    ordering_fields = ["start_date", "due_date", "updated_at"]


class TargetViewSet(PublishedScope, viewsets.ReadOnlyModelViewSet):
    """Targets per indicator and period, national (no governorate) or per governorate."""

    policy_path = "indicator__policy"
    queryset = Target.objects.select_related("indicator__policy", "period", "governorate").order_by(
        "indicator__code", "period__start_date", "governorate__code"
    )
    serializer_class = TargetSerializer
    filterset_class = TargetFilter
    ordering_fields = ["value", "updated_at"]
