"""Starting jobs. Who may start which job is the caller's check (the admin's import right, say);
the job's own work checks again when it runs, as the same person."""

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import translation

from jobs.models import Job
from jobs.registry import KINDS


class JobRefused(Exception):
    """The job's input was refused as a whole; `problems` says why, one line each."""

    def __init__(self, problems, message=""):
        self.problems = list(problems)
        self.message = message
        super().__init__(message or "\n".join(self.problems))


def job_start(*, user, kind, params=None, source=None, source_name="", total=None) -> Job:
    """Queue a job for `user` and return it; it starts once this transaction commits.

    `source`: bytes or a file the job reads (an uploaded sheet), kept with the job."""
    if kind not in KINDS:
        raise ValueError(f"No kind of job named {kind!r}.")
    if user is None or not user.is_authenticated:
        raise ValueError("A job needs a signed-in person to start it.")
    job = Job.objects.create(
        kind=kind,
        user=user,
        params=params or {},
        total=total,
        language=translation.get_language() or "en",
    )
    if source is not None:
        content = source if isinstance(source, bytes) else source.read()
        job.source.save(source_name or "input", ContentFile(content), save=True)
    from jobs.tasks import run

    transaction.on_commit(lambda: run.delay(str(job.pk)))
    return job


def job_follow_up(*, job: Job, user) -> Job:
    """Start the next step a finished job offers (the import after its check)."""
    with transaction.atomic():
        job = Job.objects.select_for_update().get(pk=job.pk)
        kind = job.kind_info
        if (
            job.user_id != user.pk
            or job.state != Job.State.DONE
            or kind.follow_up is None
            or job.result.get("blocked")
        ):
            raise ValueError("This job offers no next step.")
        if job.result.get("next"):  # the button pressed twice: one import, not two
            return Job.objects.get(pk=job.result["next"])
        follow_up = kind.follow_up(job, user)
        job.result = {**job.result, "next": str(follow_up.pk)}
        job.save(update_fields=["result"])
    return follow_up


def continue_as(kind):
    """A follow-up (jobs.registry `follow_up`) that starts `kind` on the same file and
    parameters, as the same person: the import after its check."""

    def start(job, user):
        with job.source.open("rb") as source:
            content = source.read()
        return job_start(
            user=user,
            kind=kind,
            params=job.params,
            source=content,
            source_name=job.params.get("file", "") or "input",
            total=job.total,
        )

    return start
