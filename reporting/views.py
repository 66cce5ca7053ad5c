from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

import audit
from accounts import roles
from audit.models import Kind
from core.files import attachment
from core.forms import add_service_errors as _add_errors
from core.templatetags.numbers import plain_number
from core.workbook import XLSX_CONTENT_TYPE
from governorates.models import Governorate
from indicators.models import ReportingPeriod
from jobs.services import job_start
from policy.models import Activity, Entity
from reporting import offline, permissions, plausibility, selectors, services, workbook
from reporting.filters import ReviewQueueFilter
from reporting.forms import ReopenForm, ReportForm, ReviewForm, WorkbookUploadForm
from reporting.models import Evidence, ProgressReport, ReportEvent, ReportStatus


@login_required
def my_work(request):
    if not roles.is_reporter(request.user):
        # Not theirs: reviewers, partners and the Directorate have their own start page.
        return redirect(roles.landing(request.user))
    items = selectors.work_for(request.user)
    counts = {}
    for item in items:
        counts[item.state] = counts.get(item.state, 0) + 1
    return render(
        request,
        "reporting/my_work.html",
        {
            "items": items,
            "counts": counts,
            "is_reporter": roles.is_reporter(request.user),
        },
    )


@login_required
@require_POST
def report_start(request):
    ids = {k: request.POST.get(k, "") for k in ("activity", "period", "entity", "governorate")}
    if not all(ids[k].isdigit() for k in ("activity", "period", "entity")) or (
        ids["governorate"] and not ids["governorate"].isdigit()
    ):
        raise Http404
    activity = get_object_or_404(
        Activity.objects.prefetch_related("partnerships", "governorates"), pk=ids["activity"]
    )
    period = get_object_or_404(ReportingPeriod, pk=ids["period"])
    entity = get_object_or_404(Entity, pk=ids["entity"])
    governorate = None
    if ids["governorate"]:
        governorate = get_object_or_404(Governorate, pk=ids["governorate"])
    try:
        report = services.report_start(
            user=request.user,
            activity=activity,
            period=period,
            entity=entity,
            governorate=governorate,
        )
    except services.ReportError as error:
        messages.error(request, str(error))
        return redirect("reporting:my_work")
    return redirect("reporting:edit", pk=report.pk)


def _report_or_404(request, pk):
    report = get_object_or_404(
        ProgressReport.objects.select_related(
            "activity__objective__pillar",
            "activity__lead_entity",
            "entity",
            "period",
            "governorate",
        ).prefetch_related(
            "activity__partnerships",
            "activity__governorates",
            "activity__target_groups",
            Prefetch("values"),
            "people__vulnerable_group",
            "evidence",
            Prefetch(
                "events", queryset=ReportEvent.objects.select_related("user"), to_attr="timeline"
            ),
        ),
        pk=pk,
    )
    if not permissions.can_view_report(request.user, report):
        raise Http404  # do not reveal that it exists
    return report


def _form_initial(report, rows, groups):
    initial = {
        "version": report.version,
        "activity_status": report.activity_status,
        "percent_complete": report.percent_complete,
        "achievements": report.achievements,
        "challenges": report.challenges,
        "next_steps": report.next_steps,
    }
    for p in report.people.all():
        if p.vulnerable_group_id:
            initial[f"group-{p.vulnerable_group.code}"] = p.count
        else:
            initial[f"people-{p.sex}-{p.age_band}"] = p.count
    for row in rows:
        if row.value is not None and row.value.not_available:
            initial[f"{row.key}-na"] = True
            initial[f"{row.key}-reason"] = row.value.note
        elif row.value is not None:
            initial[row.key] = plain_number(row.value.value)
    return initial


@offline.keeps_text
def report_edit(request, pk):
    report = _report_or_404(request, pk)
    kept = None
    if not permissions.can_edit_report(request.user, report):
        raise PermissionDenied
    rows = selectors.value_rows(report)
    groups = list(report.activity.target_groups.all())
    if not report.is_editable:
        if request.method != "POST":
            return redirect("reporting:report", pk=report.pk)
        # Someone submitted (or a reviewer approved) while this person was typing: show their
        # text again with the reason, never drop it.
        offline.mark_conflict(request)
        form = ReportForm(request.POST, rows=rows, groups=groups)
        form.is_valid()
        form.add_error(
            None,
            _(
                "This report was %(status)s while you were editing it, so your "
                "changes were not saved. Your text is below; copy what you need."
            )
            % {"status": report.get_status_display().lower()},
        )
    elif request.method == "POST":
        form = ReportForm(request.POST, request.FILES, rows=rows, groups=groups)
        if form.is_valid():
            done = _save_report(request, report, form)
            if done:
                return done
        kept = _keep_evidence(request, report, form)
    else:
        form = ReportForm(initial=_form_initial(report, rows, groups), rows=rows, groups=groups)
    return render(
        request,
        "reporting/report_form.html",
        {
            "report": report,
            "form": form,
            "rows": rows,
            # Read again: a file saved (or kept) by this request is part of the report now.
            "evidence": list(Evidence.objects.filter(report=report)),
            "kept": kept,
            "returned": [e for e in report.timeline if e.kind in ("returned", "reopened")][-1:],
        },
    )


