"""What a reporter owes, and the report workbook, in the API: a client lists the report slots
it owes for a period, downloads the workbook, and uploads it filled in. An upload runs as a
background job (jobs.api: its state, then the preview per report); a check writes nothing, a
save writes all or nothing, as on the web."""

from django.http import HttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import parsers, permissions, renderers, serializers, status
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

import audit
from accounts.api_access import ApiAccess
from audit.models import Kind
from core.templatetags.numbers import plain_number
from core.workbook import XLSX_CONTENT_TYPE, WorkbookRefused, check_upload
from jobs.services import job_start
from reporting import selectors, workbook

SCOPE = OpenApiParameter(
    "scope",
    str,
    enum=list(workbook.SCOPES),
    description="`mine` (default): the reports this account owes. `all`: every report of the "
    "period across entities (Directorate reviewers only).",
)
PERIOD = OpenApiParameter(
    "period",
    int,
    required=True,
    description="The period's id: one of /api/v1/work/periods/.",
)


def _scope(request):
    scope = request.query_params.get("scope") or request.data.get("scope") or "mine"
    if scope not in workbook.SCOPES:
        raise ValidationError({"scope": _("Choose mine or all.")})
    if not workbook.may_use(request.user, scope):
        raise PermissionDenied(
            _("Only Directorate reviewers use the whole period's workbook.")
            if scope == "all"
            else _("This account reports for no organisation.")
        )
    return scope


def _period(request, scope):
    raw = request.query_params.get("period", "")
    if not raw.isdigit():
        raise ValidationError({"period": _("Give the period's id (see /api/v1/work/periods/).")})
    periods = {str(p.pk): p for p in workbook.periods_for(request.user, scope)}
    if raw not in periods:
        raise NotFound(_("No workbook for this period: it is not open, or not yours."))
    return periods[raw]


class ValueCellSerializer(serializers.Serializer):
    indicator = serializers.CharField(help_text="The indicator's code.")
    governorate = serializers.CharField(allow_null=True, help_text="Its code; null: national.")
    unit = serializers.CharField(help_text="number, percent, yes_no or amount.")
    value = serializers.CharField(allow_null=True, help_text="The report's value, as a decimal.")
    not_available = serializers.BooleanField(
        help_text="true: the reporter answered that the figure is not available (value null)."
    )
    target = serializers.CharField(allow_null=True, help_text="The target that applies.")
    last_approved = serializers.CharField(
        allow_null=True, help_text="The value of the last approved report before this period."
    )


class SlotSerializer(serializers.Serializer):
    activity = serializers.CharField(help_text="The activity's code.")
    activity_id = serializers.IntegerField()
    entity = serializers.CharField(help_text="The reporting entity's code.")
    governorate = serializers.CharField(
        allow_null=True, help_text="The governorate a governorate office reports for, or null."
    )
    period = serializers.CharField(help_text="The period's label.")
    due_date = serializers.DateField()
    state = serializers.CharField(help_text="due, late, draft, submitted, returned or approved.")
    report = serializers.IntegerField(allow_null=True, help_text="The report's id once started.")
    version = serializers.IntegerField(allow_null=True)
    editable = serializers.BooleanField()
    values = ValueCellSerializer(
        many=True,
        help_text="Each value the report carries, as the web form's cells.",
    )


def _number(value):
    return None if value is None else plain_number(value)


class WorkPeriodSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    policy = serializers.CharField(help_text="The plan's code.")
    label = serializers.CharField()
    status = serializers.CharField(help_text="open, or closed (reports returned to you).")
    due_date = serializers.DateField()


class WorkPeriodsView(APIView):
    """The periods this account can report in now: the open ones, and those holding a report
    returned to it."""

    permission_classes = [permissions.IsAuthenticated, ApiAccess]

    @extend_schema(
        summary="The periods I can report in (for /api/v1/work/ and its workbook)",
        parameters=[SCOPE],
        responses={200: WorkPeriodSerializer(many=True)},
    )
    def get(self, request):
        scope = _scope(request)
        periods = [
            {
                "id": p.pk,
                "policy": p.policy.code,
                "label": p.label,
                "status": p.status,
                "due_date": p.due_date,
            }
            for p in workbook.periods_for(request.user, scope)
        ]
        return Response(WorkPeriodSerializer(periods, many=True).data)


