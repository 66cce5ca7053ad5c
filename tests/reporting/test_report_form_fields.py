"""The report form's fields as reporters and reviewers meet them (issue 16): "not available"
answers, the error summary linking to each field, errors read out with their field, numbers typed
with Eastern Arabic digits, the plausibility warning, the Approve confirmation and the evidence
file kept through a validation error."""

import re
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, connection, transaction
from django.urls import reverse

from reporting import services
from reporting.models import Evidence, IndicatorValue, ReportStatus
from tests.reporting.test_reporting_pages import PDF, edit_url, form_data
from tests.reporting_helpers import complete, draft, fresh, submitted
from tests.signin_helpers import verified_login


@pytest.fixture
def reporter_client(client, world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    verified_login(client, world.reporter)
    return client


def baghdad(world):
    return f"value-{world.indicator.pk}-IQ-BG"


def basra(world):
    return f"value-{world.indicator.pk}-IQ-BA"


def tag(page, element_id):
    """The opening tag of the element with this id."""
    found = re.search(rf'<[a-z]+[^>]*\bid="{re.escape(element_id)}"[^>]*>', page)
    assert found, element_id
    return found.group(0)


def described_by(page, element_id):
    found = re.search(r'aria-describedby="([^"]*)"', tag(page, element_id))
    return found.group(1).split() if found else []


# -- 1. "not available" ---------------------------------------------------------------------------
def test_a_value_marked_not_available_is_saved_as_such_and_the_report_can_be_submitted(
    reporter_client, world
):
    report = draft(world)
    data = form_data(report, world, action="submit")
    data[basra(world)] = ""
    data[f"{basra(world)}-na"] = "on"
    data[f"{basra(world)}-reason"] = "The office in Basra had no access to the records."
    response = reporter_client.post(edit_url(report), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert fresh(report).status == ReportStatus.SUBMITTED
    value = IndicatorValue.objects.get(report=report, governorate=world.basra)
    assert value.not_available and value.value is None
    assert value.note == "The office in Basra had no access to the records."
    # The reviewer reads "Not available" and the reason, not a dash or a zero.
    verified_login(reporter_client, world.reviewer)
    page = reporter_client.get(reverse("reporting:report", args=[report.pk])).content.decode()
    assert "Not available" in page and "no access to the records" in page
    assert "not available" in page  # in the changes, not an empty "after"


def test_the_form_shows_a_not_available_answer_again_and_a_value_replaces_it(
    reporter_client, world
):
    report = draft(world)
    data = form_data(report, world)
    data[basra(world)] = ""
    data[f"{basra(world)}-na"] = "on"
    reporter_client.post(edit_url(report), data)
    page = reporter_client.get(edit_url(report)).content.decode()
    assert "checked" in tag(page, f"id_{basra(world)}-na")
    report = fresh(report)
    reporter_client.post(edit_url(report), form_data(report, world))
    value = IndicatorValue.objects.get(report=report, governorate=world.basra)
    assert (value.value, value.not_available) == (Decimal("4"), False)


def test_a_value_and_not_available_together_are_refused(reporter_client, world):
    report = draft(world)
    data = form_data(report, world)
    data[f"{basra(world)}-na"] = "on"
    page = reporter_client.post(edit_url(report), data).content.decode()
    assert "not both" in page
    assert not IndicatorValue.objects.filter(report=report).exists()


def test_not_available_counts_neither_as_missing_nor_in_the_figures(world):
    from analytics import raw

    report = draft(world)
    report = services.report_update(
        user=world.reporter,
        report=report,
        version=report.version,
        data={"activity_status": "in_progress", "percent_complete": 10, "achievements": "x"},
        values={
            (world.indicator.pk, world.baghdad.pk): Decimal("12"),
            (world.indicator.pk, world.basra.pk): services.NotAvailable("no records"),
        },
    )
    assert services.report_missing(report) == {}
    report = services.report_submit(user=world.reporter, report=report, version=report.version)
    services.report_approve(user=world.reviewer, report=report, version=report.version)
    figures = raw.period_figures([world.indicator], [world.period])
    assert figures[(world.indicator.pk, world.period.pk)] == Decimal("12")


def test_the_database_refuses_a_value_with_neither_a_number_nor_not_available(world):
    report = draft(world)
    with pytest.raises(IntegrityError), transaction.atomic():
        IndicatorValue.objects.create(report=report, indicator=world.indicator, value=None)


def test_an_approved_reports_values_stay_locked_after_the_migration(world):
    """Making the value nullable rebuilt the table on SQLite: its lock triggers came back."""
    from tests.reporting_helpers import approved

    report = approved(world)
    with (
        pytest.raises(Exception, match="approved and locked"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(
            "UPDATE reporting_indicatorvalue SET value = 99 WHERE report_id = %s", [report.pk]
        )


def test_the_api_takes_and_shows_a_not_available_value(world):
    from tests.core.test_api import client_for, url

    report = draft(world)
    api = client_for(world.reporter)
    sent = api.patch(
        url("reports", report.pk),
        {
            "version": report.version,
            "values": [
                {
                    "indicator": world.indicator.pk,
                    "governorate": "IQ-BA",
                    "value": None,
                    "not_available": True,
                    "note": "no access",
                }
            ],
        },
        format="json",
    )
    assert sent.status_code == 200, sent.content
    (value,) = api.get(url("reports", report.pk)).json()["values"]
    assert value["value"] is None and value["not_available"] is True
    assert value["note"] == "no access"
    both = api.patch(
        url("reports", report.pk),
        {
            "version": fresh(report).version,
            "values": [
                {
                    "indicator": world.indicator.pk,
                    "governorate": "IQ-BA",
                    "value": "3",
                    "not_available": True,
                }
            ],
        },
        format="json",
    )
    assert both.status_code == 400


# -- 2. the error summary links to each field; 3. errors read out with their field ----------------
def test_a_missing_value_is_linked_from_the_summary_and_marked_on_its_field(reporter_client, world):
    report = draft(world)
    data = form_data(report, world, action="submit", **{basra(world): ""})
    page = reporter_client.post(edit_url(report), data).content.decode()
    field_id = f"id_{basra(world)}"
    summary = page[page.index('id="error-summary"') :]
    summary = summary[: summary.index("</div>")]
    assert f'href="#{field_id}"' in summary and "1.1.1-a" in summary
    assert 'aria-invalid="true"' in tag(page, field_id)
    assert 'aria-invalid="true"' not in tag(page, f"id_{baghdad(world)}")


def test_every_error_is_read_out_with_its_field(reporter_client, world):
    report = draft(world)
    data = form_data(report, world, percent_complete="140", **{baghdad(world): "lots"})
    page = reporter_client.post(edit_url(report), data).content.decode()
    for name in ("percent_complete", baghdad(world)):
        ids = described_by(page, f"id_{name}")
        assert f"id_{name}_error" in ids
        for element_id in ids:  # every id it points to exists
            tag(page, element_id)
    assert "Ensure this value is less than or equal to 100." in page
    assert "lots" in page  # what was typed stays


def test_the_error_message_has_the_id_the_field_points_to_on_every_form(client, world):
    """The shared include (login, preferences, follow-up...): the login page with an error."""
    page = client.post(reverse("login"), {"username": "", "password": ""}).content.decode()
    pointed = re.findall(r'aria-describedby="([^"]*)"', page)
    assert pointed
    for ids in pointed:
        for element_id in ids.split():
            tag(page, element_id)


# -- 4. numbers typed with Eastern Arabic or Persian digits ---------------------------------------
def test_number_fields_are_text_boxes_with_a_number_keypad(reporter_client, world):
    page = reporter_client.get(edit_url(draft(world))).content.decode()
    assert 'type="number"' not in page
    assert 'inputmode="decimal"' in tag(page, f"id_{baghdad(world)}")
    assert 'inputmode="numeric"' in tag(page, "id_percent_complete")
    assert 'inputmode="numeric"' in tag(page, "id_people-female-18-29")


@pytest.mark.parametrize(
    ("percent", "people", "value", "expected"),
    [
        ("٣٥", "١٤", "١٢٫٥", (35, 14, Decimal("12.5"))),  # Eastern Arabic
        ("۳۵", "۱۴", "۱۲٫۵", (35, 14, Decimal("12.5"))),  # Persian, as Kurdish keyboards type
        ("35%", "1,400", "1,250.5", (35, 1400, Decimal("1250.5"))),
        ("٣٥٪", "١٬٤٠٠", "١٬٢٥٠", (35, 1400, Decimal("1250"))),
        ("35", "1،400", "1250", (35, 1400, Decimal("1250"))),
    ],
)
def test_numbers_are_read_in_both_digit_sets_with_their_separators(
    reporter_client, world, percent, people, value, expected
):
    report = draft(world)
    data = form_data(
        report,
        world,
        percent_complete=percent,
        **{"people-female-18-29": people, baghdad(world): value},
        figures_confirmed="on",  # 1250 is far above the target of 50
    )
    response = reporter_client.post(edit_url(report), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    report = fresh(report)
    saved = IndicatorValue.objects.get(report=report, governorate=world.baghdad).value
    count = report.people.get(sex="female", age_band="18-29").count
    assert (report.percent_complete, count, saved) == expected


def test_a_comma_as_decimal_point_is_refused_not_read_as_thousands(reporter_client, world):
    report = draft(world)
    page = reporter_client.post(
        edit_url(report), form_data(report, world, **{baghdad(world): "12,5"})
    ).content.decode()
    assert "Type a number" in page
    assert not IndicatorValue.objects.filter(report=report).exists()


def test_a_word_for_a_number_is_refused_on_an_arabic_page_and_kept_as_typed(
    reporter_client, world, settings
):
    report = draft(world)
    reporter_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"
    page = reporter_client.post(
        edit_url(report), form_data(report, world, **{baghdad(world): "كثير"})
    ).content.decode()
    assert 'lang="ar"' in page
    assert "كثير" in page  # kept as typed
    assert 'aria-invalid="true"' in tag(page, f"id_{baghdad(world)}")
    assert f"id_{baghdad(world)}_error" in described_by(page, f"id_{baghdad(world)}")


# -- 5. plausibility ------------------------------------------------------------------------------
def test_a_value_far_above_its_target_asks_for_confirmation_then_saves(reporter_client, world):
    report = draft(world)  # the target is 50
    data = form_data(report, world, **{baghdad(world): "207"})
    page = reporter_client.post(edit_url(report), data).content.decode()
    assert "414% of the target" in page
    assert "The figures are correct" in page
    assert not IndicatorValue.objects.filter(report=report).exists()  # not saved yet
    assert f"id_{baghdad(world)}_warning" in described_by(page, f"id_{baghdad(world)}")
    data["figures_confirmed"] = "on"
    assert reporter_client.post(edit_url(report), data).status_code == 302
    assert IndicatorValue.objects.get(report=report, governorate=world.baghdad).value == 207
    # Saved once confirmed, the same figure does not ask again.
    report = fresh(report)
    again = form_data(report, world, achievements="More text", **{baghdad(world): "207"})
    assert reporter_client.post(edit_url(report), again).status_code == 302
    # The reviewer sees the flag.
    report = fresh(report)
    services.report_submit(user=world.reporter, report=report, version=report.version)
    verified_login(reporter_client, world.reviewer)
    page = reporter_client.get(reverse("reporting:report", args=[report.pk])).content.decode()
    assert "414% of the target" in page


def test_a_count_of_governorates_above_their_number_is_flagged(world):
    from governorates.models import Governorate
    from reporting.plausibility import value_warning
    from tests.factories import IndicatorFactory

    indicator = IndicatorFactory(
        policy=world.indicator.policy,
        objective=None,
        activity=world.activity,
        code="4.2.2-b",
        title_en="Number of governorates with a women's protection unit",
        unit="number",
    )
    count = Governorate.objects.count()
    assert value_warning(indicator, Decimal(count + 1))
    assert value_warning(indicator, Decimal(count)) is None
    # 413% of a target of 19.
    assert "413%" in value_warning(indicator, Decimal("78.5"), Decimal("19"), governorates=19)


# -- 6. Approve asks for confirmation -------------------------------------------------------------
def test_approve_without_the_confirmation_does_not_lock_the_report(client, world):
    report = submitted(world)
    verified_login(client, world.reviewer)
    url = reverse("reporting:report", args=[report.pk])
    page = client.get(url).content.decode()
    assert "approving locks the report" in page
    response = client.post(url, {"action": "approve", "version": report.version})
    assert response.status_code == 200
    assert "Tick the box to confirm" in response.content.decode()
    assert fresh(report).status == ReportStatus.SUBMITTED
    client.post(url, {"action": "approve", "version": report.version, "confirm": "on"})
    assert fresh(report).status == ReportStatus.APPROVED


def test_return_needs_no_confirmation(client, world):
    report = submitted(world)
    verified_login(client, world.reviewer)
    url = reverse("reporting:report", args=[report.pk])
    client.post(url, {"action": "return", "version": report.version, "comment": "Which?"})
    assert fresh(report).status == ReportStatus.RETURNED


# -- 7. the evidence file survives a validation error; the camera on phones -----------------------
def test_a_validation_error_keeps_the_chosen_evidence_file(reporter_client, world, settings):
    report = draft(world)
    data = form_data(report, world, percent_complete="140")
    data["evidence"] = SimpleUploadedFile("attendance.pdf", PDF)
    page = reporter_client.post(edit_url(report), data).content.decode()
    assert "There is a problem" in page
    assert "Kept:" in page and "attendance.pdf" in page
    assert Evidence.objects.filter(report=report).count() == 1
    # The next valid save does not add it twice.
    data = form_data(fresh(report), world)
    assert reporter_client.post(edit_url(report), data).status_code == 302
    assert [e.original_name for e in Evidence.objects.filter(report=report)] == ["attendance.pdf"]
    assert len([p for p in settings.MEDIA_ROOT.rglob("*") if p.is_file()]) == 1


def test_an_incomplete_submission_shows_the_file_it_saved(reporter_client, world):
    report = draft(world)
    data = form_data(report, world, action="submit", **{basra(world): ""})
    data["evidence"] = SimpleUploadedFile("minutes.pdf", PDF)
    page = reporter_client.post(edit_url(report), data).content.decode()
    assert "missing" in page.lower() and "minutes.pdf" in page
    assert Evidence.objects.filter(report=report).count() == 1


def test_a_refused_file_is_not_kept(reporter_client, world):
    report = draft(world)
    data = form_data(report, world, percent_complete="140")
    data["evidence"] = SimpleUploadedFile("run.exe", b"MZ\x90\x00")
    page = reporter_client.post(edit_url(report), data).content.decode()
    assert "choose the file again" in page
    assert not Evidence.objects.exists()


def test_the_evidence_input_offers_the_camera_and_files(reporter_client, world):
    page = reporter_client.get(edit_url(draft(world))).content.decode()
    field = tag(page, "id_evidence")
    accept = re.search(r'accept="([^"]*)"', field).group(1).split(",")
    assert "image/*" in accept and "application/pdf" in accept and ".docx" in accept
    assert "capture" not in field


def test_complete_helper_still_submits(world):
    report = complete(world, draft(world))
    assert services.report_missing(report) == {}


# -- "not available" through the report workbook (download, fill in, upload) ----------------------
def test_not_available_goes_through_the_workbook_both_ways(client, world):
    from tests.reporting.test_report_workbook import (
        _book,
        _confirm,
        _download,
        _rows,
        _save,
        _upload,
    )

    report = complete(world, draft(world))
    report = services.report_update(
        user=world.reporter,
        report=report,
        version=report.version,
        values={(world.indicator.pk, world.basra.pk): services.NotAvailable("no records")},
    )
    verified_login(client, world.reporter)
    content = _download(client, world)
    rows = {r["governorate"].value: r for r in _rows(_book(content).worksheets[1])}
    assert rows["IQ-BA"]["not_available"].value == "Yes"
    assert rows["IQ-BA"]["note"].value == "no records" and rows["IQ-BA"]["value"].value is None
    # Untouched, the file changes nothing.
    check = _upload(client, content)
    assert check.result["reports"][0]["state"] == "unchanged"
    # Baghdad marked not available in the file; Basra given a value.
    book = _book(content)
    for row in _rows(book.worksheets[1]):
        if row["governorate"].value == "IQ-BG":
            row["value"].value = None
            row["not_available"].value = "Yes"
            row["note"].value = "Survey postponed"
        if row["governorate"].value == "IQ-BA":
            row["not_available"].value = None
            row["value"].value = 7
    _confirm(client, _upload(client, _save(book)))
    values = {v.governorate.code: v for v in IndicatorValue.objects.filter(report=report)}
    assert (values["IQ-BG"].not_available, values["IQ-BG"].note) == (True, "Survey postponed")
    assert values["IQ-BG"].value is None
    assert (values["IQ-BA"].value, values["IQ-BA"].not_available) == (7, False)