def _keep_evidence(request, report, form):
    """The pk of the evidence file chosen with a form that came back with errors, once stored
    with the draft (services.evidence_add, as a valid save would), so the person need not choose
    it again; None when there was none, it was saved already, or it cannot be kept."""
    upload = form.cleaned_data.get("evidence") if hasattr(form, "cleaned_data") else None
    if not upload or "evidence" in form.errors:
        return None  # no file, or the file itself was refused: the message says so
    saved = getattr(form, "saved_evidence", None)
    if saved is not None:
        return saved.pk  # saved with the draft (a submission refused as incomplete)
    try:
        upload.seek(0)
        return services.evidence_add(user=request.user, report=report, upload=upload).pk
    except (PermissionDenied, ValidationError, services.ReportError):
        return None


def _save_report(request, report, form):
    """Save (and maybe submit) the form through the services; None when the form must show
    again, with what the user typed and the reason."""
    submitting = request.POST.get("action") == "submit"
    remove = request.POST.get("remove_evidence", "")
    try:
        saved = services.report_save(
            user=request.user,
            report=report,
            version=form.cleaned_data["version"],
            data=form.report_data(),
            people=form.people_data(),
            values=form.values_data(),
            evidence=form.cleaned_data.get("evidence"),
            remove_evidence=int(remove) if remove.isdigit() else None,
            submit=submitting,
        )
    except ValidationError as error:
        _add_errors(form, error)
        return None
    except services.ReportConflict as conflict:
        offline.mark_conflict(request)
        form.add_error(None, str(conflict))
        _set_version(form, conflict.current.version)
        return None
    except services.ReportError as error:
        messages.error(request, str(error))
        return redirect("reporting:report", pk=report.pk)
    report = saved.report
    if saved.removed:
        # The "Remove" buttons are part of the report form, so nothing typed is lost.
        messages.success(
            request,
            _("Removed %(name)s. Your other changes are saved as a draft.")
            % {"name": saved.removed},
        )
        return redirect("reporting:edit", pk=report.pk)
    form.saved_evidence = saved.evidence
    if saved.not_submitted:
        _missing_errors(form, saved.not_submitted)
    if submitting and not form.errors:
        messages.success(request, _("Report submitted. The Directorate will review it."))
        return redirect("reporting:report", pk=report.pk)
    if form.errors:  # saved as a draft, but not complete enough to submit
        _set_version(form, report.version)
        messages.info(request, _("Your changes are saved as a draft, but not yet submitted."))
        return None
    messages.success(request, _("Draft saved."))
    return redirect("reporting:edit", pk=report.pk)


def _missing_errors(form, missing):
    """Why a submission was refused, beside each field: an indicator value left empty gets its
    own message (so the error summary links to it and the field is marked), not one line at the
    top naming codes."""
    missing = dict(missing)
    if "values" in missing:
        empty = [
            (row, field)
            for row, field, na, _reason, _warning in form.value_fields()
            if form.cleaned_data.get(row.key) is None and not form.cleaned_data.get(na.name)
        ]
        if empty:
            del missing["values"]
            for row, field in empty:
                form.add_error(
                    field.name,
                    _("%(code)s: give a value, or tick “Not available”.")
                    % {"code": row.indicator.code},
                )
    if missing:
        _add_errors(form, ValidationError(missing))


def _set_version(form, version):
    form.data = form.data.copy()
    form.data["version"] = version


@login_required
def report_detail(request, pk):
    report = _report_or_404(request, pk)
    user = request.user
    context = {
        "report": report,
        "rows": _with_warnings(selectors.value_rows(report)),
        "changes": selectors.report_changes(report),
        "people": [p for p in report.people.all() if not p.vulnerable_group_id],
        "groups": [p for p in report.people.all() if p.vulnerable_group_id],
        "people_warning": _people_warning(report),
        "can_edit": report.is_editable and permissions.can_edit_report(user, report),
        "can_review": report.status == ReportStatus.SUBMITTED
        and permissions.can_review(user, report),
        "wrote_it": False,
        "can_comment": permissions.can_review(user, report) and not report.is_locked,
        "can_reopen": report.is_locked and permissions.can_reopen(user, report),
        "review_form": ReviewForm(initial={"version": report.version}),
        "reopen_form": ReopenForm(),
    }
    if context["can_review"] and user.pk in selectors.writers(report):
        # Four eyes: who wrote part of the report may comment or return it, not approve it.
        context["wrote_it"] = True
    if request.method == "POST":
        response = _review_action(request, report, context)
        if response:
            return response
    return render(request, "reporting/report_detail.html", context)


def _with_warnings(rows):
    """The rows, each with `warning`: why its value looks implausible (reporting.plausibility),
    for the reviewer to check; the reporter confirmed these figures to save them."""
    count = Governorate.objects.count()
    for row in rows:
        row.warning = plausibility.row_warning(row, governorates=count) or ""
    return rows


