"""The reporter and reviewer pages, used the way people use them."""

import io
import re
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from reporting.models import Evidence, ProgressReport, ReportStatus
from tests.reporting_helpers import approved, complete, draft, fresh, returned, submitted
from tests.signin_helpers import verified_login

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def docx_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


def form_data(report, world, **changes):
    data = {
        "version": report.version,
        "activity_status": "in_progress",
        "percent_complete": "35",
        "achievements": "Two workshops in Karkh.",
        "challenges": "",
        "next_steps": "",
        "people-female-18-29": "14",
        f"value-{world.indicator.pk}-IQ-BG": "9",
        f"value-{world.indicator.pk}-IQ-BA": "4",
        "action": "save",
    }
    data.update(changes)
    return data


@pytest.fixture
def reporter_client(client, world):
    verified_login(client, world.reporter)
    return client


def edit_url(report):
    return reverse("reporting:edit", args=[report.pk])


def test_my_activities_shows_what_is_due_returned_and_approved(reporter_client, world):
    returned(world, comment="Add the lists.")
    page = reporter_client.get(reverse("reporting:my_work")).content.decode()
    assert "Returned: please correct" in page
    assert "Correct and resubmit" in page
    assert world.activity.title_en in page
    assert world.other_activity.title_en not in page  # CSO B's activity


def test_a_reporter_saves_a_draft_and_finds_it_again(reporter_client, world):
    report = draft(world)
    response = reporter_client.post(edit_url(report), form_data(report, world))
    assert response.status_code == 302
    report = fresh(report)
    assert report.achievements == "Two workshops in Karkh." and report.percent_complete == 35
    assert report.status == ReportStatus.DRAFT
    page = reporter_client.get(edit_url(report)).content.decode()
    assert "Two workshops in Karkh." in page and 'value="9"' in page


def test_submitting_an_incomplete_report_keeps_the_text_and_names_what_is_missing(
    reporter_client, world
):
    report = draft(world)
    data = form_data(report, world, action="submit", **{f"value-{world.indicator.pk}-IQ-BA": ""})
    page = reporter_client.post(edit_url(report), data).content.decode()
    assert "There is a problem" in page
    assert "1.1.1-a: give a value, or tick “Not available”." in page  # beside the field
    assert "Two workshops in Karkh." in page
    assert fresh(report).status == ReportStatus.DRAFT


def test_the_form_shows_unit_baseline_target_and_last_period_beside_each_value(
    reporter_client, world
):
    page = reporter_client.get(edit_url(draft(world))).content.decode()
    # As read; the figure and the period are runs of their own (<bdi>) in the markup.
    read = re.sub(r"</?bdi[^>]*>", "", page)
    assert "Baseline" in read and ">5 (2020)<" in read
    assert "50 (2022-Q2)" in read  # the target of this period


def test_every_field_has_a_visible_label(reporter_client, world):
    page = reporter_client.get(edit_url(draft(world))).content.decode()

    ids = set(re.findall(r'<(?:input|select|textarea)[^>]*\bid="([^"]+)"', page))
    labelled = set(re.findall(r'<label for="([^"]+)"', page))
    assert ids - labelled <= {"id_version"}  # a hidden field
    assert len(labelled) > 15


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("report.pdf", PNG, "is not really a PDF file"),
        ("photo.png", b"<html><script>alert(1)</script></html>", "is not really a PNG file"),
        ("photo.jpg", b"<!doctype html><html></html>", "is not really a JPG file"),
        ("notes.docx", b"PK\x03\x04 not a real archive", "is not really a DOCX file"),
        ("run.exe", b"MZ\x90\x00", "is not a kind of file we accept"),
        ("empty.pdf", b"", "is empty"),
    ],
)
def test_a_bad_evidence_file_is_refused_and_nothing_typed_is_lost(
    reporter_client, world, name, content, message
):
    report = draft(world)
    data = form_data(report, world, achievements="Typed before the upload.")
    data["evidence"] = SimpleUploadedFile(name, content)
    page = reporter_client.post(edit_url(report), data).content.decode()
    assert message in page
    assert "Typed before the upload." in page
    assert "choose the file again" in page
    assert not Evidence.objects.exists()
    assert fresh(report).achievements == ""  # nothing half-saved


