"""Who may do what with a report, through the web pages (routing, login and all)."""

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from reporting import permissions, services
from reporting.models import ReportStatus
from tests.reporting_helpers import approved, draft, fresh, submitted
from tests.signin_helpers import verified_login

USERS = [
    "reporter",
    "colleague",
    "other_reporter",
    "gov_focal",
    "baghdad_focal",
    "reviewer",
    "admin",
    "partner",
    "nobody",
]

# Who sees the draft of CSO A on an activity in Baghdad and Basra.
MAY_VIEW_OWN = {"reporter", "colleague", "reviewer", "admin"}
# Who sees it once submitted: governorate focal points of Baghdad and Basra read it too.
MAY_VIEW_SUBMITTED = MAY_VIEW_OWN | {"gov_focal", "baghdad_focal"}
# Who sees CSO B's draft on a nation-wide activity.
MAY_VIEW_OTHER = {"other_reporter", "reviewer", "admin"}
MAY_EDIT_OWN = {"reporter", "colleague"}
MAY_REVIEW = {"reviewer", "admin"}


def login(client, world, name):
    verified_login(client, getattr(world, name))
    return client


def other_report(world):
    return services.report_start(
        user=world.other_reporter,
        activity=world.other_activity,
        period=world.period,
        entity=world.other_cso_entity,
    )


def with_evidence(world, report):
    pdf = SimpleUploadedFile("proof.pdf", b"%PDF-1.4\n% proof\n", content_type="application/pdf")
    return services.evidence_add(user=world.reporter, report=report, upload=pdf)


@pytest.mark.parametrize("name", USERS)
def test_who_sees_a_report_and_its_evidence(client, world, name):
    report = draft(world)
    evidence = with_evidence(world, report)
    login(client, world, name)
    page = client.get(reverse("reporting:report", args=[report.pk]))
    download = client.get(reverse("reporting:evidence", args=[evidence.pk]))
    if name in MAY_VIEW_OWN:
        assert page.status_code == 200
        assert download.status_code == 200
        assert download["Content-Disposition"].startswith('attachment; filename="proof.pdf"')
        assert b"".join(download.streaming_content).startswith(b"%PDF")
    else:
        assert page.status_code == 404  # not 403: do not reveal that it exists
        assert download.status_code == 404


@pytest.mark.parametrize("name", USERS)
def test_who_sees_another_entitys_report(client, world, name):
    report = other_report(world)
    login(client, world, name)
    status = client.get(reverse("reporting:report", args=[report.pk])).status_code
    assert status == (200 if name in MAY_VIEW_OTHER else 404)


@pytest.mark.parametrize("name", USERS)
def test_partners_read_approved_reports_only(client, world, name):
    report = approved(world)
    login(client, world, name)
    status = client.get(reverse("reporting:report", args=[report.pk])).status_code
    assert status == (200 if name in MAY_VIEW_SUBMITTED | {"partner"} else 404)


@pytest.mark.parametrize("name", USERS)
def test_who_edits_and_submits_a_draft(client, world, name):
    report = draft(world)
    login(client, world, name)
    page = client.get(reverse("reporting:edit", args=[report.pk]))
    if name in MAY_EDIT_OWN:
        assert page.status_code == 200
    else:
        assert page.status_code in (403, 404)
    allowed = permissions.can_edit_report(getattr(world, name), report)
    assert allowed == (name in MAY_EDIT_OWN)
    if not allowed:
        with pytest.raises(PermissionDenied):
            services.report_update(
                user=getattr(world, name),
                report=report,
                version=report.version,
                data={"challenges": "x"},
            )


