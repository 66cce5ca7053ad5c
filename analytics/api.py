"""Approved indicator values for partners and visitors: the official record of the API.

Kept with the dashboards: it is a read of approved data, and what visitors may see of it is
decided by disclosure control (analytics/disclosure.py), like every other public number."""

from django.db.models import Prefetch
from rest_framework import serializers, viewsets

import audit
from analytics import disclosure
from audit.models import Kind
from core.api import (
    CodeOrIdFilter,
    GovernorateOrNationalFilter,
    IdFilter,
    PlanFilterSet,
    ValueCursorPagination,
    published_only,
)
from core.cache import CachedListMixin
from core.export_jobs import ExportJobMixin
from indicators.models import ReportingPeriod
from policy.models import Activity, Entity
from reporting.models import IndicatorValue, ReportStatus


class IndicatorValueSerializer(serializers.ModelSerializer):
    policy = serializers.CharField(source="report.period.policy.code", read_only=True)
    pillar = serializers.CharField(source="report.activity.objective.pillar.code", read_only=True)
    activity = serializers.CharField(source="report.activity.code", read_only=True)
    indicator = serializers.CharField(source="indicator.code", read_only=True)
    indicator_id = serializers.IntegerField(read_only=True)
    unit = serializers.CharField(source="indicator.unit", read_only=True)
    period = serializers.CharField(source="report.period.label", read_only=True)
    governorate = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    entity = serializers.CharField(source="report.entity.code", read_only=True)
    report_id = serializers.IntegerField(read_only=True)
    approved_at = serializers.DateTimeField(source="report.approved_at", read_only=True)
    value = serializers.DecimalField(
        max_digits=18, decimal_places=4, read_only=True, allow_null=True
    )
    suppressed = serializers.SerializerMethodField()

    class Meta:
        model = IndicatorValue
        fields = (
            "id",
            "suppressed",
            "policy",
            "pillar",
            "activity",
            "indicator",
            "indicator_id",
            "unit",
            "period",
            "governorate",
            "entity",
            "value",
            "note",
            "report_id",
            "approved_at",
            "updated_at",
        )

    def get_suppressed(self, value) -> bool:
        """True when the value is hidden: any value of a protection or GBV indicator, for a
        visitor without a token (disclosure control, rule 5: one entity's figure for one
        governorate; the published figures of those indicators are the portal's pages)."""
        request = self.context.get("request")
        return request is None or not disclosure.value_visible(request, value.indicator)

    def to_representation(self, instance):
        data = self.fields_of(instance)
        if data["suppressed"]:
            data["value"] = None
            data["note"] = ""  # a reporter's note can hold the number too
        elif instance.indicator.is_sensitive:
            seen = self.context.get("sensitive_seen")
            if seen is not None:  # for the access log (IndicatorValueViewSet)
                seen.add(instance.indicator.code)
        return data

    def fields_of(self, instance) -> dict:
        """What DRF's ModelSerializer.to_representation gives for the fields above, read
        straight from the row and its related rows: the largest list of the API, 50 to 500
        rows a page, spent most of its time in DRF's generic field machinery.
        tests/test_api.py checks that both give the same for every value of the demo plan."""
        report = instance.report
        activity = report.activity
        indicator = instance.indicator
        fields = self.fields
        return {
            "id": instance.id,
            "suppressed": self.get_suppressed(instance),
            "policy": report.period.policy.code,
            "pillar": activity.objective.pillar.code,
            "activity": activity.code,
            "indicator": indicator.code,
            "indicator_id": instance.indicator_id,
            "unit": indicator.unit,
            "period": report.period.label,
            "governorate": instance.governorate.code if instance.governorate_id else None,
            "entity": report.entity.code,
            "value": _shown(fields["value"], instance.value),
            "note": instance.note,
            "report_id": instance.report_id,
            "approved_at": _shown(fields["approved_at"], report.approved_at),
            "updated_at": _shown(fields["updated_at"], instance.updated_at),
        }


def _shown(field, value):
    return None if value is None else field.to_representation(value)


