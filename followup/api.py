"""/api/v1/legal-instruments/, /recommendations/ and /assessments/: the follow-up records,
with the conventions of the other endpoints (codes for related rows, filters, updated_since,
CSV/XLSX). Assessments are written by members of a civil-society organisation and answered
by the Directorate, through followup.services."""

import django_filters
from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.generics import get_object_or_404
from rest_framework.response import Response

from core.api import CodeOrIdFilter, IdFilter, PlanFilterSet
from followup import selectors, services
from followup.models import (
    Assessment,
    FollowUpNote,
    FollowUpStatus,
    Government,
    LegalInstrument,
    LegalStageEvent,
    Rating,
    Recommendation,
    Stage,
)
from indicators.models import ReportingPeriod
from policy.api import TITLES, code_of
from policy.models import Activity, Entity, Objective, published_q


class StageEventSerializer(serializers.ModelSerializer):
    stage_name = serializers.CharField(read_only=True)

    class Meta:
        model = LegalStageEvent
        fields = ("stage", "stage_name", "date", "source", "source_url", "note", "reason")


class LegalInstrumentSerializer(serializers.ModelSerializer):
    pillar = code_of("pillar")
    responsible_entity = code_of("responsible_entity", allow_null=True)
    objectives = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    stage_name = serializers.CharField(read_only=True)
    stages = StageEventSerializer(many=True, read_only=True)

    class Meta:
        model = LegalInstrument
        fields = (
            "id",
            "code",
            "kind",
            "government",
            *TITLES,
            "subject",
            "pillar",
            "objectives",
            "responsible_entity",
            "stage",
            "stage_name",
            "stage_date",
            "stages",
            "updated_at",
        )


class LegalInstrumentFilter(PlanFilterSet):
    pillar = CodeOrIdFilter(field_name="pillar")
    government = django_filters.ChoiceFilter(choices=Government.choices)
    stage = django_filters.ChoiceFilter(choices=Stage.choices)

    class Meta:
        model = LegalInstrument
        fields = ["kind"]


class LegalInstrumentViewSet(viewsets.ReadOnlyModelViewSet):
    """Laws to adopt and laws to amend, with every dated stage and its source."""

    queryset = (
        LegalInstrument.objects.select_related("pillar", "responsible_entity")
        .prefetch_related(
            "objectives", Prefetch("stages", LegalStageEvent.objects.order_by("date", "pk"))
        )
        .order_by("code")
    )
    serializer_class = LegalInstrumentSerializer
    filterset_class = LegalInstrumentFilter

    def get_queryset(self):
        objectives = Objective.objects.all()
        if not self.request.user.is_authenticated:
            objectives = objectives.filter(published_q("policy"))
        return self.queryset.prefetch_related(None).prefetch_related(
            Prefetch("objectives", objectives),
            Prefetch("stages", LegalStageEvent.objects.order_by("date", "pk")),
        )

    lookup_field = "code"
    search_fields = ["code", *TITLES[1:]]
    ordering_fields = ["code", "stage_date", "updated_at"]


class NoteSerializer(serializers.ModelSerializer):
    class Meta:
        model = FollowUpNote
        fields = ("date", "status", "text")


class RecommendationSerializer(serializers.ModelSerializer):
    source = code_of("source")
    pillar = code_of("pillar", allow_null=True)
    addressee = code_of("addressee", allow_null=True)
    activities = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    text = serializers.CharField(read_only=True)
    section = serializers.CharField(read_only=True)
    notes = NoteSerializer(many=True, read_only=True)

    class Meta:
        model = Recommendation
        fields = (
            "id",
            "source",
            "code",
            "kind",
            "section",
            "text",
            "text_en",
            "text_ar",
            "text_ckb",
            "pillar",
            "addressee",
            "activities",
            "status",
            "notes",
            "updated_at",
        )


class RecommendationFilter(PlanFilterSet):
    source = CodeOrIdFilter(field_name="source")
    pillar = CodeOrIdFilter(field_name="pillar")
    addressee = CodeOrIdFilter(field_name="addressee")
    status = django_filters.ChoiceFilter(choices=FollowUpStatus.choices)
    activity = IdFilter(field_name="activities")

    class Meta:
        model = Recommendation
        fields = ["kind"]


