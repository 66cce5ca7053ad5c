"""A job in the API: how far an export is, and its file once done. Only its owner sees it."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import permissions, serializers
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import APIView

import audit
from audit.models import Kind
from core.files import attachment
from jobs import progress
from jobs.models import Job

# A signed-in account, and the API's access rule (accounts.api_access.ApiAccess, named in the
# settings: jobs sit below the accounts app and import none of it).
PERMISSIONS = [permissions.IsAuthenticated, *api_settings.DEFAULT_PERMISSION_CLASSES]


def _own(request, pk):
    return get_object_or_404(Job, pk=pk, user=request.user)


class JobView(APIView):
    permission_classes = PERMISSIONS

    @extend_schema(
        summary="A background job (an export, a workbook upload): its state, result and file",
        responses=inline_serializer(
            "Job",
            {
                "id": serializers.UUIDField(),
                "title": serializers.CharField(),
                "state": serializers.ChoiceField(Job.State.choices),
                "done": serializers.IntegerField(),
                "total": serializers.IntegerField(allow_null=True),
                "message": serializers.CharField(),
                "problems": serializers.ListField(child=serializers.CharField()),
                "result": serializers.DictField(
                    help_text="What the job found or did (a report workbook's preview per "
                    "report); empty while it runs."
                ),
                "file": serializers.URLField(allow_null=True),
            },
        ),
    )
    def get(self, request, pk):
        job = _own(request, pk)
        done, total = progress.read(job)
        file_url = None
        if job.state == Job.State.DONE and job.output:
            file_url = request.build_absolute_uri(f"{request.path.rstrip('/')}/file/")
        return Response(
            {
                "id": str(job.pk),
                "title": job.title,
                "state": job.state,
                "done": done,
                "total": total,
                "message": job.message,
                "problems": job.result.get("problems", []),
                "result": job.result if job.state == Job.State.DONE else {},
                "file": file_url,
            }
        )


class JobFileView(APIView):
    permission_classes = PERMISSIONS

    @extend_schema(summary="The file a finished job made", responses={(200, "*/*"): bytes})
    def get(self, request, pk):
        job = _own(request, pk)
        if job.state != Job.State.DONE or not job.output:
            raise Http404
        audit.record(request, Kind.EXPORT, target=job.output_name, job=str(job.pk))
        return attachment(job.output, job.output_name)
