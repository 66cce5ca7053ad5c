"""Background jobs as people meet them: a large sheet uploaded in the admin is checked and
imported by a job they follow on a page, with its result or its problems; nobody else sees it."""

import datetime
import io

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from jobs import progress
from jobs.models import Job
from jobs.tasks import purge
from jobs.tasks import run as run_job
from policy.models import Activity
from tests.factories import UserFactory
from tests.policy.test_import_export import _many_activities
from tests.policy.test_import_export import importer as importer_fixture
from tests.policy.test_import_export import plan as plan_fixture
from tests.signin_helpers import verified_login

plan, importer = plan_fixture, importer_fixture  # the plan and the importer of those tests

pytestmark = pytest.mark.django_db


def _upload(client, dataset, name="activities.xlsx"):
    upload = io.BytesIO(dataset.export("xlsx"))
    upload.name = name
    return client.post(
        reverse("admin:policy_activity_import"), {"resource": 0, "format": 0, "import_file": upload}
    )


@pytest.fixture
def small_limit(settings):
    settings.IMPORT_JOB_ROWS = 5


def test_a_large_sheet_is_handed_to_a_job_whose_request_does_not_grow_with_the_rows(
    client, plan, importer, small_limit, django_capture_on_commit_callbacks
):
    """An admin import of 3,000 rows passed gunicorn's 30 s time-out: the upload request read
    and wrote every row twice. Now it keeps the file, queues a job and answers at once: the
    same work for 10 rows as for 60."""
    verified_login(client, importer)
    costs = {}
    for n in (10, 60):
        with (
            django_capture_on_commit_callbacks(execute=False) as queued,
            CaptureQueriesContext(connection) as queries,
        ):
            page = _upload(client, _many_activities(n))
        job = Job.objects.get(params__file="activities.xlsx", total=n)
        assert page.status_code == 302 and page["Location"] == job.get_absolute_url()
        assert len(queued) == 1  # the job, started when the upload's transaction commits
        costs[n] = len(queries)
    assert costs[10] == costs[60], costs
    assert not Activity.objects.filter(code__startswith="9.").exists()


def test_the_check_then_the_import_of_a_large_sheet(
    client, plan, importer, small_limit, django_capture_on_commit_callbacks
):
    verified_login(client, importer)
    with django_capture_on_commit_callbacks(execute=True):
        page = _upload(client, _many_activities(12))
    check = Job.objects.get()
    assert check.kind == "plan.import_check" and check.state == Job.State.DONE
    shown = client.get(page["Location"]).content.decode()
    assert "The sheet’s 12 rows were checked: nothing was written yet." in shown
    assert "Import activities.xlsx" in shown  # the button that confirms
    assert not Activity.objects.filter(code__startswith="9.").exists()

    with django_capture_on_commit_callbacks(execute=True):
        confirmed = client.post(reverse("jobs:next", args=[check.pk]))
        again = client.post(reverse("jobs:next", args=[check.pk]))  # pressed twice
    done = Job.objects.get(kind="plan.import")
    assert confirmed["Location"] == again["Location"] == done.get_absolute_url()
    assert done.state == Job.State.DONE, done.message
    assert Activity.objects.filter(code__startswith="9.").count() == 12
    shown = client.get(confirmed["Location"]).content.decode()
    assert "The sheet’s 12 rows were imported." in shown
    assert reverse("admin:policy_activity_changelist") in shown
    assert (done.result["new"], done.result["update"], done.result["skip"]) == (12, 0, 0)
    latest = Activity.objects.get(code="9.3").history.first()
    assert latest.history_user == importer


def test_a_large_bad_sheet_fails_with_its_problems_by_row_and_nothing_is_written(
    client, plan, importer, small_limit, django_capture_on_commit_callbacks
):
    verified_login(client, importer)
    sheet = _many_activities(8)
    row = dict(zip(sheet.headers, sheet[6], strict=True))
    sheet[6] = [*{**row, "planned_budget": "lots"}.values()]
    with django_capture_on_commit_callbacks(execute=True):
        page = _upload(client, sheet)
    job = Job.objects.get()
    assert job.state == Job.State.FAILED
    shown = client.get(page["Location"]).content.decode()
    assert "Row 8, column “planned_budget”: “lots” is not a number." in shown
    assert "Traceback" not in shown and "/site-packages/" not in shown
    assert "Import activities.xlsx" not in shown
    assert not Activity.objects.filter(code__startswith="9.").exists()


def test_a_small_sheet_still_gets_the_preview_in_the_request(client, plan, importer, settings):
    settings.IMPORT_JOB_ROWS = 200
    verified_login(client, importer)
    page = _upload(client, _many_activities(3))
    assert page.status_code == 200 and page.context["confirm_form"] is not None
    assert not Job.objects.exists()