class WorkView(APIView):
    """The report slots this account owes in a period, each with its cells."""

    permission_classes = [permissions.IsAuthenticated, ApiAccess]

    @extend_schema(
        summary="What I owe in a period: one entry per report slot, with its values",
        parameters=[PERIOD, SCOPE],
        responses={
            200: SlotSerializer(many=True),
            400: OpenApiResponse(description="No period given."),
            403: OpenApiResponse(description="Not a reporter (or, for scope=all, a reviewer)."),
            404: OpenApiResponse(description="No workbook for this period for this account."),
        },
    )
    def get(self, request):
        scope = _scope(request)
        period = _period(request, scope)
        if scope == "all":
            # Every entity's drafts, sensitive indicators included: as the workbook, logged.
            audit.record(
                request,
                Kind.EXPORT,
                target=f"report slots {period.policy.code} {period.label}",
                scope=scope,
            )
        slots = workbook.slots_for(request.user, period, scope)
        grid = selectors.value_grid(slots)
        rows = []
        for slot in slots:
            report = slot.report
            state = selectors.WorkItem(
                slot.activity, slot.entity.pk, slot.entity.name, slot.governorate, period, report
            ).state
            rows.append(
                {
                    "activity": slot.activity.code,
                    "activity_id": slot.activity.pk,
                    "entity": slot.entity.code,
                    "governorate": slot.governorate.code if slot.governorate else None,
                    "period": period.label,
                    "due_date": period.due_date,
                    "state": state,
                    "report": report.pk if report else None,
                    "version": report.version if report else None,
                    "editable": workbook.editable(request.user, slot, scope),
                    "values": [
                        {
                            "indicator": r.indicator.code,
                            "governorate": r.governorate.code if r.governorate else None,
                            "unit": r.indicator.unit,
                            "value": _number(r.value.value) if r.value else None,
                            "not_available": bool(r.value and r.value.not_available),
                            "target": _number(r.target.value) if r.target else None,
                            "last_approved": _number(r.previous.value) if r.previous else None,
                        }
                        for r in grid[slot.key]
                    ],
                }
            )
        return Response(SlotSerializer(rows, many=True).data)


class UploadSerializer(serializers.Serializer):
    file = serializers.FileField(help_text="The report workbook (.xlsx), filled in.")
    save = serializers.BooleanField(
        default=False,
        help_text="false (default): a check that writes nothing and says per report what would "
        "change. true: save, all or nothing (a refused report refuses the whole file).",
    )
    submit = serializers.BooleanField(
        default=False, help_text="With save: then submit each report that is complete."
    )


class JobStartedSerializer(serializers.Serializer):
    job = serializers.UUIDField()
    url = serializers.URLField(help_text="GET it until its state is done or failed.")


class WorkbookView(APIView):
    """The report workbook of a period: download it; upload it filled in."""

    permission_classes = [permissions.IsAuthenticated, ApiAccess]
    # The download is the XLSX itself, the upload's answer JSON: no ?format= to choose.
    renderer_classes = [renderers.JSONRenderer]
    parser_classes = [parsers.MultiPartParser, parsers.FormParser]

    @extend_schema(
        summary="Download the report workbook of a period (XLSX)",
        parameters=[PERIOD, SCOPE],
        responses={(200, XLSX_CONTENT_TYPE): bytes},
    )
    def get(self, request):
        scope = _scope(request)
        period = _period(request, scope)
        content = workbook.write_workbook(request.user, period, scope)
        audit.record(
            request,
            Kind.EXPORT,
            target=f"report workbook {period.policy.code} {period.label}",
            scope=scope,
        )
        response = HttpResponse(content, content_type=XLSX_CONTENT_TYPE)
        response["Content-Disposition"] = (
            f'attachment; filename="reports-{period.policy.code}-{period.label}.xlsx"'
        )
        return response

    @extend_schema(
        summary="Upload the report workbook: a check, or the save, as a background job",
        request={"multipart/form-data": UploadSerializer},
        responses={
            202: OpenApiResponse(
                response=JobStartedSerializer,
                description="The job started: follow `job` (GET /api/v1/jobs/{id}/) until its "
                "state is done or failed. Done: `result` holds the preview per report (new, "
                "changed, unchanged, refused with reasons naming sheet, row and column), "
                "`blocked` true when something was refused. A save that refuses fails with "
                "the reasons in `problems` and writes nothing.",
            ),
            400: OpenApiResponse(description="Not an XLSX workbook, too large, or no file."),
            403: OpenApiResponse(description="Not a reporter or reviewer."),
        },
    )
    def post(self, request):
        data = UploadSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        upload = data.validated_data["file"]
        try:
            check_upload(upload, upload.name)
        except WorkbookRefused as refused:
            raise ValidationError({"file": refused.problems}) from None
        upload.seek(0)
        if not (workbook.may_use(request.user, "mine") or workbook.may_use(request.user, "all")):
            raise PermissionDenied(_("This account reports for no organisation."))
        save = data.validated_data["save"]
        job = job_start(
            user=request.user,
            kind="reporting.workbook_save" if save else "reporting.workbook_check",
            params={"file": upload.name[:200], "submit": data.validated_data["submit"]},
            source=upload,
            source_name=upload.name[:200],
        )
        url = reverse("api-job-detail", args=[job.pk], request=request)
        return Response(
            {"job": str(job.pk), "url": url},
            status=status.HTTP_202_ACCEPTED,
            headers={"Location": url},
        )
