"""Large API exports as background jobs.

A list asked for as CSV or XLSX used to be built whole in the request: every row serialised,
then the whole file in memory (1M indicator values: minutes, and gigabytes). Now:
- up to EXPORT_JOB_ROWS rows the file is made in the request, as before;
- above it, a signed-in account gets a job (202 Accepted with the job's address, or, from a
  browser, the job's page), which writes the file row by row (openpyxl's write-only workbook,
  the CSV writer) from the same view, filters, permissions and disclosure rules, reading the
  rows in chunks: the worker's memory does not grow with the rows;
- a visitor without an account is asked to narrow the list (filters) or page through it.
"""

import csv
import importlib
import io
import json
import tempfile

from django.conf import settings
from django.core.files import File
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response

from core.api import _flat
from core.exports import safe_cell

CHUNK = 2000


class ExportJobMixin:
    """For list views of large tables: see the module docstring."""

    def list(self, request, *args, **kwargs):
        file_format = getattr(request.accepted_renderer, "format", None)
        if file_format in ("csv", "xlsx"):
            queryset = self.filter_queryset(self.get_queryset())
            rows = queryset.count()
            if rows > settings.EXPORT_JOB_ROWS:
                return self._export_in_background(request, file_format, rows)
        return super().list(request, *args, **kwargs)

    def _export_in_background(self, request, file_format, rows):
        from jobs.services import job_start

        if not request.user.is_authenticated:
            raise TooManyRows(rows)
        view = f"{type(self).__module__}.{type(self).__qualname__}"
        query = {k: v for k, v in request.query_params.items() if k != "format"}
        job = job_start(
            user=request.user,
            kind="api.export",
            params={"view": view, "path": request.path, "query": query, "format": file_format},
            total=rows,
        )
        import audit

        audit.record_export(
            request, request.path, source="api", format=file_format, job=str(job.pk)
        )
        page = request.build_absolute_uri(job.get_absolute_url())
        if request.accepts("text/html") and not request.auth:  # a browser, signed in
            return redirect(job.get_absolute_url())
        response = Response(
            {
                "detail": _(
                    "%(rows)s rows: the file is being made in the background. Ask the job's "
                    "address for its state; its file is there when it is done."
                )
                % {"rows": f"{rows:,}"},
                "job": request.build_absolute_uri(reverse("api-job-detail", args=[job.pk])),
                "page": page,
            },
            status=status.HTTP_202_ACCEPTED,
        )
        response["Location"] = response.data["job"]
        # The answer is JSON whatever format was asked for.
        from rest_framework.renderers import JSONRenderer

        request.accepted_renderer = JSONRenderer()
        request.accepted_media_type = "application/json"
        return response


class TooManyRows(exceptions.APIException):
    status_code = status.HTTP_400_BAD_REQUEST
    default_code = "too_many_rows"

    def __init__(self, rows):
        super().__init__(
            _(
                "%(rows)s rows are more than one file holds for a visitor (%(limit)s). Narrow "
                "the list with its filters (policy, period, governorate, indicator), or read it "
                "page by page as JSON; partners with an API key get large files as a "
                "background job."
            )
            % {"rows": f"{rows:,}", "limit": f"{settings.EXPORT_JOB_ROWS:,}"}
        )


def _view_for(job):
    """The list view of the job's export, with a request as the job's owner made it."""
    from rest_framework.test import APIRequestFactory, force_authenticate

    module, _dot, name = job.params["view"].rpartition(".")
    view_class = getattr(importlib.import_module(module), name)
    factory = APIRequestFactory()
    django_request = factory.get(job.params["path"], job.params.get("query", {}))
    force_authenticate(django_request, user=job.user)
    view = view_class(action="list", format_kwarg=None, args=(), kwargs={})
    view.action_map = {"get": "list"}
    view.headers = {}
    request = view.initialize_request(django_request)
    view.request = request
    view.check_permissions(request)  # the owner's rights now, not at the time of asking
    return view, request


def write_export(job, progress):
    """The job's work: every row of the list, through the view's serializer, into a file."""
    view, _request = _view_for(job)
    queryset = view.filter_queryset(view.get_queryset())
    total = queryset.count()
    progress(0, total)
    file_format = job.params["format"]
    ordering = queryset.query.order_by or ("pk",)
    queryset = queryset.order_by(*ordering)
    headers = None
    written = 0
    # A view may give its rows itself, faster than its serializer (export_rows: dicts in the
    # serializer's shape); else each chunk of model instances goes through the serializer.
    fast = getattr(view, "export_rows", None)
    rows = fast(queryset) if fast else queryset.iterator(chunk_size=CHUNK)
    with tempfile.TemporaryFile() as out:
        sink = _Sink(file_format, out)
        chunk = []
        for item in rows:
            chunk.append(item)
            if len(chunk) == CHUNK:
                headers = _write(view, chunk, sink, headers, serialized=bool(fast))
                written += len(chunk)
                progress(written, total)
                chunk = []
        if chunk or headers is None:
            headers = _write(view, chunk, sink, headers, serialized=bool(fast))
            written += len(chunk)
        sink.close()
        progress(written, total)
        seen = getattr(view, "_sensitive_seen", None)
        if seen:
            import audit
            from audit.models import Kind

            audit.record(
                None,
                Kind.SENSITIVE_VALUES,
                actor=job.user,
                target=job.params["path"],
                indicators=sorted(seen),
                query=job.params.get("query", {}),
                format=file_format,
                job=str(job.pk),
            )
        name = job.params["path"].strip("/").split("/")[-1] or "export"
        job.output_name = f"{name}.{file_format}"
        out.seek(0)
        job.output.save(job.output_name, File(out), save=False)
    return {"rows": written, "format": file_format}


def _write(view, chunk, sink, headers, serialized=False):
    data = chunk if serialized else view.get_serializer(chunk, many=True).data
    flat = []
    for item in data:
        row = {}
        _flat("", item, row)
        flat.append(row)
    if headers is None:
        headers = list(dict.fromkeys(k for row in flat for k in row))
        if not headers:  # no row at all: the columns still head the file
            headers = list(view.get_serializer().fields)
        sink.header(headers)
    for row in flat:
        sink.row([safe_cell(row.get(h, "")) for h in headers])
    return headers


class _Sink:
    """Rows into a CSV (UTF-8 with the mark Excel needs) or a write-only XLSX workbook, right
    to left in Arabic and Kurdish."""

    def __init__(self, file_format, out):
        self.format = file_format
        self.out = out
        if file_format == "csv":
            self.text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
            self.text.write("\ufeff")
            self.writer = csv.writer(self.text)
        else:
            import openpyxl

            self.book = openpyxl.Workbook(write_only=True)
            self.sheet = self.book.create_sheet()
            if get_language_bidi():
                self.sheet.sheet_view.rightToLeft = True

    def header(self, headers):
        self.row(headers)

    def row(self, cells):
        if self.format == "csv":
            self.writer.writerow(["" if c is None else c for c in cells])
        else:
            self.sheet.append([_xlsx_cell(c) for c in cells])

    def close(self):
        if self.format == "csv":
            self.text.flush()
            self.text.detach()  # leave `out` open for the caller
        else:
            self.book.save(self.out)


def _xlsx_cell(value):
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return value
