import re

import django_filters
from django.db.models import Q
from rest_framework import serializers, viewsets

from core.api import ID_MAX, CodeOrIdFilter, GovernorateOrNationalFilter, IdFilter, PlanFilterSet
from core.cache import CachedListMixin
from indicators.models import FrameworkReference, Indicator, ReportingPeriod, Target
from policy.api import TITLES, PublishedScope, code_of


class IndicatorSerializer(serializers.ModelSerializer):
    """An indicator. `framework_references` is a list of `framework:code` strings
    (`sdg:5.5`, `cedaw:Art. 7`, `unscr1325:11a`): short, and a plain `;`-separated cell in CSV
    and XLSX; /api/v1/framework-references/ has each entry's titles, source and address.
    `carried_from` is the code of the same indicator in the predecessor plan, or null."""

    policy = code_of("policy")
    objective = code_of("objective", allow_null=True)
    activity = code_of("activity", allow_null=True)
    responsible_entity = code_of("responsible_entity", allow_null=True)
    disaggregations = serializers.SlugRelatedField(many=True, slug_field="code", read_only=True)
    framework_references = serializers.SlugRelatedField(many=True, slug_field="key", read_only=True)
    carried_from = code_of("carried_from", allow_null=True)

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
            "framework_references",
            "carried_from",
            "updated_at",
        )


class FrameworkReferenceSerializer(serializers.ModelSerializer):
    """An entry of an external framework: `key` (`sdg:5.5`) is how indicators refer to it."""

    class Meta:
        model = FrameworkReference
        fields = ("id", "framework", "code", "key", *TITLES, "source", "url", "updated_at")


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


class FrameworkReferenceCodeFilter(django_filters.CharFilter):
    """`?framework_reference=sdg:5.5` (framework and code), `=5.5` (the code, in any
    framework) or `=12` (an id): indicators that refer to it."""

    def filter(self, qs, value):
        if not value:
            return qs
        framework, colon, code = value.partition(":")
        if colon:
            condition = {
                f"{self.field_name}__framework": framework,
                f"{self.field_name}__code": code,
            }
        elif re.fullmatch(r"[0-9]+", value):
            if int(value) > ID_MAX:
                return qs.none()
            condition = {f"{self.field_name}__id": int(value)}
        else:
            condition = {f"{self.field_name}__code": value}
        return qs.filter(**condition).distinct()


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
    framework_reference = FrameworkReferenceCodeFilter(
        field_name="framework_references",
        label="Framework reference: framework:code (sdg:5.5), a code (5.5) or an id",
    )
    framework = django_filters.ChoiceFilter(
        field_name="framework_references__framework",
        choices=FrameworkReference.Framework.choices,
        distinct=True,
        label="Refers to an entry of this framework",
    )

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
            "framework_reference",
            "framework",
        ]

    def filter_objective(self, queryset, name, value):
        return queryset.filter(Q(objective_id=value) | Q(activity__objective_id=value))


class FrameworkReferenceFilter(PlanFilterSet):
    class Meta:
        model = FrameworkReference
        fields = ["framework", "code"]


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


class IndicatorViewSet(CachedListMixin, PublishedScope, viewsets.ReadOnlyModelViewSet):
    """Indicators of objectives (outcomes) and activities (outputs), with their baselines."""

    queryset = (
        Indicator.objects.select_related(
            "policy", "objective", "activity", "responsible_entity", "carried_from"
        )
        .prefetch_related("disaggregations", "framework_references")
        .order_by("policy__code", "code")
    )
    serializer_class = IndicatorSerializer
    filterset_class = IndicatorFilter
    search_fields = ["code", "title_en", "title_ar", "title_ckb"]
    ordering_fields = ["code", "updated_at"]


class FrameworkReferenceViewSet(CachedListMixin, viewsets.ReadOnlyModelViewSet):
    """External frameworks indicators refer to: SDG targets (A/RES/70/1), CEDAW articles
    (A/RES/34/180) and the global indicators for resolution 1325 (S/2010/498), each with the
    source it is quoted from. Reference data: the same for every reader."""

    queryset = FrameworkReference.objects.order_by("framework", "order", "code")
    serializer_class = FrameworkReferenceSerializer
    filterset_class = FrameworkReferenceFilter
    search_fields = ["code", "title_en", "title_ar", "title_ckb"]
    ordering_fields = ["code", "order", "updated_at"]


class PeriodViewSet(CachedListMixin, PublishedScope, viewsets.ReadOnlyModelViewSet):
    """Reporting periods (quarters) with their due dates and whether they are open."""

    queryset = ReportingPeriod.objects.select_related("policy").order_by(
        "policy__code", "start_date"
    )
    serializer_class = PeriodSerializer
    filterset_class = PeriodFilter
    ordering_fields = ["start_date", "due_date", "updated_at"]


class TargetViewSet(CachedListMixin, PublishedScope, viewsets.ReadOnlyModelViewSet):
    """Targets per indicator and period, national (no governorate) or per governorate."""

    policy_path = "indicator__policy"
    queryset = Target.objects.select_related("indicator__policy", "period", "governorate").order_by(
        "indicator__code", "period__start_date", "governorate__code"
    )
    serializer_class = TargetSerializer
    filterset_class = TargetFilter
    ordering_fields = ["value", "updated_at"]
