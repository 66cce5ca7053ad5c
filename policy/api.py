import django_filters
from django.db.models import Prefetch
from rest_framework import serializers, viewsets

from core.api import CodeOrIdFilter, IdFilter, PlanFilterSet, published_only
from core.cache import CachedListMixin
from governorates.models import Governorate
from jobs.export_jobs import ExportJobMixin
from policy.models import (
    Activity,
    ActivityPartner,
    Entity,
    Funding,
    Objective,
    Policy,
    Theme,
    VulnerableGroup,
    covering_q,
    published_q,
)

NAMES = ("name", "name_en", "name_ar", "name_ckb")
TITLES = ("title", "title_en", "title_ar", "title_ckb")


def code_of(field, **kwargs):
    """A foreign key shown as the related row's code (`field` names it, for the reader)."""
    return serializers.SlugRelatedField(slug_field="code", read_only=True, **kwargs)


class EntitySerializer(serializers.ModelSerializer):
    parent = code_of("parent", allow_null=True)
    governorate = code_of("governorate", allow_null=True)

    class Meta:
        model = Entity
        fields = (
            "id",
            "code",
            "acronym",
            *NAMES,
            "kind",
            "level",
            "parent",
            "governorate",
            "updated_at",
        )


class PolicySerializer(serializers.ModelSerializer):
    """A plan; `predecessor` is the code of the plan it succeeds, or null."""

    owner = code_of("owner", allow_null=True)
    predecessor = code_of("predecessor", allow_null=True)

    class Meta:
        model = Policy
        fields = (
            "id",
            "code",
            *TITLES,
            "start_year",
            "end_year",
            "status",
            "owner",
            "is_published",
            "description",
            "predecessor",
            "updated_at",
        )


class ObjectiveSerializer(serializers.ModelSerializer):
    policy = code_of("policy")
    pillar = code_of("pillar")
    parent = code_of("parent", allow_null=True)

    class Meta:
        model = Objective
        fields = ("id", "policy", "pillar", "code", "parent", *TITLES, "description", "updated_at")


class CodeNameSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    code = serializers.CharField()
    name = serializers.CharField()
    name_en = serializers.CharField()
    name_ar = serializers.CharField()
    name_ckb = serializers.CharField()
    updated_at = serializers.DateTimeField()


class PartnerSerializer(serializers.Serializer):
    entity = serializers.CharField(source="entity.code")
    role = serializers.CharField()


class FundingSerializer(serializers.ModelSerializer):
    source_type = code_of("source_type")
    funder = code_of("funder", allow_null=True)

    class Meta:
        model = Funding
        fields = ("source_type", "funder", "year", "currency", "planned", "committed", "disbursed")


class ActivitySerializer(serializers.ModelSerializer):
    """An activity; `carried_from` is the code of the same activity in the predecessor plan,
    or null."""

    policy = serializers.CharField(source="objective.policy.code", read_only=True)
    objective = code_of("objective")
    objective_id = serializers.IntegerField(read_only=True)
    pillar = serializers.CharField(source="objective.pillar.code", read_only=True)
    lead_entity = code_of("lead_entity")
    partners = PartnerSerializer(source="partnerships", many=True, read_only=True)
    governorates = serializers.SlugRelatedField(many=True, slug_field="code", read_only=True)
    target_groups = serializers.SlugRelatedField(many=True, slug_field="code", read_only=True)
    themes = serializers.SlugRelatedField(many=True, slug_field="code", read_only=True)
    funding = FundingSerializer(source="funding_lines", many=True, read_only=True)
    carried_from = code_of("carried_from", allow_null=True)

    class Meta:
        model = Activity
        fields = (
            "id",
            "policy",
            "pillar",
            "objective",
            "objective_id",
            "code",
            *TITLES,
            "description",
            "lead_entity",
            "partners",
            "is_nationwide",
            "governorates",
            "target_groups",
            "themes",
            "start_date",
            "end_date",
            "status",
            "planned_budget",
            "currency",
            "funding",
            "carried_from",
            "updated_at",
        )


class EntityFilter(PlanFilterSet):
    governorate = CodeOrIdFilter(field_name="governorate")

    class Meta:
        model = Entity
        fields = ["kind", "level", "governorate"]


class PolicyFilter(PlanFilterSet):
    class Meta:
        model = Policy
        fields = ["status", "is_published"]


class ObjectiveFilter(PlanFilterSet):
    policy = CodeOrIdFilter(field_name="policy")
    pillar = CodeOrIdFilter(field_name="pillar")

    class Meta:
        model = Objective
        fields = ["policy", "pillar"]


