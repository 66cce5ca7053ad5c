import django_filters
from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, permissions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.generics import get_object_or_404  # a malformed id is a 404, not a 500
from rest_framework.response import Response

from accounts.api_access import ApiAccess
from core.api import CodeOrIdFilter, IdFilter, PlanFilterSet
from governorates.models import Governorate
from indicators.models import PERCENT_RANGE, VALUE_MIN, Indicator, ReportingPeriod
from jobs.export_jobs import ExportJobMixin
from policy.models import Activity, Entity, VulnerableGroup, covering_q
from reporting import services
from reporting.models import (
    COMMENT_LIMIT,
    TEXT_LIMIT,
    AgeBand,
    Evidence,
    IndicatorValue,
    PeopleReached,
    ProgressReport,
    ReportEvent,
    Sex,
)

ERRORS = {
    400: OpenApiResponse(description="Invalid data: a message per field."),
    401: OpenApiResponse(description="Not signed in: send `Authorization: Token <key>`."),
    403: OpenApiResponse(description="Not allowed for this account, with the reason."),
    404: OpenApiResponse(description="No such report, or not visible to this account."),
    409: OpenApiResponse(
        description="The report is approved and locked, in the wrong state for this step, or "
        "was changed by someone else since you read it (send its current `version`)."
    ),
}


# -- progress reports -----------------------------------------------------------------------
class PeopleSerializer(serializers.ModelSerializer):
    vulnerable_group = serializers.SlugRelatedField(
        slug_field="code", read_only=True, allow_null=True
    )

    class Meta:
        model = PeopleReached
        fields = ("sex", "age_band", "vulnerable_group", "count")


class ValueSerializer(serializers.ModelSerializer):
    indicator = serializers.CharField(source="indicator.code", read_only=True)
    governorate = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)

    class Meta:
        model = IndicatorValue
        fields = ("indicator", "indicator_id", "governorate", "value", "not_available", "note")


class EvidenceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Evidence
        fields = ("id", "original_name", "content_type", "size", "uploaded_at")


class EventSerializer(serializers.ModelSerializer):
    user = serializers.CharField(source="user.username", read_only=True)

    class Meta:
        model = ReportEvent
        fields = ("kind", "user", "at", "comment")


class ReportSerializer(serializers.ModelSerializer):
    policy = serializers.CharField(source="period.policy.code", read_only=True)
    activity = serializers.CharField(source="activity.code", read_only=True)
    activity_id = serializers.IntegerField(read_only=True)
    entity = serializers.CharField(source="entity.code", read_only=True)
    period = serializers.CharField(source="period.label", read_only=True)
    governorate = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    people = PeopleSerializer(many=True, read_only=True)
    values = ValueSerializer(many=True, read_only=True)
    evidence = EvidenceSerializer(many=True, read_only=True)
    events = EventSerializer(source="timeline", many=True, read_only=True)

    class Meta:
        model = ProgressReport
        fields = (
            "id",
            "policy",
            "activity",
            "activity_id",
            "entity",
            "period",
            "governorate",
            "status",
            "version",
            "activity_status",
            "percent_complete",
            "achievements",
            "challenges",
            "next_steps",
            "people",
            "values",
            "evidence",
            "events",
            "created_at",
            "updated_at",
            "submitted_at",
            "approved_at",
        )


class ReportCreateSerializer(serializers.Serializer):
    activity = serializers.PrimaryKeyRelatedField(queryset=Activity.objects.all())
    period = serializers.PrimaryKeyRelatedField(queryset=ReportingPeriod.objects.all())
    entity = serializers.SlugRelatedField(slug_field="code", queryset=Entity.objects.all())
    governorate = serializers.SlugRelatedField(
        slug_field="code", queryset=Governorate.objects.all(), required=False, allow_null=True
    )