@pytest.mark.parametrize("name", USERS)
@pytest.mark.parametrize("action", ["approve", "return"])
def test_who_approves_and_returns(client, world, name, action):
    report = submitted(world)
    login(client, world, name)
    response = client.post(
        reverse("reporting:report", args=[report.pk]),
        {"action": action, "version": report.version, "comment": "Thanks", "confirm": "on"},
    )
    expected = {"approve": ReportStatus.APPROVED, "return": ReportStatus.RETURNED}[action]
    if name in MAY_REVIEW:
        assert response.status_code == 302
        assert fresh(report).status == expected
    else:
        assert fresh(report).status == ReportStatus.SUBMITTED
        assert response.status_code in (403, 404)


@pytest.mark.parametrize("name", USERS)
def test_only_a_directorate_admin_reopens(client, world, name):
    report = approved(world)
    login(client, world, name)
    client.post(
        reverse("reporting:report", args=[report.pk]),
        {"action": "reopen", "reason": "Wrong district"},
    )
    assert fresh(report).status == (
        ReportStatus.RETURNED if name == "admin" else ReportStatus.APPROVED
    )


@pytest.mark.parametrize("name", USERS)
def test_who_may_start_a_report_for_cso_a(client, world, name):
    login(client, world, name)
    client.post(
        reverse("reporting:start"),
        {
            "activity": world.activity.pk,
            "period": world.period.pk,
            "entity": world.cso_entity.pk,
        },
    )
    created = world.activity.reports.filter(entity=world.cso_entity).exists()
    assert created == (name in MAY_EDIT_OWN)


def test_a_governorate_office_reports_for_its_own_governorate_only(client, world):
    login(client, world, "gov_focal")
    client.post(
        reverse("reporting:start"),
        {
            "activity": world.activity.pk,
            "period": world.period.pk,
            "entity": world.office.pk,
            "governorate": world.basra.pk,
        },
    )
    report = world.activity.reports.get(entity=world.office)
    assert report.governorate == world.basra
    page = client.get(reverse("reporting:edit", args=[report.pk])).content.decode()
    assert "Basra" in page and "Baghdad" not in page  # one value per indicator, for Basra
    client.post(
        reverse("reporting:start"),
        {
            "activity": world.activity.pk,
            "period": world.period.pk,
            "entity": world.office.pk,
            "governorate": world.baghdad.pk,
        },
    )
    assert not world.activity.reports.filter(governorate=world.baghdad).exists()


def test_anonymous_visitors_are_sent_to_the_login_page(client, world):
    report = draft(world)
    for url in (
        reverse("reporting:my_work"),
        reverse("reporting:report", args=[report.pk]),
        reverse("reporting:edit", args=[report.pk]),
        reverse("reporting:queue"),
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_only_reviewers_open_the_review_queue(client, world):
    login(client, world, "reporter")
    assert client.get(reverse("reporting:queue")).status_code == 403
    login(client, world, "reviewer")
    assert client.get(reverse("reporting:queue")).status_code == 200


@pytest.mark.parametrize("name", USERS)
def test_governorate_focal_points_read_submitted_reports_in_their_governorate(client, world, name):
    report = submitted(world)
    login(client, world, name)
    status = client.get(reverse("reporting:report", args=[report.pk])).status_code
    assert status == (200 if name in MAY_VIEW_SUBMITTED else 404)


def test_a_governorate_scoped_cso_reporter_reads_no_other_entitys_reports(client, world):
    from accounts.models import Role
    from accounts.services import membership_grant
    from tests.factories import UserFactory

    stranger = UserFactory(username="stranger")
    membership_grant(
        user=stranger, entity=world.office, role=Role.CSO_REPORTER, governorate=world.basra
    )
    report = submitted(world)
    verified_login(client, stranger)
    assert client.get(reverse("reporting:report", args=[report.pk])).status_code == 404


def test_a_focal_point_does_not_read_another_governorates_report(client, world):
    office_report = services.report_start(
        user=world.gov_focal,
        activity=world.activity,
        period=world.period,
        entity=world.office,
        governorate=world.basra,
    )
    office_report.achievements = "x"
    login(client, world, "baghdad_focal")
    assert client.get(reverse("reporting:report", args=[office_report.pk])).status_code == 404