def test_an_oversized_file_is_refused(reporter_client, world, settings):
    settings.EVIDENCE_MAX_BYTES = 1000
    report = draft(world)
    data = form_data(report, world)
    data["evidence"] = SimpleUploadedFile("big.pdf", PDF + b"0" * 2000)
    page = reporter_client.post(edit_url(report), data).content.decode()
    assert "files may be at most 1000" in page
    assert not Evidence.objects.exists()


@pytest.mark.parametrize(
    ("name", "content"), [("a.pdf", PDF), ("b.png", PNG), ("c.docx", docx_bytes())]
)
def test_good_evidence_is_stored_outside_static_files_and_downloaded_as_attachment(
    reporter_client, world, name, content, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    report = draft(world)
    data = form_data(report, world)
    data["evidence"] = SimpleUploadedFile(name, content)
    assert reporter_client.post(edit_url(report), data).status_code == 302
    evidence = Evidence.objects.get()
    assert evidence.original_name == name
    assert str(tmp_path) in evidence.file.path and name not in evidence.file.name
    download = reporter_client.get(reverse("reporting:evidence", args=[evidence.pk]))
    assert download["Content-Disposition"].startswith("attachment")
    assert download["Content-Type"] == "application/octet-stream"
    assert download["X-Content-Type-Options"] == "nosniff"
    assert b"".join(download.streaming_content) == content


def test_two_people_editing_at_once_the_second_gets_a_conflict_and_keeps_their_text(client, world):
    report = draft(world)
    opened_version = report.version
    verified_login(client, world.reporter)
    client.post(edit_url(report), form_data(report, world, achievements="Reporter's text"))
    verified_login(client, world.colleague)
    page = client.post(
        edit_url(report),
        form_data(report, world, version=opened_version, achievements="Colleague's text"),
    ).content.decode()
    assert "Someone else changed this report" in page
    assert "Colleague&#x27;s text" in page
    assert fresh(report).achievements == "Reporter's text"
    # Having seen the warning, the colleague can save deliberately.
    again = client.post(
        edit_url(report), form_data(fresh(report), world, achievements="Colleague's text")
    )
    assert again.status_code == 302
    assert fresh(report).achievements == "Colleague's text"


def test_a_reviewer_returns_with_a_comment_the_reporter_reads_it_and_resubmits(client, world):
    report = submitted(world)
    verified_login(client, world.reviewer)
    url = reverse("reporting:report", args=[report.pk])
    page = client.post(url, {"action": "return", "version": report.version, "comment": ""})
    assert "Say what the reporter should change." in page.content.decode()
    client.post(url, {"action": "return", "version": report.version, "comment": "Which districts?"})
    verified_login(client, world.reporter)
    page = client.get(edit_url(report)).content.decode()
    assert "Returned by the reviewer" in page and "Which districts?" in page
    report = fresh(report)
    client.post(edit_url(report), form_data(report, world, action="submit"))
    assert fresh(report).status == ReportStatus.SUBMITTED


def test_the_review_page_shows_values_beside_last_period_and_target_and_the_timeline(client, world):
    report = submitted(world)
    verified_login(client, world.reviewer)
    page = client.get(reverse("reporting:report", args=[report.pk])).content.decode()
    assert "Last period" in page and "Target" in page
    assert "Timeline" in page and "Submitted" in page and "Created" in page


def test_the_review_queue_filters_by_pillar_governorate_entity_and_period(client, world):
    report = submitted(world)
    verified_login(client, world.reviewer)
    url = reverse("reporting:queue")
    assert world.activity.title_en[:30] in client.get(url).content.decode()
    pillar = world.activity.objective.pillar_id
    hit = client.get(
        url,
        {
            "pillar": pillar,
            "governorate": world.basra.pk,
            "entity": world.cso_entity.pk,
            "period": world.period.pk,
        },
    )
    assert f"/reports/{report.pk}/" in hit.content.decode()
    miss = client.get(url, {"entity": world.other_cso_entity.pk})
    assert f"/reports/{report.pk}/" not in miss.content.decode()


def test_an_approved_report_cannot_be_edited_through_the_form(client, world):
    report = approved(world)
    verified_login(client, world.reporter)
    assert client.get(edit_url(report)).status_code == 302
    client.post(edit_url(report), form_data(report, world, achievements="Changed after"))
    assert fresh(report).achievements == "Trained 20 women."


def test_an_approved_report_cannot_be_changed_or_deleted_in_the_admin(client, world, director):
    report = approved(world)
    verified_login(client, director)
    url = reverse("admin:reporting_progressreport_change", args=[report.pk])
    assert client.get(url).status_code == 200  # read-only view
    client.post(url, {"achievements": "Changed in admin", "status": "draft"})
    delete = client.post(
        reverse("admin:reporting_progressreport_delete", args=[report.pk]), {"post": "yes"}
    )
    assert delete.status_code == 403
    report = fresh(report)
    assert (report.status, report.achievements) == (ReportStatus.APPROVED, "Trained 20 women.")


def count_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_report_pages_cost_the_same_queries_however_long_the_report(client, world):
    from reporting import services
    from tests.factories import GovernorateFactory, IndicatorFactory

    report = complete(world, draft(world))
    verified_login(client, world.reviewer)
    detail = reverse("reporting:report", args=[report.pk])
    before = count_queries(client, detail)
    for n in range(4):
        IndicatorFactory(
            policy=world.policy, objective=None, activity=world.activity, code=f"1.1.1-x{n}"
        )
        world.activity.governorates.add(GovernorateFactory())
        services.report_comment(user=world.reviewer, report=report, comment=f"Note {n}")
    assert count_queries(client, detail) == before
    verified_login(client, world.reporter)
    assert count_queries(client, edit_url(report)) <= 30


def test_my_activities_costs_the_same_queries_for_more_activities(client, world):
    from tests.factories import ActivityFactory

    verified_login(client, world.reporter)
    before = count_queries(client, reverse("reporting:my_work"))
    for n in range(5):
        ActivityFactory(
            objective=world.activity.objective,
            code=f"1.1.{10 + n}",
            lead_entity=world.cso_entity,
            is_nationwide=True,
        )
    assert count_queries(client, reverse("reporting:my_work")) == before


def test_send_reminders_mails_reporters_with_reports_due_or_overdue(world, mailoutbox):
    out = io.StringIO()
    call_command("send_reminders", "--days", "36500", stdout=out)
    recipients = {a for m in mailoutbox for a in m.to}
    assert {"reporter@example.org", "colleague@example.org", "other@example.org"} <= recipients
    assert "reviewer@example.org" not in recipients
    (mine,) = [m for m in mailoutbox if m.to == ["reporter@example.org"]]
    assert world.activity.title_en in mine.body and mine.subject == "Progress reports due soon"


def test_send_reminders_skips_submitted_reports(world, mailoutbox):
    submitted(world)
    call_command("send_reminders", "--days", "36500", stdout=io.StringIO())
    bodies = [m.body for m in mailoutbox if m.to == ["reporter@example.org"]]
    assert all(world.activity.title_en not in body for body in bodies)
    assert ProgressReport.objects.count() == 1


def test_last_period_shows_only_approved_figures(client, world):
    from decimal import Decimal

    from reporting import services

    world.previous.status = "open"
    world.previous.save()
    old = services.report_start(
        user=world.reporter, activity=world.activity, period=world.previous, entity=world.cso_entity
    )
    services.report_update(
        user=world.reporter,
        report=old,
        version=old.version,
        values={(world.indicator.pk, world.baghdad.pk): Decimal("77")},
    )
    report = draft(world)
    verified_login(client, world.reporter)
    assert ">77<" not in client.get(edit_url(report)).content.decode()  # only a draft
    old = complete(world, fresh(old))
    old = services.report_submit(user=world.reporter, report=old, version=old.version)
    services.report_approve(user=world.reviewer, report=old, version=old.version)
    assert ">12<" in client.get(edit_url(report)).content.decode()  # the approved figure


def test_the_evidence_hint_gives_the_size_limit(reporter_client, world, settings):
    settings.EVIDENCE_MAX_BYTES = 10 * 1024 * 1024
    page = reporter_client.get(edit_url(draft(world))).content.decode()
    assert "at most 10.0\xa0MB" in page


def test_a_second_editor_after_a_submission_keeps_their_text_and_is_told_why(client, world):
    report = draft(world)
    opened = report.version
    verified_login(client, world.reporter)
    client.post(edit_url(report), form_data(report, world, action="submit"))
    assert fresh(report).status == ReportStatus.SUBMITTED
    verified_login(client, world.colleague)
    page = client.post(
        edit_url(report),
        form_data(report, world, version=opened, achievements="The colleague's late text"),
    )
    assert page.status_code == 200
    body = page.content.decode()
    assert "was submitted while you were editing it" in body
    assert "The colleague&#x27;s late text" in body


def test_malformed_ids_when_starting_a_report_are_not_found(reporter_client, world):
    response = reporter_client.post(
        reverse("reporting:start"),
        {"activity": "abc", "period": world.period.pk, "entity": world.cso_entity.pk},
    )
    assert response.status_code == 404


def test_a_returned_report_stays_on_my_activities_after_its_period_closes(reporter_client, world):
    returned(world, comment="Fix it")
    world.period.status = "closed"
    world.period.save()
    page = reporter_client.get(reverse("reporting:my_work")).content.decode()
    assert "Correct and resubmit" in page


def test_values_come_back_in_plain_digits(reporter_client, world):
    from decimal import Decimal

    from reporting import services

    report = draft(world)
    services.report_update(
        user=world.reporter,
        report=report,
        version=report.version,
        values={(world.indicator.pk, world.baghdad.pk): Decimal("600")},
    )
    page = reporter_client.get(edit_url(report)).content.decode()
    assert 'value="600"' in page and "E+" not in page


def test_a_percentage_over_100_is_refused_beside_its_field(reporter_client, world):
    world.indicator.unit = "percent"
    world.indicator.save()
    report = draft(world)
    data = form_data(report, world, **{f"value-{world.indicator.pk}-IQ-BG": "120"})
    page = reporter_client.post(edit_url(report), data).content.decode()
    assert "less than or equal to 100" in page
    assert "(Baghdad)" in page


def test_reminders_include_returned_reports(world, mailoutbox):
    returned(world)
    call_command("send_reminders", "--days", "36500", stdout=io.StringIO())
    (mine,) = [m for m in mailoutbox if m.to == ["reporter@example.org"]]
    assert world.activity.title_en in mine.body


def test_the_reviewer_sees_what_changed_in_a_resubmitted_report(client, world):
    report = returned(world)
    verified_login(client, world.reporter)
    client.post(
        edit_url(report),
        form_data(
            fresh(report),
            world,
            action="submit",
            achievements="Trained 20 women in Karkh.",
            **{f"value-{world.indicator.pk}-IQ-BG": "30"},
        ),
    )
    verified_login(client, world.reviewer)
    page = client.get(reverse("reporting:report", args=[report.pk])).content.decode()
    changes = page[page.index("Changes") : page.index("Timeline")]
    assert "1.1.1-a (Baghdad)" in changes
    assert ">12<" in changes and ">30<" in changes
    assert "Trained 20 women in Karkh." in changes
    assert "reporter" in changes


def test_removing_evidence_keeps_what_was_typed(reporter_client, world):
    report = draft(world)
    data = form_data(report, world)
    data["evidence"] = SimpleUploadedFile("a.pdf", PDF)
    reporter_client.post(edit_url(report), data)
    evidence = Evidence.objects.get()
    report = fresh(report)
    data = form_data(
        report, world, achievements="Typed, then removed a file", remove_evidence=str(evidence.pk)
    )
    assert reporter_client.post(edit_url(report), data).status_code == 302
    assert not Evidence.objects.exists()
    assert fresh(report).achievements == "Typed, then removed a file"
    timeline = reporter_client.get(reverse("reporting:report", args=[report.pk])).content
    assert b"a.pdf" in timeline  # in the changes: the file was added, then removed


def test_the_review_page_warns_when_group_counts_exceed_the_people_reached(client, world):
    from policy.models import VulnerableGroup
    from reporting import services

    group = VulnerableGroup.objects.create(code="idps", name_en="IDPs")
    world.activity.target_groups.set([group])
    report = draft(world)
    services.report_update(
        user=world.reporter,
        report=report,
        version=report.version,
        people={("female", "18-29"): 20, group.pk: 35},
    )
    verified_login(client, world.reporter)
    page = client.get(reverse("reporting:report", args=[report.pk])).content.decode()
    assert "the parts do not agree with the total" in page
    report = fresh(report)
    services.report_update(
        user=world.reporter, report=report, version=report.version, people={group.pk: 15}
    )
    page = client.get(reverse("reporting:report", args=[report.pk])).content.decode()
    assert "the parts do not agree" not in page


def test_the_report_page_shows_changes_and_events_whose_user_is_gone(client, world):
    """Seeded history rows have no user, and a user may be deleted: the page still answers."""
    report = submitted(world)
    report.history.update(history_user=None)
    IndicatorValueHistory = report.values.model.history.model
    IndicatorValueHistory.objects.filter(report_id=report.pk).update(history_user=None)
    for user in (world.reporter, world.reviewer):
        verified_login(client, user)
        response = client.get(reverse("reporting:report", args=[report.pk]))
        assert response.status_code == 200
        page = response.content.decode()
        assert "Timeline" in page and "Changes" in page and "<td" in page


def test_the_form_and_the_api_take_the_same_length_of_text(reporter_client, world):
    from rest_framework.test import APIClient

    from reporting.models import TEXT_LIMIT

    report = draft(world)
    page = reporter_client.get(edit_url(report)).content.decode()
    assert f'maxlength="{TEXT_LIMIT}"' in page
    too_long = "a" * (TEXT_LIMIT + 1)
    response = reporter_client.post(
        edit_url(report), form_data(report, world, achievements=too_long)
    )
    assert response.status_code == 200
    assert "at most 20" in response.content.decode()
    assert ProgressReport.objects.get(pk=report.pk).achievements == ""
    api = APIClient()
    api.force_authenticate(world.reporter)
    answer = api.patch(
        f"/api/v1/reports/{report.pk}/",
        {"version": report.version, "achievements": too_long},
        format="json",
    )
    assert answer.status_code == 400 and "achievements" in answer.json()
    just_right = "a" * TEXT_LIMIT
    response = reporter_client.post(
        edit_url(report), form_data(report, world, achievements=just_right)
    )
    assert ProgressReport.objects.get(pk=report.pk).achievements == just_right


def test_a_form_too_large_to_read_gets_a_page_that_says_so(reporter_client, world, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    settings.DEBUG_PROPAGATE_EXCEPTIONS = False
    report = draft(world)
    response = reporter_client.post(
        edit_url(report),
        form_data(report, world, achievements="a" * 2000),
        HTTP_REFERER="http://testserver" + edit_url(report),
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Too much to send at once" in page and "your browser keeps what you typed" in page
    assert edit_url(report) in page