class PeopleInputSerializer(serializers.Serializer):
    sex = serializers.ChoiceField(choices=Sex.choices, required=False)
    age_band = serializers.ChoiceField(choices=AgeBand.choices, required=False)
    vulnerable_group = serializers.SlugRelatedField(
        slug_field="code", queryset=VulnerableGroup.objects.all(), required=False
    )
    count = serializers.IntegerField(min_value=0, max_value=10_000_000, allow_null=True)

    def validate(self, data):
        by_group = data.get("vulnerable_group") is not None
        by_sex_age = data.get("sex") and data.get("age_band")
        if by_group == bool(by_sex_age):
            raise serializers.ValidationError(
                _("Give either sex and age_band, or vulnerable_group.")
            )
        return data


class ValueInputSerializer(serializers.Serializer):
    indicator = serializers.PrimaryKeyRelatedField(queryset=Indicator.objects.all())
    governorate = serializers.SlugRelatedField(
        slug_field="code", queryset=Governorate.objects.all(), allow_null=True, required=False
    )
    value = serializers.DecimalField(
        max_digits=18, decimal_places=4, allow_null=True, min_value=VALUE_MIN
    )
    not_available = serializers.BooleanField(
        required=False,
        default=False,
        help_text="true: the figure is not available (send value null); it then counts "
        "neither as missing nor in any figure.",
    )
    note = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=services.NOTE_LIMIT,
        help_text="With not_available: why (optional).",
    )

    def validate(self, data):
        if data.get("not_available") and data.get("value") is not None:
            raise serializers.ValidationError(
                _("Give a value or not_available, not both."), code="invalid"
            )
        return data


class ReportUpdateSerializer(serializers.Serializer):
    version = serializers.IntegerField(min_value=1)
    activity_status = serializers.ChoiceField(choices=Activity.Status.choices, required=False)
    percent_complete = serializers.IntegerField(
        min_value=PERCENT_RANGE[0], max_value=PERCENT_RANGE[1], required=False, allow_null=True
    )
    achievements = serializers.CharField(required=False, allow_blank=True, max_length=TEXT_LIMIT)
    challenges = serializers.CharField(required=False, allow_blank=True, max_length=TEXT_LIMIT)
    next_steps = serializers.CharField(required=False, allow_blank=True, max_length=TEXT_LIMIT)
    people = PeopleInputSerializer(many=True, required=False)
    values = ValueInputSerializer(many=True, required=False)


class VersionSerializer(serializers.Serializer):
    version = serializers.IntegerField(min_value=1)


class ReturnSerializer(VersionSerializer):
    comment = serializers.CharField(max_length=COMMENT_LIMIT)


class ReportFilter(PlanFilterSet):
    policy = CodeOrIdFilter(field_name="period__policy")
    pillar = CodeOrIdFilter(field_name="activity__objective__pillar")
    activity = IdFilter(field_name="activity_id")
    entity = CodeOrIdFilter(field_name="entity")
    governorate = django_filters.CharFilter(
        method="filter_governorate", label="Governorate covered (code or id)"
    )
    period = CodeOrIdFilter(field_name="period", code_field="label")
    theme = CodeOrIdFilter(field_name="activity__themes")
    vulnerable_group = CodeOrIdFilter(field_name="activity__target_groups")

    class Meta:
        model = ProgressReport
        fields = [
            "policy",
            "pillar",
            "activity",
            "entity",
            "governorate",
            "period",
            "status",
            "theme",
            "vulnerable_group",
        ]

    def filter_governorate(self, queryset, name, value):
        if value.isdigit():
            own, place = Q(governorate__id=value), value
        else:
            own = Q(governorate__code=value)
            place = Governorate.objects.filter(code=value).values("pk")[:1]  # a subquery
        return queryset.filter(own | covering_q(place, path="activity"))


def _report_response(report, code=status.HTTP_200_OK):
    report = ReportViewSet.base_queryset().get(pk=report.pk)
    return Response(ReportSerializer(report).data, status=code)


