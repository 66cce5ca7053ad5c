"""Approved indicator values for partners and visitors: the official record of the API.

Kept with the dashboards: it is a read of approved data, and what visitors may see of it is
decided by disclosure control (analytics/disclosure.py), like every other public number."""

from django.db.models import Q
from django.http import HttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from lxml import etree
from rest_framework import renderers, serializers, viewsets
from rest_framework.exceptions import NotFound
from rest_framework.views import APIView

import audit
from analytics import disclosure, iati
from audit.models import Kind
from core import cache
from core.api import (
    CodeOrIdFilter,
    GovernorateOrNationalFilter,
    IdFilter,
    PlanFilterSet,
    ValueCursorPagination,
    id_or_none,
    published_only,
)
from core.cache import CachedListMixin
from indicators.models import ReportingPeriod
from jobs.export_jobs import ExportJobMixin
from policy.models import Activity, Entity, published_q
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
            "not_available",
            "note",
            "report_id",
            "approved_at",
            "updated_at",
        )

    def get_suppressed(self, row) -> bool:
        """True when the value is hidden: any value of a protection or GBV indicator, for a
        visitor without a token (disclosure control, rule 5: one entity's figure for one
        governorate; the published figures of those indicators are the portal's pages)."""
        request = self.context.get("request")
        if isinstance(row, IndicatorValue):  # DRF's own path (the tests' reference)
            return request is None or not disclosure.value_visible(request, row.indicator)
        return request is None or (row["sensitive"] and disclosure.for_visitor(request))

    def to_representation(self, row):
        """`row`: a value as a flat dict (ROW_COLUMNS, with the codes of with_codes), not a
        model instance: the largest list of the API, 50 to 500 rows a page, spent most of its
        time making model instances and in DRF's generic field machinery. The fields declared
        above still describe the output (the OpenAPI schema); tests/core/test_api.py checks that
        DRF's ModelSerializer writes the same for every value of the demo plan."""
        fields = self.fields
        data = {
            "id": row["id"],
            "suppressed": self.get_suppressed(row),
            "policy": row["policy"],
            "pillar": row["pillar"],
            "activity": row["activity"],
            "indicator": row["indicator"],
            "indicator_id": row["indicator_id"],
            "unit": row["unit"],
            "period": row["period"],
            "governorate": row["governorate"],
            "entity": row["entity"],
            "value": _shown(fields["value"], row["value"]),
            "not_available": row["not_available"],
            "note": row["note"],
            "report_id": row["report_id"],
            "approved_at": _shown(fields["approved_at"], row["approved_at"]),
            "updated_at": _shown(fields["updated_at"], row["updated_at"]),
        }
        if data["suppressed"]:
            data["value"] = None
            data["note"] = ""  # a reporter's note can hold the number too
        elif row["sensitive"]:
            seen = self.context.get("sensitive_seen")
            if seen is not None:  # for the access log (IndicatorValueViewSet)
                seen.add(row["indicator"])
        return data


def _shown(field, value):
    return None if value is None else field.to_representation(value)


# A value as a flat row: its columns read with values(), renamed to the serializer's fields.
# The codes of its report's period and plan, entity, activity and pillar are read apart for a
# page's rows (with_codes): one join of all nine tables took PostgreSQL 11 ms to plan, for 1 ms
# of work, at a million values.
ROW_COLUMNS = {
    "id": "id",
    "indicator": "indicator__code",
    "indicator_id": "indicator_id",
    "unit": "indicator__unit",
    "sensitive": "indicator__is_sensitive",
    "governorate": "governorate__code",
    "value": "value",
    "not_available": "not_available",
    "note": "note",
    "report_id": "report_id",
    "approved_at": "report__approved_at",
    "updated_at": "updated_at",
    "period_id": "report__period_id",
    "entity_id": "report__entity_id",
    "activity_id": "report__activity_id",
}
# The same row with the codes joined, for an export job's million rows (planned once).
EXPORT_COLUMNS = {
    **{k: v for k, v in ROW_COLUMNS.items() if not k.endswith("_id") or k == "indicator_id"},
    "report_id": "report_id",
    "policy": "report__period__policy__code",
    "period": "report__period__label",
    "entity": "report__entity__code",
    "activity": "report__activity__code",
    "pillar": "report__activity__objective__pillar__code",
}


