import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def job_file_path(job, name):
    # Outside any served folder: files are handed out by jobs.views.download, to the job's owner.
    return f"jobs/{job.pk}/{name}"


class Job(models.Model):
    """Work that takes longer than a web request should: who asked for it, what, how far it has
    gone, and what came of it. Run by the task jobs.run (jobs/tasks.py)."""

    class State(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(_("kind"), max_length=40)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="jobs",
        verbose_name=_("started by"),
    )
    # The language the job's messages and files are written in: the starter's at the time.
    language = models.CharField(max_length=10, default=settings.LANGUAGE_CODE)
    params = models.JSONField(default=dict, blank=True)
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.QUEUED, db_index=True
    )
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(null=True, blank=True)
    # What came of it: counts, the problems that refused a sheet, the reason it failed.
    result = models.JSONField(default=dict, blank=True)
    message = models.TextField(_("message"), blank=True)
    source = models.FileField(upload_to=job_file_path, blank=True, max_length=300)
    output = models.FileField(upload_to=job_file_path, blank=True, max_length=300)
    output_name = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(_("started"), auto_now_add=True, db_index=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("background job")
        verbose_name_plural = _("background jobs")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("jobs:detail", args=[self.pk])

    @property
    def kind_info(self):
        from jobs.registry import KINDS

        return KINDS.get(self.kind)

    @property
    def title(self):
        kind = self.kind_info
        return kind.describe(self.params) if kind else self.kind

    @property
    def finished(self):
        return self.state in (self.State.DONE, self.State.FAILED)