def _review_action(request, report, context):
    action = request.POST.get("action")
    user = request.user
    try:
        if action == "reopen":
            form = ReopenForm(request.POST)
            context["reopen_form"] = form
            if not form.is_valid():
                return None
            services.report_reopen(user=user, report=report, reason=form.cleaned_data["reason"])
            messages.success(request, _("The report is reopened and back with the reporter."))
            return redirect("reporting:report", pk=report.pk)
        form = ReviewForm(request.POST)
        context["review_form"] = form
        if not form.is_valid():
            return None
        comment, version = form.cleaned_data["comment"], form.cleaned_data["version"]
        if action == "return":
            services.report_return(user=user, report=report, version=version, comment=comment)
            messages.success(request, _("The report is returned to the reporter."))
        elif action == "approve":
            services.report_approve(
                user=user,
                report=report,
                version=version,
                comment=comment,
                confirmed=bool(form.cleaned_data["confirm"]),
            )
            messages.success(request, _("The report is approved and locked."))
        elif action == "comment":
            services.report_comment(user=user, report=report, comment=comment)
            messages.success(request, _("Comment added."))
        else:
            return None
    except ValidationError as error:
        for field, messages_ in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages_)
        return None
    except services.ReportError as error:
        form.add_error(None, str(error))
        return None
    return redirect("reporting:report", pk=report.pk)


@login_required
def review_queue(request):
    if not roles.is_reviewer(request.user):
        raise PermissionDenied
    data = request.GET.copy()
    if "status" not in data:
        data["status"] = ReportStatus.SUBMITTED
    queryset = selectors.reports_visible_to(request.user).order_by("submitted_at", "pk")
    filterset = ReviewQueueFilter(data, queryset=queryset)
    return render(
        request,
        "reporting/queue.html",
        {
            "filter": filterset,
            "reports": filterset.qs[:200],
            "filters_used": any(v for k, v in request.GET.items() if k != "status"),
        },
    )


@login_required
def evidence_download(request, pk):
    evidence = get_object_or_404(Evidence.objects.select_related("report__activity"), pk=pk)
    if not permissions.can_view_report(request.user, evidence.report):
        raise Http404
    audit.record(
        request,
        Kind.EVIDENCE_DOWNLOAD,
        target=evidence,
        report=evidence.report_id,
        activity=evidence.report.activity.code,
    )
    return attachment(evidence.file, evidence.original_name)


def subsets_fit(total, subsets) -> bool:
    """Whether counts of sub-groups ("of whom") stay within the total they are part of."""
    if total is None or not subsets:
        return True
    return all(Decimal(s) <= Decimal(total) for s in subsets)


def _people_warning(report):
    """A visible warning when the "of whom" counts do not fit in the people reached."""
    people = list(report.people.all())
    groups = [p.count for p in people if p.vulnerable_group_id]
    if not groups:
        return ""
    total = sum(p.count for p in people if not p.vulnerable_group_id)
    if not total:
        return _("Counts by vulnerable group are given, but no total of people reached.")
    if subsets_fit(total, groups):
        return ""
    return _(
        "The count of one vulnerable group (%(group)s) is more than all the people reached "
        "(%(total)s): the parts do not agree with the total."
    ) % {"group": max(groups), "total": total}


# -- the report workbook -----------------------------------------------------------------------
def _workbook_scope(request):
    scope = "all" if request.GET.get("scope", request.POST.get("scope")) == "all" else "mine"
    if not workbook.may_use(request.user, scope):
        raise PermissionDenied
    return scope


@login_required
def workbook_page(request):
    """Download the workbook of a period; upload it filled in (a check, then the save)."""
    scope = _workbook_scope(request)
    form = WorkbookUploadForm()
    if request.method == "POST":
        form = WorkbookUploadForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            job = job_start(
                user=request.user,
                kind="reporting.workbook_check",
                params={
                    "file": upload.name[:200],
                    "submit": bool(form.cleaned_data["submit"]) and scope == "mine",
                },
                source=upload,
                source_name=upload.name[:200],
            )
            return redirect(job)
    periods = workbook.periods_for(request.user, scope)
    return render(
        request,
        "reporting/workbook.html",
        {"form": form, "periods": periods, "scope": scope},
    )


@login_required
def workbook_download(request):
    scope = _workbook_scope(request)
    periods = {str(p.pk): p for p in workbook.periods_for(request.user, scope)}
    period = periods.get(request.GET.get("period", ""))
    if period is None:
        raise Http404
    content = workbook.write_workbook(request.user, period, scope)
    audit.record(
        request,
        Kind.EXPORT,
        target=f"report workbook {period.policy.code} {period.label}",
        scope=scope,
    )
    name = f"reports-{period.policy.code}-{period.label}{'-all' if scope == 'all' else ''}.xlsx"
    response = HttpResponse(content, content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