class IndicatorValueFilter(PlanFilterSet):
    policy = CodeOrIdFilter(field_name="report__period__policy")
    pillar = CodeOrIdFilter(field_name="report__activity__objective__pillar")
    objective = IdFilter(field_name="report__activity__objective_id")
    activity = IdFilter(field_name="report__activity_id")
    indicator = IdFilter(field_name="indicator_id")
    entity = CodeOrIdFilter(field_name="report__entity")
    governorate = GovernorateOrNationalFilter(field_name="governorate")
    period = CodeOrIdFilter(field_name="report__period", code_field="label")
    theme = CodeOrIdFilter(field_name="report__activity__themes")
    vulnerable_group = CodeOrIdFilter(field_name="report__activity__target_groups")

    class Meta:
        model = IndicatorValue
        fields = [
            "policy",
            "pillar",
            "objective",
            "activity",
            "indicator",
            "entity",
            "governorate",
            "period",
            "theme",
            "vulnerable_group",
        ]


class IndicatorValueViewSet(ExportJobMixin, CachedListMixin, viewsets.ReadOnlyModelViewSet):
    """Approved indicator values: the official record. Drafts and reports under review never
    appear here. Cursor-paginated (follow `next`)."""

    serializer_class = IndicatorValueSerializer
    filterset_class = IndicatorValueFilter
    pagination_class = ValueCursorPagination
    ordering_fields = []
    search_fields = []

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["sensitive_seen"] = self.__dict__.setdefault("_sensitive_seen", set())
        return context

    def finalize_response(self, request, response, *args, **kwargs):
        """A signed-in account that was shown values of protection or GBV indicators gets a
        line in the access log (one per request, naming the indicators and the filters)."""
        response = super().finalize_response(request, response, *args, **kwargs)
        seen = getattr(self, "_sensitive_seen", None)
        if seen and request.user.is_authenticated and response.status_code < 400:
            renderer = getattr(request, "accepted_renderer", None)
            audit.record(
                request,
                Kind.SENSITIVE_VALUES,
                target=request.path,
                indicators=sorted(seen),
                query={k: v[:200] for k, v in request.query_params.items()},
                format=getattr(renderer, "format", None),
            )
        return response

    # The columns of a large export, read with values_list (core/export_jobs.py): no model
    # instances nor serializer per row, 1M rows in minutes instead of an hour. The cells are
    # formatted by the serializer's own fields; tests/test_export_jobs.py checks that the file
    # equals the one the serializer makes.
    EXPORT_COLUMNS = {
        "id": "id",
        "policy": "report__period__policy__code",
        "pillar": "report__activity__objective__pillar__code",
        "activity": "report__activity__code",
        "indicator": "indicator__code",
        "indicator_id": "indicator_id",
        "unit": "indicator__unit",
        "period": "report__period__label",
        "governorate": "governorate__code",
        "entity": "report__entity__code",
        "value": "value",
        "note": "note",
        "report_id": "report_id",
        "approved_at": "report__approved_at",
        "updated_at": "updated_at",
    }

    def export_rows(self, queryset):
        fields = self.get_serializer().fields
        columns = list(self.EXPORT_COLUMNS)
        formatted = {
            name: fields[name].to_representation for name in ("value", "approved_at", "updated_at")
        }
        visitor = disclosure.for_visitor(self.request)
        seen = self.__dict__.setdefault("_sensitive_seen", set())
        lookups = [*self.EXPORT_COLUMNS.values(), "indicator__is_sensitive"]
        for values in queryset.values_list(*lookups).iterator(chunk_size=2000):
            row = dict(zip(columns, values, strict=False))
            sensitive = values[-1]
            row["suppressed"] = bool(sensitive and visitor)
            for name, to_text in formatted.items():
                if row[name] is not None:
                    row[name] = to_text(row[name])
            if row["suppressed"]:
                row["value"], row["note"] = None, ""
            elif sensitive:
                seen.add(row["indicator"])
            yield {name: row[name] for name in IndicatorValueSerializer.Meta.fields}

    def get_queryset(self):
        queryset = IndicatorValue.objects.filter(report__status=ReportStatus.APPROVED)
        if published_only(self.request):
            queryset = queryset.filter(report__period__policy__is_published=True)
        # Three tables joined, the others read for the page's rows: a join of all nine took
        # PostgreSQL 11 ms to plan for 1 ms of work at a million values.
        queryset = queryset.select_related("indicator", "governorate", "report")
        return queryset.prefetch_related(
            Prefetch("report__period", ReportingPeriod.objects.select_related("policy")),
            Prefetch("report__entity", Entity.objects.only("code")),
            Prefetch(
                "report__activity",
                Activity.objects.select_related("objective__pillar").only(
                    "code", "objective__code", "objective__pillar__code"
                ),
            ),
        )
