"""The shared parts of the REST API: pagination, CSV/XLSX renderers, the error format,
filters that take codes as well as ids, and the access rule for partner tokens."""

import datetime
import io
import json
import zipfile

import django_filters
import tablib
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Q
from django.dispatch import Signal
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, pagination, renderers, status

from core.exports import safe_cell
from core.services import StateError

EXPORT_FORMATS = ("csv", "xlsx")

# Sent when the API hands out a CSV or XLSX file (`request`, `file_format`): the access log
# listens (audit.apps), so that core imports no app.
exported = Signal()


# -- pagination -----------------------------------------------------------------------------
def _exporting(request):
    renderer = getattr(request, "accepted_renderer", None)
    return renderer is not None and renderer.format in EXPORT_FORMATS


class PagePagination(pagination.PageNumberPagination):
    """50 rows a page by default, `page_size` up to 500; exports are not paginated."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500

    def paginate_queryset(self, queryset, request, view=None):
        if _exporting(request):
            return None
        return super().paginate_queryset(queryset, request, view)


class ValueCursorPagination(pagination.CursorPagination):
    """For indicator values, the largest table: a cursor stays fast deep into the list, where
    OFFSET would scan every row before the page."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500
    ordering = "-id"

    def paginate_queryset(self, queryset, request, view=None):
        if _exporting(request):
            return None
        return super().paginate_queryset(queryset, request, view)


# -- exports --------------------------------------------------------------------------------
def _flat(prefix, value, row):
    if isinstance(value, dict):
        for key, inner in value.items():
            _flat(f"{prefix}.{key}" if prefix else key, inner, row)
    elif isinstance(value, list):
        if all(not isinstance(v, dict | list) for v in value):
            row[prefix] = ";".join("" if v is None else str(v) for v in value)
        else:
            row[prefix] = json.dumps(value, ensure_ascii=False)
    else:
        row[prefix] = "" if value is None else value


def to_dataset(data) -> tablib.Dataset:
    rows = data.get("results", data) if isinstance(data, dict) else data
    if isinstance(rows, dict):
        rows = [rows]
    flat = []
    for item in rows or []:
        row = {}
        _flat("", item, row)
        flat.append(row)
    headers = list(dict.fromkeys(k for row in flat for k in row))
    dataset = tablib.Dataset(headers=headers)
    for row in flat:
        dataset.append([safe_cell(row.get(h, "")) for h in headers])
    return dataset


class CSVRenderer(renderers.BaseRenderer):
    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        record_export(renderer_context, self.format)
        return ("\ufeff" + to_dataset(data).export("csv")).encode("utf-8")


class XLSXRenderer(renderers.BaseRenderer):
    media_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    format = "xlsx"
    charset = None
    render_style = "binary"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        record_export(renderer_context, self.format)
        # to_dataset has made every cell safe: no control character, no live formula.
        content = to_dataset(data).export("xlsx")
        return right_to_left(content) if get_language_bidi() else content


def record_export(renderer_context, file_format):
    """The access log's line for an API export by a signed-in account (`exported`, which
    audit.receivers.exported_by_api hears)."""
    context = renderer_context or {}
    request, response = context.get("request"), context.get("response")
    if request is not None and (response is None or response.status_code < 400):
        exported.send(sender=None, request=request, file_format=file_format)


def right_to_left(xlsx: bytes) -> bytes:
    """The workbook with every sheet running from right to left (Arabic, Kurdish). Only the
    sheets' <sheetView> changes: no second parse of a large export."""
    source = zipfile.ZipFile(io.BytesIO(xlsx))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            data = source.read(entry.filename)
            if entry.filename.startswith("xl/worksheets/sheet"):
                data = data.replace(b"<sheetView ", b'<sheetView rightToLeft="1" ', 1)
            target.writestr(entry, data)
    return buffer.getvalue()


# -- errors ---------------------------------------------------------------------------------
class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = _("The request conflicts with the current state of the resource.")
    default_code = "conflict"


def exception_handler(exc, context):
    """Domain errors become API errors: ValidationError -> 400 with a message per field,
    PermissionDenied -> 403, locked / conflicting / wrong-state (StateError) -> 409 with the
    reason."""
    # Imported here: rest_framework.views loads the renderers above while it starts.
    from rest_framework.views import exception_handler as drf_exception_handler

    if isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages}
        exc = exceptions.ValidationError(detail)
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(str(exc) or None)
    elif isinstance(exc, StateError):
        exc = Conflict(str(exc))
    if isinstance(exc, exceptions.ValidationError) and isinstance(exc.detail, list):
        # A bare list (a filter's or a validator's messages) as the documented error object.
        exc = exceptions.ValidationError({"detail": " ".join(str(m) for m in exc.detail)})
    request = context.get("request")
    if request is not None and _exporting(request):
        # An error is a message for a person or a program, not a spreadsheet: answer JSON.
        request.accepted_renderer = renderers.JSONRenderer()
        request.accepted_media_type = "application/json"
    return drf_exception_handler(exc, context)


