"""The national progress report: a public page (visitors read the published plan's approved
figures, under disclosure control; signed-in readers the full figures), its PDF in the reader's
language, and, for signed-in readers, its workbook (XLSX, made by a background job)."""

import time

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.cache import cache as django_cache
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation

import audit
from analytics import disclosure, report
from analytics.views import _report_period
from core import cache

# A PDF takes seconds to make (docs/performance.md): kept for a day under the figures' token,
# so an approval (a new token) makes the next one afresh.
PDF_CACHE_SECONDS = 24 * 3600


@cache.public_page
def progress_report(request):
    """The national progress report for a period: a cover, a summary by pillar and by
    governorate with the achievement and the reporting rate over time (charts and their
    tables), then each pillar's objectives with their activities and indicators. Readable on a
    phone, printable (static/css/report.css); ?format=xlsx gives signed-in readers the
    workbook. Cached like the other public pages (core/cache.py)."""
    if request.GET.get("format") == "xlsx":
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        # The workbook (a summary and a sheet per pillar) is made by a background job; its page
        # offers the file when it is ready (analytics/tasks.py).
        from jobs.services import job_start

        policy, _periods, period = _report_period(request)
        name = f"progress-report-{policy.code}-{period.label}.xlsx"
        job = job_start(
            user=request.user,
            kind="analytics.progress_report",
            params={"policy": policy.pk, "period": period.pk, "file": name},
        )
        audit.record_export(request, name, source="progress report", job=str(job.pk))
        return redirect(job)
    content = cache.cached(request, "progress-report", lambda: _report_context(request))
    return render(request, "analytics/progress_report.html", content)


def _report_context(request):
    policy, periods, period = _report_period(request)
    content = report.national_report(policy, period, public=disclosure.for_visitor(request))
    return {
        **content,
        "periods": list(periods.order_by("start_date")),
        "made": timezone.localdate(),
    }


def progress_report_pdf(request):
    """The report as a PDF file in the active language (?lang= chooses it), for visitors as for
    signed-in readers, each with their figures; logged as an export. Made once per plan,
    period, language, audience and figures version, then served from the cache."""
    policy, _periods, period = _report_period(request)
    public = disclosure.for_visitor(request)
    language = translation.get_language()
    name = f"progress-report-{policy.code}-{period.label}-{language}.pdf"
    audit.record_export(request, name, source="progress report")
    key = ":".join(
        [
            "report-pdf",
            f"v{cache.token()}",
            language,
            "public" if public else "full",
            str(policy.pk),
            str(period.pk),
        ]
    )
    data = django_cache.get(key) if settings.PAGE_CACHE_SECONDS else None
    if data is None:
        started = time.perf_counter()
        content = report.national_report(policy, period, public=public)
        data = report.report_pdf({**content, "made": timezone.localdate()})
        seconds = time.perf_counter() - started
        if settings.PAGE_CACHE_SECONDS:
            django_cache.set(key, data, PDF_CACHE_SECONDS)
    else:
        seconds = 0
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Server-Timing"] = f"pdf;dur={seconds * 1000:.0f}"
    return response
