"""Background work through a real Celery worker: the broker is Redis when the suite has one
(REDIS_URL, as in CI), else Celery's in-memory broker; the worker is Celery's own, in a thread
of this process, reading the tasks the broker hands it, as production's worker does."""

import io
import time

import pytest
from django.core import mail
from django.urls import reverse

from jobs.models import Job
from policy.models import Activity
from tests.core.test_api import rich as rich_fixture
from tests.policy.test_import_export import _many_activities
from tests.policy.test_import_export import importer as importer_fixture
from tests.policy.test_import_export import plan as plan_fixture
from tests.signin_helpers import verified_login

plan, importer = plan_fixture, importer_fixture
rich = rich_fixture


@pytest.fixture
def worker(transactional_db, settings):
    from celery.contrib.testing.worker import start_worker

    from config.celery import app

    broker = settings.REDIS_URL or "memory://"
    saved = {key: app.conf[key] for key in ("task_always_eager", "broker_url")}
    app.conf.update(task_always_eager=False, broker_url=broker)
    _forget_connections(app)  # made by earlier tests for another broker
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=30):
            yield app
    finally:
        app.conf.update(saved)
        _forget_connections(app)


def _forget_connections(app):
    from kombu import pools

    pools.reset()  # kombu's shared pools, keyed by broker
    app._pool = None
    app.amqp._producer_pool = None


def _read(query, seconds=30):
    """query(), again while the worker holds a write lock. On SQLite the test database is one
    in-memory database shared by this thread and the worker's; a read that meets the worker's
    write transaction fails at once with "database table is locked" (shared-cache locks are not
    waited for, unlike the file's busy timeout), where PostgreSQL would read the last commit."""
    from django.db import OperationalError

    deadline = time.monotonic() + seconds
    while True:
        try:
            return query()
        except OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _wait(job_id, seconds=90):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        job = Job.objects.get(pk=job_id)
        if job.finished:
            return job
        time.sleep(0.2)
    raise AssertionError(f"job {job_id} still {job.state} after {seconds} s")


def test_a_large_import_is_checked_and_imported_by_the_worker(
    worker, client, plan, importer, settings
):
    settings.IMPORT_JOB_ROWS = 5
    verified_login(client, importer)
    upload = io.BytesIO(_many_activities(30).export("xlsx"))
    upload.name = "activities.xlsx"
    page = client.post(
        reverse("admin:policy_activity_import"), {"resource": 0, "format": 0, "import_file": upload}
    )
    check = _wait(Job.objects.get().pk)
    assert page["Location"] == check.get_absolute_url()
    assert check.state == Job.State.DONE, (check.message, check.result)
    assert check.result["new"] == 30
    assert not Activity.objects.filter(code__startswith="9.").exists()

    confirmed = client.post(reverse("jobs:next", args=[check.pk]))
    done = _wait(Job.objects.get(kind="plan.import").pk)
    assert confirmed["Location"] == done.get_absolute_url()
    assert done.state == Job.State.DONE, (done.message, done.result)
    assert Activity.objects.filter(code__startswith="9.").count() == 30
    shown = client.get(done.get_absolute_url()).content.decode()
    assert "The sheet’s 30 rows were imported." in shown


def test_an_e_mail_is_sent_by_the_worker(worker):
    from core.tasks import queue_mail

    queue_mail("Report returned", "Please add the evidence.", ["focal@example.org"])
    deadline = time.monotonic() + 30
    while not mail.outbox and time.monotonic() < deadline:
        time.sleep(0.1)
    assert [m.to for m in mail.outbox] == [["focal@example.org"]]


def test_a_large_export_is_made_by_the_worker(worker, rich, settings):
    """Through the API, with a partner's key: the 202's job, done by the worker, has the file."""
    from tests.core.test_api import client_for, url

    world = rich
    settings.EXPORT_JOB_ROWS = 1
    partner = client_for(world.partner)
    answer = partner.get(url("indicator-values", format="csv"))
    assert answer.status_code == 202, answer.content[:300]
    job = _wait(Job.objects.get(kind="api.export").pk)
    assert job.state == Job.State.DONE, (job.message, job.result)
    status = partner.get(answer["Location"]).json()
    text = b"".join(partner.get(status["file"]).streaming_content).decode("utf-8-sig")
    assert text.count("\n") == job.result["rows"] + 1 and job.result["rows"] > 1


def test_an_approval_reaches_the_figures_through_the_worker(worker, world, settings, client):
    """The approval commits; the worker refreshes the summary figures; the public overview
    (cached before) shows the new figure, never the stale one after that."""
    from analytics import figures, selectors
    from reporting import services
    from tests.reporting_helpers import submitted

    settings.FIGURES_REFRESH = "on_commit"
    world.policy.is_published = True
    world.policy.save()
    report = submitted(world)
    before = figures.version()
    overview = client.get(reverse("analytics:overview")).content.decode()  # now cached
    services.report_approve(user=world.reviewer, report=report, version=report.version)
    expected = {(world.indicator.pk, world.period.pk): 20}

    def now():
        return _read(lambda: selectors.period_figures([world.indicator], [world.period]))

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # the submission's refreshes may still be queued first
        if now() == expected:
            break
        time.sleep(0.1)
    assert now() == expected, "the worker did not refresh the figures"
    assert _read(figures.version) > before
    assert _read(lambda: client.get(reverse("analytics:overview")).content.decode()) != overview