def with_codes(rows) -> list:
    """Rows of values() (lookups as keys) as flat rows with every code: three queries for the
    codes of their periods and plans, entities, and activities and pillars."""
    rows = [{name: row[lookup] for name, lookup in ROW_COLUMNS.items()} for row in rows]
    if not rows:
        return rows
    periods = {
        pk: (label, policy)
        for pk, label, policy in ReportingPeriod.objects.filter(
            pk__in={r["period_id"] for r in rows}
        ).values_list("pk", "label", "policy__code")
    }
    entities = dict(
        Entity.objects.filter(pk__in={r["entity_id"] for r in rows}).values_list("pk", "code")
    )
    activities = {
        pk: (code, pillar)
        for pk, code, pillar in Activity.objects.filter(
            pk__in={r["activity_id"] for r in rows}
        ).values_list("pk", "code", "objective__pillar__code")
    }
    for row in rows:
        row["period"], row["policy"] = periods[row["period_id"]]
        row["entity"] = entities[row["entity_id"]]
        row["activity"], row["pillar"] = activities[row["activity_id"]]
    return rows


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

    def get_serializer(self, *args, **kwargs):
        """Rows (ROW_COLUMNS dicts from get_queryset) get their codes first, a page or an
        export at a time, one at a time for a value's own address."""
        if args and args[0] is not None:
            rows = args[0]
            one = isinstance(rows, dict)
            rows = with_codes([rows] if one else list(rows))
            args = (rows[0] if one else rows, *args[1:])
        return super().get_serializer(*args, **kwargs)

    def export_rows(self, queryset):
        """The rows of a large export (jobs/export_jobs.py), read with values_list in chunks,
        the codes joined, formatted by the same serializer as the list: 1M rows in minutes,
        the worker's memory flat (tests/jobs/test_export_jobs.py checks the file equals the
        serializer's)."""
        serializer = self.get_serializer()
        columns = list(EXPORT_COLUMNS)
        lookups = list(EXPORT_COLUMNS.values())
        for values in queryset.values_list(*lookups).iterator(chunk_size=2000):
            yield serializer.to_representation(dict(zip(columns, values, strict=True)))

    def get_queryset(self):
        queryset = IndicatorValue.objects.filter(report__status=ReportStatus.APPROVED)
        if published_only(self.request):
            queryset = queryset.filter(published_q("report__period__policy"))
        return queryset.values(*ROW_COLUMNS.values())


class XMLRenderer(renderers.BaseRenderer):
    """Lets a client that asks for application/xml get the IATI file (the view answers it
    itself), and its errors as <error><detail>...</detail></error>."""

    media_type = iati.CONTENT_TYPE
    format = "xml"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        root = etree.Element("error")
        for name, value in (data or {}).items():
            etree.SubElement(root, name).text = str(value)
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


class IATIActivitiesView(APIView):
    """The published plans' activities as an IATI 2.03 activity file (analytics/iati.py)."""

    # Errors in JSON unless the client asks for XML; the file itself is the view's own answer.
    renderer_classes = [renderers.JSONRenderer, XMLRenderer]

    @extend_schema(
        summary="The published plans' activities as an IATI 2.03 activity file (XML)",
        description=(
            "The format in which donors exchange activity data (iatistandard.org): per "
            "published plan, the plan (hierarchy 1, its outcome indicators as results) and "
            "each activity (hierarchy 2): organisations, status, dates, Iraq and its "
            "governorates, DAC sector, gender marker, budgets and transactions from the "
            "funding lines, output indicators with baseline, targets and approved figures. "
            "The same file for every reader: published plans only, protection and GBV "
            "figures as visitors see them (hidden cells left out). Valid against the IATI "
            "2.03 schema."
        ),
        parameters=[
            OpenApiParameter(
                "policy",
                str,
                description="A published plan's code or id: that plan only "
                "(iati-activities-<code>.xml). Without it: every published plan.",
            )
        ],
        responses={
            (200, iati.CONTENT_TYPE): OpenApiResponse(
                response=bytes, description="The IATI activity file."
            ),
            404: OpenApiResponse(description="No such published plan (or none published)."),
        },
    )
    def get(self, request):
        policies = iati.published_plans()
        code = request.query_params.get("policy", "")
        if code:  # a code or an id, as the other endpoints' ?policy=
            pk = id_or_none(code) if code.isdigit() else None
            policies = policies.filter(Q(code=code) | (Q(pk=pk) if pk is not None else Q()))
        plans = list(policies)
        if not plans:
            raise NotFound(
                _("No published plan with this code or id.") if code else _("No plan is published.")
            )
        name = iati.filename(plans[0] if code else None)
        content = cache.cached(request, "api-iati", lambda: iati.activities_file(plans))
        audit.record_export(request, name, source="api", format="xml")
        response = HttpResponse(content, content_type=f"{iati.CONTENT_TYPE}; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