def test_the_import_job_checks_the_right_again_when_it_runs(
    plan, importer, django_capture_on_commit_callbacks
):
    """Rights taken away between the upload and the run: the job is refused, nothing written."""
    from jobs.services import job_start

    with django_capture_on_commit_callbacks(execute=False):
        job = job_start(
            user=importer,
            kind="plan.import",
            params={"sheet": "activities", "file": "a.xlsx"},
            source=_many_activities(3).export("xlsx"),
            source_name="a.xlsx",
        )
    importer.memberships.update(is_active=False)
    run_job(str(job.pk))
    job.refresh_from_db()
    assert job.state == Job.State.FAILED
    assert job.result["problems"] == ["You may not import activities."]
    assert not Activity.objects.filter(code__startswith="9.").exists()


def _job(user, **fields):
    fields.setdefault("kind", "plan.import")
    fields.setdefault("params", {"sheet": "activities", "file": "a.xlsx"})
    return Job.objects.create(user=user, **fields)


def test_nobody_else_sees_a_job_its_status_or_its_file(client, db):
    owner, other = UserFactory(username="owner"), UserFactory(username="other")
    job = _job(owner, state=Job.State.DONE, output_name="values.xlsx")
    job.output.save("values.xlsx", ContentFile(b"secret"), save=True)
    client.force_login(other)
    for name in ("jobs:detail", "jobs:status", "jobs:download"):
        assert client.get(reverse(name, args=[job.pk])).status_code == 404, name
    assert client.post(reverse("jobs:next", args=[job.pk])).status_code == 404
    assert "a.xlsx" not in client.get(reverse("jobs:list")).content.decode()
    client.force_login(owner)
    download = client.get(reverse("jobs:download", args=[job.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content) == b"secret"
    from audit.models import AccessEvent, Kind

    assert AccessEvent.objects.filter(kind=Kind.EXPORT, actor=owner).exists()


def test_the_status_follows_a_running_job(client, db):
    owner = UserFactory(username="owner")
    job = _job(owner, state=Job.State.RUNNING, total=3000)
    client.force_login(owner)
    progress.Progress(job.pk)(1200, 3000)
    status = client.get(reverse("jobs:status", args=[job.pk])).json()
    assert (status["state"], status["done"], status["total"], status["percent"]) == (
        "running",
        1200,
        3000,
        40,
    )
    assert status["text"] == "1,200 of 3,000 rows"
    page = client.get(reverse("jobs:detail", args=[job.pk])).content.decode()
    assert 'value="1200"' in page and "js/job-progress.js" in page
    assert '<meta http-equiv="refresh"' in page  # without JavaScript, the page refreshes


def test_the_status_speaks_the_persons_language(client, db):
    owner = UserFactory(username="owner")
    job = _job(owner, state=Job.State.QUEUED)
    client.force_login(owner)
    status = client.get(reverse("jobs:status", args=[job.pk]), HTTP_ACCEPT_LANGUAGE="ar").json()
    assert status["state_label"] != "Waiting to start" and status["state_label"]
    assert status["text"] != "Waiting for a free worker…" and status["text"]


def test_an_unexpected_error_fails_the_job_without_a_traceback(client, plan, importer):
    job = _job(importer)  # no file kept: reading it fails
    run_job(str(job.pk))
    job.refresh_from_db()
    assert job.state == Job.State.FAILED
    assert "unexpected error" in job.message and "Nothing was written" in job.message
    assert "Traceback" not in job.message and "File " not in job.message


def test_a_finished_job_is_not_run_again_when_its_task_comes_twice(plan, importer):
    job = _job(importer, state=Job.State.DONE, result={"rows": 1})
    run_job(str(job.pk))
    job.refresh_from_db()
    assert job.state == Job.State.DONE and job.result == {"rows": 1}


def test_old_jobs_and_their_files_are_purged_and_lost_ones_failed(db, settings):
    owner = UserFactory(username="owner")
    old = _job(owner, state=Job.State.DONE)
    old.output.save("old.csv", ContentFile(b"x"), save=True)
    path = old.output.path
    lost = _job(owner, state=Job.State.RUNNING)
    fresh = _job(owner, state=Job.State.DONE)
    long_ago = timezone.now() - datetime.timedelta(days=settings.JOB_RETENTION_DAYS + 1)
    Job.objects.filter(pk=old.pk).update(created_at=long_ago)
    hours_ago = timezone.now() - datetime.timedelta(seconds=3 * settings.JOB_TIME_LIMIT + 60)
    Job.objects.filter(pk=lost.pk).update(created_at=hours_ago)
    assert purge() == 1
    assert not Job.objects.filter(pk=old.pk).exists()
    import os

    assert not os.path.exists(path)
    lost.refresh_from_db()
    assert lost.state == Job.State.FAILED and "never finished" in lost.message
    assert Job.objects.filter(pk=fresh.pk).exists()