class RecommendationViewSet(viewsets.ReadOnlyModelViewSet):
    """Recommendations and conclusions of conferences and reports, with their follow-up."""

    queryset = (
        Recommendation.objects.select_related("source", "pillar", "addressee")
        .prefetch_related(
            Prefetch("activities", Activity.objects.only("pk", "code")),
            Prefetch("notes", FollowUpNote.objects.order_by("date", "pk")),
        )
        .order_by("source__code", "order", "code")
    )
    serializer_class = RecommendationSerializer
    filterset_class = RecommendationFilter

    def get_queryset(self):
        # Visitors see the links to published plans' activities only.
        activities = selectors.visible_activities(self.request.user).only("pk", "code")
        return self.queryset.prefetch_related(None).prefetch_related(
            Prefetch("activities", activities),
            Prefetch("notes", FollowUpNote.objects.order_by("date", "pk")),
        )

    search_fields = ["code", "text_en", "text_ar", "text_ckb"]
    ordering_fields = ["code", "order", "updated_at"]


class AssessmentSerializer(serializers.ModelSerializer):
    organisation = code_of("organisation")
    activity = code_of("activity", allow_null=True)
    recommendation = serializers.PrimaryKeyRelatedField(read_only=True)
    period = serializers.SlugRelatedField(slug_field="label", read_only=True)
    rating_name = serializers.CharField(source="get_rating_display", read_only=True)
    official_level = serializers.IntegerField(read_only=True, allow_null=True)
    disputed = serializers.BooleanField(read_only=True)

    class Meta:
        model = Assessment
        fields = (
            "id",
            "organisation",
            "activity",
            "recommendation",
            "period",
            "rating",
            "rating_name",
            "narrative",
            "official_level",
            "disputed",
            "reply",
            "replied_at",
            "updated_at",
        )


class AssessmentWriteSerializer(serializers.Serializer):
    organisation = serializers.SlugRelatedField(slug_field="code", queryset=Entity.objects.all())
    period = serializers.PrimaryKeyRelatedField(queryset=ReportingPeriod.objects.all())
    activity = serializers.PrimaryKeyRelatedField(
        queryset=Activity.objects.all(), required=False, allow_null=True
    )
    recommendation = serializers.PrimaryKeyRelatedField(
        queryset=Recommendation.objects.all(), required=False, allow_null=True
    )
    rating = serializers.ChoiceField(choices=Rating.choices)
    narrative = serializers.CharField()


class ReplySerializer(serializers.Serializer):
    reply = serializers.CharField()


class AssessmentFilter(PlanFilterSet):
    organisation = CodeOrIdFilter(field_name="organisation")
    activity = IdFilter(field_name="activity")
    recommendation = IdFilter(field_name="recommendation")
    period = CodeOrIdFilter(field_name="period", code_field="label")
    disputed = django_filters.TypedChoiceFilter(
        field_name="disputed",
        choices=[("true", "true"), ("false", "false")],
        coerce=lambda value: value == "true",
        help_text="true: civil society and the official record are two steps apart or more.",
    )

    class Meta:
        model = Assessment
        fields = ["rating"]


class AssessmentViewSet(
    mixins.CreateModelMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """Civil society's own assessments beside the official record, with `disputed` (two steps
    or more between the rating and the official level) and the Directorate's reply."""

    serializer_class = AssessmentSerializer
    filterset_class = AssessmentFilter
    ordering_fields = ["updated_at", "rating"]

    def get_queryset(self):
        return selectors.assessments(self.request.user).order_by("-period__start_date", "pk")

    @extend_schema(request=AssessmentWriteSerializer, responses={201: AssessmentSerializer})
    def create(self, request):
        data = AssessmentWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        saved = services.assessment_save(user=request.user, **data.validated_data)
        item = selectors.assessments().get(pk=saved.pk)
        return Response(AssessmentSerializer(item).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=ReplySerializer, responses={200: AssessmentSerializer})
    @action(detail=True, methods=["post"])
    def reply(self, request, pk=None):
        item = get_object_or_404(self.get_queryset(), pk=pk)
        data = ReplySerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.assessment_reply(
            user=request.user, assessment=item, text=data.validated_data["reply"]
        )
        return Response(AssessmentSerializer(selectors.assessments().get(pk=pk)).data)