class ActivityFilter(PlanFilterSet):
    policy = CodeOrIdFilter(field_name="objective__policy")
    pillar = CodeOrIdFilter(field_name="objective__pillar")
    objective = IdFilter(field_name="objective_id")
    entity = CodeOrIdFilter(
        field_name="lead_entity|partners", label="Lead or partner entity (code or id)"
    )
    governorate = django_filters.CharFilter(
        method="filter_governorate", label="Governorate covered (code or id)"
    )
    theme = CodeOrIdFilter(field_name="themes")
    vulnerable_group = CodeOrIdFilter(field_name="target_groups")

    class Meta:
        model = Activity
        fields = [
            "policy",
            "pillar",
            "objective",
            "entity",
            "governorate",
            "status",
            "theme",
            "vulnerable_group",
            "is_nationwide",
        ]

    def filter_governorate(self, queryset, name, value):
        governorate = Governorate.objects.filter(
            **({"pk": value} if value.isdigit() else {"code": value})
        ).first()
        if governorate is None:
            return queryset.none()
        return queryset.filter(covering_q(governorate))


class PublishedScope:
    """Visitors who are not signed in read only the published plans."""

    policy_path = "policy"

    def get_queryset(self):
        queryset = super().get_queryset()
        if published_only(self.request):
            queryset = queryset.filter(published_q(self.policy_path))
        return queryset


class EntityViewSet(CachedListMixin, viewsets.ReadOnlyModelViewSet):
    """Ministries, directorates, governorate offices, CSOs, networks, UN agencies, donors."""

    queryset = Entity.objects.select_related("parent", "governorate").order_by("code")
    serializer_class = EntitySerializer
    filterset_class = EntityFilter
    search_fields = ["code", "acronym", "name_en", "name_ar", "name_ckb"]
    ordering_fields = ["code", "name_en", "updated_at"]


class PolicyViewSet(CachedListMixin, viewsets.ReadOnlyModelViewSet):
    """Plans: the National Policy 2021-2024 and any other plan the Directorate keeps."""

    queryset = Policy.objects.select_related("owner", "predecessor").order_by("-start_year", "code")
    serializer_class = PolicySerializer
    filterset_class = PolicyFilter
    search_fields = ["code", "title_en", "title_ar", "title_ckb"]
    ordering_fields = ["code", "start_year", "updated_at"]

    def get_queryset(self):
        queryset = self.queryset.all()
        if published_only(self.request):
            queryset = queryset.published()
        return queryset


class ObjectiveViewSet(CachedListMixin, PublishedScope, viewsets.ReadOnlyModelViewSet):
    queryset = Objective.objects.select_related("policy", "pillar", "parent").order_by(
        "policy__code", "code"
    )
    serializer_class = ObjectiveSerializer
    filterset_class = ObjectiveFilter
    search_fields = ["code", "title_en", "title_ar", "title_ckb"]
    ordering_fields = ["code", "updated_at"]


class ActivityViewSet(
    ExportJobMixin, CachedListMixin, PublishedScope, viewsets.ReadOnlyModelViewSet
):
    """Activities with their lead and partner entities, governorates, groups and funding."""

    policy_path = "objective__policy"
    queryset = (
        Activity.objects.select_related(
            "objective__policy", "objective__pillar", "lead_entity", "carried_from"
        )
        .prefetch_related(
            # select_related inside each prefetch: the query count does not depend on data
            Prefetch("partnerships", ActivityPartner.objects.select_related("entity")),
            Prefetch("funding_lines", Funding.objects.select_related("source_type", "funder")),
            "governorates",
            "target_groups",
            "themes",
        )
        .order_by("objective__policy__code", "code")
    )
    serializer_class = ActivitySerializer
    filterset_class = ActivityFilter
    search_fields = ["code", "title_en", "title_ar", "title_ckb"]
    ordering_fields = ["code", "start_date", "end_date", "planned_budget", "updated_at"]


class VulnerableGroupFilter(PlanFilterSet):
    class Meta:
        model = VulnerableGroup
        fields = ["code"]


class ThemeFilter(PlanFilterSet):
    class Meta:
        model = Theme
        fields = ["code"]


class VulnerableGroupViewSet(CachedListMixin, viewsets.ReadOnlyModelViewSet):
    """Groups the plan targets: IDPs, returnees, survivors, women-headed households ..."""

    queryset = VulnerableGroup.objects.order_by("order", "code")
    serializer_class = CodeNameSerializer
    filterset_class = VulnerableGroupFilter
    ordering_fields = ["code"]


class ThemeViewSet(CachedListMixin, viewsets.ReadOnlyModelViewSet):
    """Tags across pillars: COVID-19 response, media plan, localisation ..."""

    queryset = Theme.objects.order_by("code")
    serializer_class = CodeNameSerializer
    filterset_class = ThemeFilter
    ordering_fields = ["code"]