@extend_schema_view(
    list=extend_schema(responses={200: ReportSerializer(many=True), 401: ERRORS[401]}),
    retrieve=extend_schema(responses={200: ReportSerializer, 401: ERRORS[401], 404: ERRORS[404]}),
)
class ReportViewSet(
    ExportJobMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Progress reports, scoped as on the web: reporters see their entity's, reviewers all,
    partners the approved ones. Reporters create and update drafts and submit; reviewers
    return (with a comment) and approve. Every write states the `version` it read."""

    serializer_class = ReportSerializer
    filterset_class = ReportFilter
    permission_classes = [permissions.IsAuthenticated, ApiAccess]
    ordering_fields = ["updated_at", "submitted_at", "approved_at"]
    search_fields = ["activity__code", "activity__title_en"]

    @staticmethod
    def base_queryset():
        return ProgressReport.objects.select_related(
            "activity", "entity", "period__policy", "governorate"
        ).prefetch_related(
            # select_related inside each prefetch: the query count does not depend on data
            Prefetch("people", PeopleReached.objects.select_related("vulnerable_group")),
            Prefetch("values", IndicatorValue.objects.select_related("indicator", "governorate")),
            "evidence",
            Prefetch(
                "events", queryset=ReportEvent.objects.select_related("user"), to_attr="timeline"
            ),
        )

    def get_queryset(self):
        from reporting.permissions import visible_reports_filter

        return (
            self.base_queryset()
            .filter(visible_reports_filter(self.request.user))
            .distinct()
            .order_by("-updated_at", "-id")
        )

    def _report(self, pk):
        return get_object_or_404(self.get_queryset(), pk=pk)

    @extend_schema(
        request=ReportCreateSerializer,
        responses={201: ReportSerializer, **{k: ERRORS[k] for k in (400, 401, 403, 409)}},
    )
    def create(self, request):
        data = ReportCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        d = data.validated_data
        report = services.report_start(
            user=request.user,
            activity=d["activity"],
            period=d["period"],
            entity=d["entity"],
            governorate=d.get("governorate"),
        )
        return _report_response(report, status.HTTP_201_CREATED)

    @extend_schema(
        request=ReportUpdateSerializer,
        responses={200: ReportSerializer, **{k: ERRORS[k] for k in ERRORS}},
    )
    def partial_update(self, request, pk=None):
        report = self._report(pk)
        data = ReportUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        d = data.validated_data
        fields = {
            k: d[k]
            for k in (
                "activity_status",
                "percent_complete",
                "achievements",
                "challenges",
                "next_steps",
            )
            if k in d
        }
        people = None
        if "people" in d:
            people = {
                (
                    p["vulnerable_group"].pk
                    if p.get("vulnerable_group")
                    else (p["sex"], p["age_band"])
                ): p["count"]
                for p in d["people"]
            }
        values = None
        if "values" in d:
            values = {
                (v["indicator"].pk, v["governorate"].pk if v.get("governorate") else None): (
                    services.NotAvailable(v.get("note", ""))
                    if v.get("not_available")
                    else v["value"]
                )
                for v in d["values"]
            }
        report = services.report_update(
            user=request.user,
            report=report,
            version=d["version"],
            data=fields,
            people=people,
            values=values,
        )
        return _report_response(report)

    @extend_schema(
        request=VersionSerializer,
        responses={200: ReportSerializer, **{k: ERRORS[k] for k in ERRORS}},
    )
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        data = VersionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        report = services.report_submit(
            user=request.user, report=self._report(pk), version=data.validated_data["version"]
        )
        return _report_response(report)

    @extend_schema(
        request=ReturnSerializer,
        responses={200: ReportSerializer, **{k: ERRORS[k] for k in ERRORS}},
    )
    @action(detail=True, methods=["post"], url_path="return")
    def return_(self, request, pk=None):
        data = ReturnSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        report = services.report_return(
            user=request.user,
            report=self._report(pk),
            version=data.validated_data["version"],
            comment=data.validated_data["comment"],
        )
        return _report_response(report)

    @extend_schema(
        request=VersionSerializer,
        responses={200: ReportSerializer, **{k: ERRORS[k] for k in ERRORS}},
    )
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None):
        data = VersionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        report = services.report_approve(
            user=request.user, report=self._report(pk), version=data.validated_data["version"]
        )
        return _report_response(report)