def published_only(request):
    return not (request.user and request.user.is_authenticated)


# -- filters --------------------------------------------------------------------------------
# Ids are 32-bit integers on PostgreSQL and 64-bit on SQLite; a larger number matches nothing
# and must not reach the database, where it is an error.
ID_MAX = 2**31 - 1


def id_or_none(digits: str) -> int | None:
    """A string of digits (str.isdigit) as an id, or None when it is above ID_MAX or no
    number int() reads ("²" is a digit to isdigit). Its length is checked first: int()
    refuses a string of more than 4,300 digits (a ValueError, which answered 500)."""
    significant = digits.lstrip("0") or "0"
    if len(significant) > len(str(ID_MAX)):
        return None
    try:
        number = int(significant)
    except ValueError:
        return None
    return number if number <= ID_MAX else None


class IdFilter(django_filters.NumberFilter):
    """`?activity=12`: an id; anything but a whole number from 1 to ID_MAX is a 400."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", ID_MAX)
        kwargs.setdefault("decimal_places", 0)
        super().__init__(*args, **kwargs)


class CodeOrIdFilter(django_filters.CharFilter):
    """`?pillar=participation` or `?pillar=2`: a code or an id."""

    def __init__(self, *args, code_field="code", **kwargs):
        self.code_field = code_field
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        """`field_name` may name several paths separated by `|` (lead or partner entity)."""
        if not value:
            return qs
        condition = Q()
        paths = self.field_name.split("|")
        for path in paths:
            if value.isdigit():
                if id_or_none(value) is None:
                    return qs.none()
                condition |= Q(**{f"{path}__id": id_or_none(value)})
            else:
                condition |= Q(**{f"{path}__{self.code_field}": value})
        qs = qs.filter(condition)
        # DISTINCT only where a row can match more than once (a theme of many, a partner of
        # many): on the largest list it cost more to plan and run than the rest of the query.
        return qs.distinct() if any(_many(qs.model, path) for path in paths) else qs


def _many(model, path) -> bool:
    """Whether the lookup path crosses a many-to-many or a reverse foreign key."""
    for name in path.split("__"):
        field = model._meta.get_field(name)
        if field.many_to_many or field.one_to_many:
            return True
        if field.related_model is None:
            return False
        model = field.related_model
    return False


class GovernorateOrNationalFilter(django_filters.CharFilter):
    """`?governorate=IQ-BG` (code), `=7` (id) or `=national` (rows without a governorate)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label", _("Governorate code or id, or `national`"))
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        if value == "national":
            return qs.filter(**{f"{self.field_name}__isnull": True})
        key = "id" if value.isdigit() else "code"
        return qs.filter(**{f"{self.field_name}__{key}": value})


class UpdatedSinceFilter(django_filters.IsoDateTimeFilter):
    """A moment with any offset; compared in UTC (PostgreSQL refuses offsets past 15:59)."""

    def filter(self, qs, value):
        if value is not None:
            try:
                value = value.astimezone(datetime.UTC)
            except (OverflowError, ValueError):
                raise exceptions.ValidationError(
                    {
                        "updated_since": [
                            _("This moment cannot be read; use e.g. 2024-07-01T00:00:00Z.")
                        ]
                    }
                ) from None
        return super().filter(qs, value)


class PlanFilterSet(django_filters.FilterSet):
    updated_since = UpdatedSinceFilter(
        field_name="updated_at",
        lookup_expr="gte",
        label=_("Changed at or after this time (ISO 8601, e.g. 2024-07-01T00:00:00Z)"),
    )


COMMON_RESPONSES = {
    "400": "Invalid filter or data: a message per field.",
    "401": "The token is missing, wrong or revoked (`Authorization: Token <key>`).",
    "403": "Not allowed for this account; the reason is in `detail`.",
    "429": "Too many requests from this token or address; `detail` says when to retry.",
}


def document_common_errors(result, generator, request, public):
    """drf-spectacular hook: every operation takes `lang` and lists the errors any request
    can meet."""
    schema = {
        "type": "object",
        "properties": {"detail": {"type": "string"}},
        "additionalProperties": True,
    }
    from django.conf import settings

    language = {
        "name": "lang",
        "in": "query",
        "required": False,
        "description": (
            "The language of names, titles and messages (else the Accept-Language header): "
            "en, ar or ckb. The name_en, name_ar and name_ckb fields are always there."
        ),
        "schema": {"type": "string", "enum": [code for code, _name in settings.LANGUAGES]},
    }
    for path in result.get("paths", {}).values():
        for operation in path.values():
            parameters = operation.setdefault("parameters", [])
            if not any(p.get("name") == "lang" for p in parameters):
                parameters.append(language)
            responses = operation.setdefault("responses", {})
            for code, description in COMMON_RESPONSES.items():
                responses.setdefault(
                    code,
                    {
                        "description": description,
                        "content": {"application/json": {"schema": schema}},
                    },
                )
    return result
