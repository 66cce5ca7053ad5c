"""The one task that runs every job (jobs.registry), the clean-up of old jobs, and the kind of
job of a large API export (jobs/export_jobs.py)."""

import datetime
import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from jobs import progress
from jobs.models import Job
from jobs.registry import KINDS, register
from jobs.services import JobRefused

logger = logging.getLogger(__name__)


@shared_task(name="jobs.run")
def run(job_id):
    # A job runs once: a task delivered again after it finished does nothing. One whose worker
    # was lost (state still "running") runs again: its transaction was rolled back.
    started = Job.objects.filter(pk=job_id, state__in=[Job.State.QUEUED, Job.State.RUNNING])
    if not started.update(state=Job.State.RUNNING, started_at=timezone.now()):
        return
    job = Job.objects.select_related("user").get(pk=job_id)
    tracker = progress.Progress(job.pk)
    with translation.override(job.language):
        try:
            kind = KINDS[job.kind]
            result = kind.run(job, tracker) or {}
        except JobRefused as refused:
            _finish(job, tracker, Job.State.FAILED, {"problems": refused.problems}, refused.message)
        except SoftTimeLimitExceeded:
            message = _(
                "It took longer than %(minutes)s minutes and was stopped. Nothing was written."
            ) % {"minutes": settings.JOB_TIME_LIMIT // 60}
            _finish(job, tracker, Job.State.FAILED, {}, message)
        except Exception:
            logger.exception("Job %s (%s) failed", job.pk, job.kind)
            message = _(
                "It stopped on an unexpected error. Nothing was written. The server's log has "
                "the details for the administrators (job %(id)s)."
            ) % {"id": job.pk}
            _finish(job, tracker, Job.State.FAILED, {}, message)
        else:
            _finish(job, tracker, Job.State.DONE, result, "")


def _finish(job, tracker, state, result, message):
    if state == Job.State.FAILED and job.output:
        job.output.delete(save=False)  # a half-written file is not offered
        job.output_name = ""
    Job.objects.filter(pk=job.pk).update(
        state=state,
        result=result,
        message=message,
        done=tracker.done,
        total=tracker.total,
        output=job.output.name if job.output else "",
        output_name=job.output_name,
        finished_at=timezone.now(),
    )
    progress.forget(job.pk)


@shared_task(name="jobs.purge")
def purge():
    """Remove finished jobs (and their files) older than JOB_RETENTION_DAYS, and mark as failed
    those a lost worker left running for longer than any job may run."""
    now = timezone.now()
    stale = Job.objects.filter(
        state__in=[Job.State.QUEUED, Job.State.RUNNING],
        created_at__lt=now - datetime.timedelta(seconds=3 * settings.JOB_TIME_LIMIT),
    )
    for job in stale:
        with translation.override(job.language):
            Job.objects.filter(pk=job.pk).update(
                state=Job.State.FAILED,
                finished_at=now,
                message=_("It never finished (the worker running it stopped). Start it again."),
            )
    old = Job.objects.filter(
        created_at__lt=now - datetime.timedelta(days=settings.JOB_RETENTION_DAYS)
    ).exclude(state__in=[Job.State.QUEUED, Job.State.RUNNING])
    removed = 0
    for job in old:
        for file in (job.source, job.output):
            if file:
                file.delete(save=False)
        job.delete()
        removed += 1
    return removed


def _describe_export(params):
    name = params["path"].strip("/").split("/")[-1]
    return _("Export of %(list)s as %(format)s") % {
        "list": name,
        "format": params["format"].upper(),
    }


@register("api.export", describe=_describe_export, result_template="jobs/result/export.html")
def export_list(job, progress):
    from jobs.export_jobs import write_export

    return write_export(job, progress)
