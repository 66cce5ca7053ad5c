"""Large API exports: above EXPORT_JOB_ROWS a partner gets a background job whose file holds
exactly what the file made in the request held; a visitor is asked to narrow the list."""

import csv
import io

import openpyxl
import pytest
from django.urls import reverse

from audit.models import AccessEvent, Kind
from jobs.models import Job
from tests.core.test_api import client_for, url
from tests.core.test_api import rich as rich_fixture

rich = rich_fixture

pytestmark = pytest.mark.django_db
BROWSER_ACCEPT = "text/html,application/xhtml+xml,*/*;q=0.8"


def _csv(content):
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def _job_file(client, answer):
    assert answer.status_code == 202, answer.content[:500]
    status = client.get(answer["Location"]).json()
    assert status["state"] == "done", status
    download = client.get(status["file"])
    assert download.status_code == 200
    return b"".join(download.streaming_content)


@pytest.mark.parametrize("name", ["indicator-values", "activities", "reports"])
def test_a_large_export_is_a_job_whose_file_equals_the_one_made_in_the_request(
    rich, name, settings, django_capture_on_commit_callbacks
):
    partner = client_for(rich.reviewer if name == "reports" else rich.partner)
    in_request = _csv(partner.get(url(name, format="csv")).content)
    assert len(in_request) > 2, in_request  # a header and rows
    settings.EXPORT_JOB_ROWS = 1
    with django_capture_on_commit_callbacks(execute=True):
        answer = partner.get(url(name, format="csv"))
    assert _csv(_job_file(partner, answer)) == in_request
    job = Job.objects.get()
    assert (
        job.user_id in (rich.partner.pk, rich.reviewer.pk)
        and job.result["rows"] == len(in_request) - 1
    )


def test_a_large_xlsx_export_is_a_job_and_keeps_the_filters(
    rich, settings, django_capture_on_commit_callbacks
):
    partner = client_for(rich.partner)
    filtered = url("indicator-values", governorate="IQ-BG", format="xlsx")
    expected = openpyxl.load_workbook(io.BytesIO(partner.get(filtered).content)).active
    settings.EXPORT_JOB_ROWS = 0
    with django_capture_on_commit_callbacks(execute=True):
        answer = partner.get(filtered)
    made = openpyxl.load_workbook(io.BytesIO(_job_file(partner, answer))).active
    rows = [[c.value for c in row] for row in made.iter_rows()]
    assert rows == [[c.value for c in row] for row in expected.iter_rows()]
    assert {r[rows[0].index("governorate")] for r in rows[1:]} == {"IQ-BG"}
    assert AccessEvent.objects.filter(kind=Kind.EXPORT, actor=rich.partner).count() >= 2


def test_a_visitor_is_asked_to_narrow_a_large_export(rich, settings):
    settings.EXPORT_JOB_ROWS = 1
    answer = client_for().get(url("indicator-values", format="csv"))
    assert answer.status_code == 400
    assert "Narrow the list with its filters" in answer.json()["detail"]
    assert not Job.objects.exists()


def test_someone_else_cannot_read_the_job_or_its_file(
    rich, settings, django_capture_on_commit_callbacks
):
    settings.EXPORT_JOB_ROWS = 1
    with django_capture_on_commit_callbacks(execute=True):
        answer = client_for(rich.partner).get(url("indicator-values", format="csv"))
    other = client_for(rich.reviewer)
    assert other.get(answer["Location"]).status_code == 404
    assert other.get(answer["Location"] + "file/").status_code == 404
    assert client_for().get(answer["Location"]).status_code in (401, 403)


def test_a_browser_signed_in_is_taken_to_the_jobs_page(
    rich, settings, client, django_capture_on_commit_callbacks
):
    from tests.signin_helpers import verified_login

    settings.EXPORT_JOB_ROWS = 1
    verified_login(client, rich.reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        answer = client.get(url("indicator-values", format="xlsx"), HTTP_ACCEPT=BROWSER_ACCEPT)
    job = Job.objects.get()
    assert answer.status_code == 302 and answer["Location"] == job.get_absolute_url()
    page = client.get(answer["Location"]).content.decode()
    assert reverse("jobs:download", args=[job.pk]) in page


def test_a_large_export_of_sensitive_values_is_in_the_access_log(
    rich, settings, django_capture_on_commit_callbacks
):
    from indicators.models import Indicator

    Indicator.objects.filter(pk=rich.indicator.pk).update(is_sensitive=True)
    partner = client_for(rich.partner)
    in_request = _csv(partner.get(url("indicator-values", format="csv")).content)
    settings.EXPORT_JOB_ROWS = 0
    with django_capture_on_commit_callbacks(execute=True):
        answer = partner.get(url("indicator-values", format="csv"))
    made = _csv(_job_file(partner, answer))
    assert made == in_request
    value = made[0].index("value")
    assert any(row[value] for row in made[1:])  # a partner sees the values
    job = Job.objects.get()
    event = AccessEvent.objects.get(kind=Kind.SENSITIVE_VALUES, details__job=str(job.pk))
    assert event.actor == rich.partner and rich.indicator.code in event.details["indicators"]
