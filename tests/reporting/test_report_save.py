"""The report form's one action (reporting.services.report_save): save, add and remove evidence,
and submit, in one transaction. A failure half-way writes nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from reporting import services
from reporting.models import Evidence, ReportStatus
from tests.reporting.test_reporting_pages import PDF, edit_url, form_data
from tests.reporting_helpers import complete, draft, fresh
from tests.signin_helpers import verified_login


@pytest.fixture
def reporter_client(client, world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    verified_login(client, world.reporter)
    return client


def stored_files(settings):
    return [p for p in settings.MEDIA_ROOT.rglob("*") if p.is_file()]


def test_a_failure_after_the_text_is_saved_leaves_nothing_half_written(
    reporter_client, world, monkeypatch, settings
):
    """The disk fills up while the evidence is stored: the typed text is not saved either (the
    person is told the save failed, so it must not have half happened)."""
    report = draft(world)

    def disk_full(**kwargs):
        raise OSError("No space left on device")

    monkeypatch.setattr(services, "evidence_add", disk_full)
    data = form_data(report, world, achievements="Typed with a file")
    data["evidence"] = SimpleUploadedFile("minutes.pdf", PDF)
    with pytest.raises(OSError):
        reporter_client.post(edit_url(report), data)
    after = fresh(report)
    assert after.achievements == "" and after.version == report.version
    assert not after.values.exists()


def test_a_refusal_after_the_file_is_stored_removes_the_file_too(
    reporter_client, world, monkeypatch, settings
):
    report = draft(world)
    reporter_client.post(
        edit_url(report),
        {**form_data(report, world), "evidence": SimpleUploadedFile("old.pdf", PDF)},
    )
    old = Evidence.objects.get()
    report = fresh(report)

    def refuse(**kwargs):
        raise services.TransitionNotAllowed("The report was submitted meanwhile.")

    monkeypatch.setattr(services, "evidence_remove", refuse)
    with pytest.raises(services.TransitionNotAllowed):
        services.report_save(
            user=world.reporter,
            report=report,
            version=report.version,
            data={"achievements": "New text"},
            evidence=SimpleUploadedFile("new.pdf", PDF),
            remove_evidence=old.pk,
        )
    assert list(Evidence.objects.all()) == [old]
    assert fresh(report).achievements == report.achievements
    assert len(stored_files(settings)) == 1  # the old file only: the new one is deleted


def test_save_add_evidence_and_submit_is_one_call(reporter_client, world):
    report = complete(world, draft(world))
    data = form_data(report, world, action="submit", achievements="All done.")
    data["evidence"] = SimpleUploadedFile("attendance.pdf", PDF)
    response = reporter_client.post(edit_url(report), data)
    assert response.status_code == 302
    after = fresh(report)
    assert after.status == ReportStatus.SUBMITTED
    assert after.achievements == "All done."
    assert after.evidence.get().original_name == "attendance.pdf"
    kinds = list(after.events.values_list("kind", flat=True))
    assert kinds.count("submitted") == 1


def test_an_incomplete_submission_keeps_the_draft_and_says_what_is_missing(reporter_client, world):
    report = draft(world)
    data = form_data(report, world, action="submit", achievements="")
    data[f"value-{world.indicator.pk}-IQ-BG"] = ""
    page = reporter_client.post(edit_url(report), data)
    assert page.status_code == 200
    assert "saved as a draft, but not yet submitted" in page.content.decode()
    after = fresh(report)
    assert after.status == ReportStatus.DRAFT and after.version > report.version
