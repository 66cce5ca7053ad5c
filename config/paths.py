"""Where each kind of user starts, and the pages for those who take the data away:

- `landing`: after signing in, each person goes to their own page (accounts.roles.landing):
  reviewers their queue, reporters their activities, partners the Data and API page.
- `data_api`: the Data and API page: what the API offers, its reference, the downloads, and
  for a signed-in partner their own API tokens (made and revoked through accounts.services,
  which checks and audits).
- `api_reference`: the API reference at /api/docs/, a plain page in the reader's language
  drawn from the OpenAPI schema drf-spectacular makes (/api/schema/ stays the machine's copy).
  It replaced Swagger UI: 545 KiB of script, English only, and failing axe's checks.
"""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from accounts import roles, services
from accounts.models import ApiToken

# The header a token is sent in, the same in every language (HTTP's words, not the page's).
TOKEN_HEADER = "Authorization: Token <key>"


@login_required
def landing(request):
    """The page a person goes to after signing in (LOGIN_REDIRECT_URL): their own."""
    return redirect(roles.landing(request.user))


def _url(name, query=""):
    """The address of a URL name, or None while it does not exist (the IATI file is another
    part's; the page lists it once it answers)."""
    try:
        return reverse(name) + query
    except NoReverseMatch:
        return None


def _downloads(request):
    """(title, [(label, address, format)]) of what a reader can take away."""
    overview = reverse("analytics:overview")
    api = "/api/v1/"
    groups = [
        (
            gettext_lazy("The national overview's charts"),
            [
                (gettext_lazy("Pillars: achievement and status"), f"{overview}?csv=pillars", "CSV"),
                (gettext_lazy("Achievement over time"), f"{overview}?csv=achievement", "CSV"),
                (gettext_lazy("Budget by source of funds"), f"{overview}?csv=budget", "CSV"),
                (gettext_lazy("Reporting rate"), f"{overview}?csv=reporting", "CSV"),
                (
                    gettext_lazy("Governorates on the map"),
                    reverse("analytics:map") + "?csv=map",
                    "CSV",
                ),
            ],
        ),
        (
            gettext_lazy("The plan and its approved figures (from the API)"),
            [
                (gettext_lazy("Activities"), f"{api}activities/?format=xlsx", "XLSX"),
                (gettext_lazy("Activities"), f"{api}activities/?format=csv", "CSV"),
                (gettext_lazy("Indicators"), f"{api}indicators/?format=xlsx", "XLSX"),
                (gettext_lazy("Indicators"), f"{api}indicators/?format=csv", "CSV"),
                (gettext_lazy("Targets"), f"{api}targets/?format=csv", "CSV"),
                (
                    gettext_lazy("Approved indicator values"),
                    f"{api}indicator-values/?format=xlsx",
                    "XLSX",
                ),
                (
                    gettext_lazy("Approved indicator values"),
                    f"{api}indicator-values/?format=csv",
                    "CSV",
                ),
            ],
        ),
    ]
    report = [(gettext_lazy("National report"), reverse("analytics:progress_report"), "HTML")]
    if request.user.is_authenticated:
        report.append(
            (
                gettext_lazy("National report"),
                reverse("analytics:progress_report") + "?format=xlsx",
                "XLSX",
            )
        )
    iati = _url("api-iati")
    if iati:
        report.append((gettext_lazy("Activities and results for IATI (2.03)"), iati, "XML"))
    groups.append((gettext_lazy("Reports and exchange formats"), report))
    return groups


@never_cache
def data_api(request):
    """The Data and API page. Anyone reads it; a signed-in partner also makes and revokes
    their own API tokens here (a new key is shown on the answer to the post, once)."""
    user = request.user
    new_key = new_token = None
    errors = {}
    if request.method == "POST":
        if not user.is_authenticated:
            raise PermissionDenied
        action = request.POST.get("action")
        if action == "revoke":
            raw = request.POST.get("token", "")
            token = get_object_or_404(
                ApiToken, pk=raw if raw.isdigit() else 0, user=user, revoked_at__isnull=True
            )
            services.token_revoke(user=user, token=token)
            messages.success(
                request,
                _("The token %(prefix)s… no longer works.") % {"prefix": token.prefix},
            )
            return redirect("data-api")
        if action != "create":
            raise PermissionDenied
        try:
            new_token, new_key = services.own_token_create(
                user=user, name=request.POST.get("name", "")
            )
        except ValidationError as error:
            errors = error.message_dict
    may_hold = user.is_authenticated and services.may_hold_own_token(user)
    return render(
        request,
        "api/data.html",
        {
            "downloads": _downloads(request),
            "may_hold_token": may_hold,
            "tokens": list(services.own_tokens(user)) if may_hold else [],
            "token_limit": services.OWN_TOKEN_LIMIT,
            "new_key": new_key,
            "new_token": new_token,
            "errors": errors,
            "name": request.POST.get("name", "") if errors else "",
            "api_root": request.build_absolute_uri("/api/v1/"),
            "token_header": TOKEN_HEADER,
            "token_header_of_key": f"Authorization: Token {new_key}" if new_key else "",
        },
    )


# -- the API reference ----------------------------------------------------------------------

