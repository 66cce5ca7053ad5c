"""A person's background jobs: the page that follows one (a progress bar that updates), its
status for that bar, the next step it offers, and its file."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

import audit
from audit.models import Kind
from core.files import attachment
from jobs import progress
from jobs.models import Job
from jobs.services import job_follow_up


def _own_job(request, pk):
    # Another person's job is not found: its title alone may say what they are working on.
    return get_object_or_404(Job, pk=pk, user=request.user)


def _status(job):
    done, total = progress.read(job)
    return {
        "state": job.state,
        "state_label": job.get_state_display(),
        "done": done,
        "total": total,
        "percent": None if not total else min(100, round(100 * done / total)),
        "text": _progress_text(job, done, total),
    }


def _progress_text(job, done, total):
    if job.state == Job.State.QUEUED:
        return _("Waiting for a free worker…")
    if total:
        return _("%(done)s of %(total)s rows") % {"done": f"{done:,}", "total": f"{total:,}"}
    if job.state == Job.State.RUNNING:
        return _("Working…")
    return ""


@login_required
def job_list(request):
    jobs = Job.objects.filter(user=request.user)[:50]
    return render(request, "jobs/job_list.html", {"jobs": jobs})


@login_required
def job_detail(request, pk):
    job = _own_job(request, pk)
    kind = job.kind_info
    follow_up = None
    if (
        job.state == Job.State.DONE
        and kind
        and kind.follow_up
        and not job.result.get("next")
        # A check that refused something offers no next step: nothing can be written.
        and not job.result.get("blocked")
    ):
        follow_up = kind.follow_up_label(job.params)
    return render(
        request,
        "jobs/job_detail.html",
        {
            "job": job,
            "status": _status(job),
            "result_template": kind.result_template if kind else "",
            "follow_up": follow_up,
            "next_job": job.result.get("next"),
        },
    )


@login_required
def job_status(request, pk):
    return JsonResponse(_status(_own_job(request, pk)))


@login_required
@require_POST
def job_next(request, pk):
    job = _own_job(request, pk)
    try:
        follow_up = job_follow_up(job=job, user=request.user)
    except ValueError:
        messages.error(request, _("This job offers no next step."))
        return redirect(job)
    return redirect(follow_up)


@login_required
def job_download(request, pk):
    job = _own_job(request, pk)
    if job.state != Job.State.DONE or not job.output:
        raise Http404
    audit.record(request, Kind.EXPORT, target=job.output_name, job=str(job.pk), job_kind=job.kind)
    return attachment(job.output, job.output_name or job.output.name.rsplit("/", 1)[-1])
