"""For tests of pages whose file is made by a background job."""

from django.urls import reverse

from jobs.models import Job
from jobs.tasks import run


def job_file(client, response) -> bytes:
    """The file of the job `response` sent the person to: the job is run as the worker runs it
    (in tests the task is queued at commit, which a test's transaction never reaches)."""
    assert response.status_code == 302, response.content[:500]
    job = Job.objects.get(pk=response["Location"].rstrip("/").split("/")[-1])
    if job.state == Job.State.QUEUED:
        run(str(job.pk))
        job.refresh_from_db()
    assert job.state == Job.State.DONE, (job.message, job.result)
    download = client.get(reverse("jobs:download", args=[job.pk]))
    assert download["Content-Disposition"].startswith("attachment")
    assert job.output_name in download["Content-Disposition"]
    return b"".join(download.streaming_content)