_SCHEMAS = {}  # language -> the schema as plain data (it changes only with the code)
METHODS = ("get", "post", "put", "patch", "delete")
# What every operation takes, said once at the top of the page rather than on each.
COMMON_PARAMETERS = {"lang", "format"}


def _schema(language):
    """The OpenAPI schema drf-spectacular makes, its texts in `language`, made once a process
    per language (0.7 s)."""
    if language not in _SCHEMAS:
        from drf_spectacular.generators import SchemaGenerator
        from drf_spectacular.renderers import OpenApiJsonRenderer

        with translation.override(language):
            schema = SchemaGenerator().get_schema(request=None, public=True)
            _SCHEMAS[language] = json.loads(OpenApiJsonRenderer().render(schema))
    return _SCHEMAS[language]


def _ref_name(ref):
    return ref.rsplit("/", 1)[-1]


def _type_of(spec):
    """A field's or parameter's type in a few words, and the data type it refers to."""
    if not spec:
        return "", None
    if "$ref" in spec:
        return "", _ref_name(spec["$ref"])
    for key in ("allOf", "oneOf", "anyOf"):
        for part in spec.get(key, []):
            if "$ref" in part:
                return "", _ref_name(part["$ref"])
    if spec.get("type") == "array":
        text, ref = _type_of(spec.get("items", {}))
        if ref:  # the page writes the type's name after these words, as a link
            return _("array of"), ref
        return (_("array of %(type)s") % {"type": text} if text else "array"), None
    text = spec.get("type", "")
    if spec.get("format"):
        text = f"{text} ({spec['format']})"
    if spec.get("enum"):
        text = f"{text}: {', '.join(str(v) for v in spec['enum'] if v not in ('', None))}"
    return text, None


OPERATION_KINDS = {
    "list": gettext_lazy("List, with filters and pages"),
    "retrieve": gettext_lazy("One, by its identifier"),
    "create": gettext_lazy("Create"),
    "partial_update": gettext_lazy("Change"),
    "update": gettext_lazy("Replace"),
    "destroy": gettext_lazy("Delete"),
}


def _operation(path, method, op):
    parameters = []
    for p in op.get("parameters", []):
        if p.get("name") in COMMON_PARAMETERS:
            continue
        text, ref = _type_of(p.get("schema"))
        parameters.append(
            {
                "name": p.get("name"),
                "where": p.get("in"),
                "type": text,
                "ref": ref,
                "required": p.get("required", False),
                "description": p.get("description", ""),
            }
        )
    responses = []
    for status, answer in op.get("responses", {}).items():
        content = answer.get("content", {})
        spec = (content.get("application/json") or next(iter(content.values()), {})).get("schema")
        _text, ref = _type_of(spec)
        responses.append(
            {"status": status, "description": answer.get("description", ""), "ref": ref}
        )
    body = op.get("requestBody", {}).get("content", {})
    body_spec = next(iter(body.values()), {}).get("schema") if body else None
    operation_id = op.get("operationId", "")
    kind = next(
        (label for suffix, label in OPERATION_KINDS.items() if operation_id.endswith(suffix)),
        "",
    )
    return {
        "id": operation_id,
        "method": method.upper(),
        "path": path,
        "kind": kind,
        "parameters": parameters,
        "responses": responses,
        "body": _type_of(body_spec)[1] if body_spec else None,
        "reads": method == "get",
    }


def _resources(schema):
    """[{name, description, operations}] grouped by the first segment after /api/v1/."""
    groups = {}
    for path, item in schema.get("paths", {}).items():
        parts = [p for p in path.split("/") if p]
        name = parts[2] if len(parts) > 2 else path
        for method, op in item.items():
            if method not in METHODS:
                continue
            group = groups.setdefault(name, {"name": name, "description": "", "operations": []})
            if not group["description"] and method == "get":
                group["description"] = op.get("description", "")
            group["operations"].append(_operation(path, method, op))
    return sorted(groups.values(), key=lambda g: g["name"])


def _data_types(schema):
    types = []
    for name, spec in sorted(schema.get("components", {}).get("schemas", {}).items()):
        required = set(spec.get("required", []))
        fields = []
        for field, field_spec in spec.get("properties", {}).items():
            text, ref = _type_of(field_spec)
            fields.append(
                {
                    "name": field,
                    "type": text,
                    "ref": ref,
                    "required": field in required,
                    "read_only": field_spec.get("readOnly", False),
                    "nullable": field_spec.get("nullable", False),
                    "description": field_spec.get("description") or field_spec.get("title", ""),
                }
            )
        types.append(
            {
                "name": name,
                "description": spec.get("description", ""),
                "fields": fields,
                "values": [v for v in spec.get("enum", []) if v not in ("", None)],
            }
        )
    return types


def api_reference(request):
    """The API reference: each resource with its operations, parameters and answers, then
    the data types, from the schema in the reader's language. No script."""
    schema = _schema(translation.get_language())
    return render(
        request,
        "api/reference.html",
        {
            "info": schema.get("info", {}),
            "resources": _resources(schema),
            "data_types": _data_types(schema),
            "api_root": request.build_absolute_uri("/api/v1/"),
            "token_header": TOKEN_HEADER,
        },
    )
