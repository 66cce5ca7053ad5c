"""The reporting workflow: draft -> submitted -> returned -> submitted -> approved (locked)."""

from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from indicators.models import ReportingPeriod
from reporting import services
from reporting.models import IndicatorValue, ReportEvent, ReportStatus
from tests.reporting_helpers import approved, complete, draft, fresh, returned, submitted


def kinds(report):
    return list(report.events.values_list("kind", flat=True))


def test_a_report_walks_the_whole_workflow_and_its_timeline_says_so(
    world, django_capture_on_commit_callbacks
):
    report = draft(world)
    assert report.status == ReportStatus.DRAFT
    report = complete(world, report)
    report = services.report_submit(user=world.reporter, report=report, version=report.version)
    report = services.report_return(
        user=world.reviewer, report=report, version=report.version, comment="Which districts?"
    )
    report = services.report_update(
        user=world.reporter,
        report=report,
        version=report.version,
        data={"achievements": "Trained 20 women in Karkh."},
    )
    report = services.report_submit(user=world.reporter, report=report, version=report.version)
    report = services.report_approve(user=world.reviewer, report=report, version=report.version)
    assert report.status == ReportStatus.APPROVED and report.is_locked
    assert kinds(report) == ["created", "submitted", "returned", "submitted", "approved"]
    returned_event = report.events.get(kind="returned")
    assert (returned_event.user, returned_event.comment) == (world.reviewer, "Which districts?")


def test_every_step_leaves_a_history_record_with_its_user(world):
    report = submitted(world)
    services.report_approve(user=world.reviewer, report=report, version=report.version)
    history = list(fresh(report).history.order_by("history_date"))
    assert [h.status for h in history][-2:] == ["submitted", "approved"]
    assert history[-1].history_user == world.reviewer
    value = IndicatorValue.objects.filter(report=report).first()
    assert value.history.first().history_user == world.reporter


def test_a_report_cannot_be_submitted_before_it_is_complete(world):
    report = draft(world)
    with pytest.raises(ValidationError) as info:
        services.report_submit(user=world.reporter, report=report, version=report.version)
    missing = info.value.message_dict
    # the activity's status is copied from the plan when the report starts
    assert set(missing) == {"percent_complete", "achievements", "values"}
    assert "1.1.1-a" in missing["values"][0]
    assert fresh(report).status == ReportStatus.DRAFT


def test_returning_needs_a_comment(world):
    report = submitted(world)
    with pytest.raises(ValidationError) as info:
        services.report_return(
            user=world.reviewer, report=report, version=report.version, comment="  "
        )
    assert "comment" in info.value.message_dict
    assert fresh(report).status == ReportStatus.SUBMITTED


@pytest.mark.parametrize(
    ("make", "step"),
    [
        ("draft", "approve"),
        ("draft", "return"),
        ("draft", "reopen"),
        ("submitted", "submit"),
        ("submitted", "reopen"),
        ("submitted", "update"),
        ("returned", "approve"),
        ("returned", "return"),
        ("returned", "reopen"),
        ("approved", "submit"),
        ("approved", "approve"),
        ("approved", "return"),
        ("approved", "update"),
    ],
)
def test_an_illegal_step_is_refused_and_changes_nothing(world, make, step):
    report = {
        "draft": lambda: complete(world, draft(world)),
        "submitted": lambda: submitted(world),
        "returned": lambda: returned(world),
        "approved": lambda: approved(world),
    }[make]()
    before = (report.status, report.version, report.events.count())
    actions = {
        "submit": lambda: services.report_submit(
            user=world.reporter, report=report, version=report.version
        ),
        "update": lambda: services.report_update(
            user=world.reporter, report=report, version=report.version, data={"challenges": "x"}
        ),
        "approve": lambda: services.report_approve(
            user=world.reviewer, report=report, version=report.version
        ),
        "return": lambda: services.report_return(
            user=world.reviewer, report=report, version=report.version, comment="no"
        ),
        "reopen": lambda: services.report_reopen(user=world.admin, report=report, reason="why"),
    }
    with pytest.raises(services.ReportError):
        actions[step]()
    after = fresh(report)
    assert (after.status, after.version, after.events.count()) == before


def test_an_approved_report_is_locked_for_every_write(world, tmp_path):
    report = approved(world)
    from django.core.files.uploadedfile import SimpleUploadedFile

    pdf = SimpleUploadedFile("a.pdf", b"%PDF-1.4 proof", content_type="application/pdf")
    for attempt in (
        lambda: services.report_update(
            user=world.reporter,
            report=report,
            version=report.version,
            values={(world.indicator.pk, world.baghdad.pk): 99},
        ),
        lambda: services.evidence_add(user=world.reporter, report=report, upload=pdf),
        lambda: services.report_return(
            user=world.admin, report=report, version=report.version, comment="late fix"
        ),
    ):
        with pytest.raises(services.ReportLocked):
            attempt()
    assert IndicatorValue.objects.get(report=report, governorate=world.baghdad).value == 12


def test_a_directorate_admin_reopens_with_a_reason_and_it_is_recorded(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    report = approved(world)
    with pytest.raises(ValidationError):
        services.report_reopen(user=world.admin, report=report, reason="")
    with django_capture_on_commit_callbacks(execute=True):
        report = services.report_reopen(
            user=world.admin, report=report, reason="The Baghdad figure double-counts a workshop."
        )
    assert report.status == ReportStatus.RETURNED and not report.is_locked
    event = report.events.last()
    assert (event.kind, event.user, event.comment) == (
        ReportEvent.Kind.REOPENED,
        world.admin,
        "The Baghdad figure double-counts a workshop.",
    )
    assert report.history.first().history_change_reason.startswith("The Baghdad figure")
    assert any("reopened" in m.subject for m in mailoutbox)


def test_a_reviewer_cannot_reopen(world):
    report = approved(world)
    with pytest.raises(PermissionDenied):
        services.report_reopen(user=world.reviewer, report=report, reason="because")


def test_two_people_saving_the_same_version_do_not_overwrite_each_other(world):
    report = complete(world, draft(world))
    seen_by_both = report.version
    services.report_update(
        user=world.reporter,
        report=report,
        version=seen_by_both,
        data={"achievements": "First writer"},
    )
    with pytest.raises(services.ReportConflict) as info:
        services.report_update(
            user=world.colleague,
            report=report,
            version=seen_by_both,
            data={"achievements": "Second writer"},
        )
    assert "Someone else changed this report" in str(info.value)
    assert fresh(report).achievements == "First writer"


def test_two_reviewers_acting_on_the_same_version_conflict(world):
    report = submitted(world)
    services.report_approve(user=world.reviewer, report=report, version=report.version)
    with pytest.raises(services.ReportError):
        services.report_return(
            user=world.admin, report=report, version=report.version, comment="Wait"
        )
    assert fresh(report).status == ReportStatus.APPROVED


def test_a_value_out_of_range_is_refused(world):
    report = draft(world)
    world.indicator.unit = "percent"
    world.indicator.save()
    with pytest.raises(ValidationError) as info:
        services.report_update(
            user=world.reporter,
            report=report,
            version=report.version,
            values={(world.indicator.pk, world.baghdad.pk): Decimal("120")},
        )
    assert "between 0 and 100" in str(info.value)


def test_a_report_cannot_start_in_a_closed_period(world):
    world.period.status = ReportingPeriod.Status.CLOSED
    world.period.save()
    with pytest.raises(services.TransitionNotAllowed):
        draft(world)


def test_e_mails_go_to_reviewers_on_submission_and_to_reporters_on_return_and_approval(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        report = submitted(world)
    to_reviewers = {a for m in mailoutbox for a in m.to}
    assert {"reviewer@example.org", "dadmin@example.org"} <= to_reviewers
    assert "reporter@example.org" not in to_reviewers
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.report_return(
            user=world.reviewer,
            report=report,
            version=report.version,
            comment="Add the attendance sheets.",
        )
    (message,) = [m for m in mailoutbox if "reporter@example.org" in m.to]
    assert "Add the attendance sheets." in message.body
    assert f"/reports/{report.pk}/" in message.body
    assert len(mail.outbox) == 2  # reporter and colleague of the same CSO


def test_a_period_is_opened_and_closed_only_by_a_directorate_admin(world):
    from indicators.services import period_close, period_open

    with pytest.raises(PermissionDenied):
        period_close(user=world.reviewer, period=world.period)
    period_close(user=world.admin, period=world.period)
    assert ReportingPeriod.objects.get(pk=world.period.pk).status == "closed"
    period_open(user=world.admin, period=world.period)
    assert ReportingPeriod.objects.get(pk=world.period.pk).status == "open"


def test_the_database_refuses_changes_to_an_approved_report_whatever_the_path(world):
    from django.db import DatabaseError, transaction

    from reporting.models import PeopleReached, ProgressReport

    report = approved(world)
    attempts = [
        lambda: IndicatorValue.objects.filter(report=report).update(value=Decimal("999")),
        lambda: PeopleReached.objects.filter(report=report).update(count=1),
        lambda: IndicatorValue.objects.create(
            report=report, indicator=world.indicator, governorate=None, value=Decimal("1")
        ),
        lambda: ProgressReport.objects.filter(pk=report.pk).update(achievements="Rewritten"),
    ]
    for attempt in attempts:
        with pytest.raises(DatabaseError), transaction.atomic():
            attempt()
    assert fresh(report).achievements == "Trained 20 women."
    services.report_reopen(user=world.admin, report=report, reason="Fix Basra")
    assert IndicatorValue.objects.filter(report=report).update(value=Decimal("7")) == 2


def test_a_reviewer_cannot_approve_a_report_they_submitted(world):
    from accounts.models import Role
    from accounts.services import membership_grant

    membership_grant(user=world.reviewer, entity=world.cso_entity, role=Role.CSO_REPORTER)
    world.reviewer = type(world.reviewer).objects.get(pk=world.reviewer.pk)
    report = complete(world, draft(world, user=world.reviewer), user=world.reviewer)
    report = services.report_submit(user=world.reviewer, report=report, version=report.version)
    with pytest.raises(PermissionDenied, match="another reviewer"):
        services.report_approve(user=world.reviewer, report=report, version=report.version)
    services.report_approve(user=world.admin, report=report, version=report.version)


def test_nobody_comments_on_an_approved_report(world):
    report = approved(world)
    with pytest.raises(services.ReportLocked):
        services.report_comment(user=world.reviewer, report=report, comment="Late remark")
    assert not report.events.filter(kind="commented").exists()


def test_an_approval_with_a_stale_version_leaves_no_comment_behind(world):
    report = submitted(world)
    with pytest.raises(services.ReportConflict):
        services.report_approve(
            user=world.reviewer, report=report, version=report.version - 1, comment="Nice work"
        )
    assert not report.events.filter(kind="commented").exists()


@pytest.mark.parametrize("why", ["cancelled", "not running", "other policy"])
def test_no_report_starts_for_an_activity_that_is_not_reportable(world, why):
    from tests.factories import PolicyFactory, ReportingPeriodFactory

    period = world.period
    if why == "cancelled":
        world.activity.status = "cancelled"
        world.activity.save()
    elif why == "not running":
        world.activity.end_date = world.previous.end_date
        world.activity.save()
    else:
        period = ReportingPeriodFactory(
            policy=PolicyFactory(),
            status="open",
            start_date=period.start_date,
            end_date=period.end_date,
        )
    with pytest.raises(services.TransitionNotAllowed):
        services.report_start(
            user=world.reporter, activity=world.activity, period=period, entity=world.cso_entity
        )


def test_a_mail_server_that_fails_does_not_undo_or_break_a_step(
    world, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.reporting.test_reporting_workflow.BrokenMail"
    with django_capture_on_commit_callbacks(execute=True):
        report = submitted(world)
    assert fresh(report).status == ReportStatus.SUBMITTED


class BrokenMail:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")


def test_a_start_that_loses_the_race_returns_the_draft_the_other_start_made(world, monkeypatch):
    """Four parallel starts of one report: each checks that none exists, one inserts first.
    The others must get that draft, not a 500 from the unique constraint."""
    from reporting.models import ProgressReport

    made = []
    original = ProgressReport.validate_constraints

    def the_other_request_wins(self, exclude=None):
        original(self, exclude=exclude)  # passes: the other start has not inserted yet
        if not made:
            made.append(
                ProgressReport.objects.create(
                    activity=self.activity,
                    entity=self.entity,
                    period=self.period,
                    governorate=self.governorate,
                    created_by=world.reporter,
                    activity_status=self.activity_status,
                )
            )

    monkeypatch.setattr(ProgressReport, "validate_constraints", the_other_request_wins)
    report = draft(world)
    assert report.pk == made[0].pk
    assert ProgressReport.objects.filter(activity=world.activity).count() == 1


def test_people_are_counted_only_for_the_groups_the_activity_targets(world):
    from policy.models import VulnerableGroup
    from reporting.models import PeopleReached

    targeted = VulnerableGroup.objects.create(code="idp", name_en="Displaced women")
    other = VulnerableGroup.objects.create(code="widows", name_en="Widows")
    world.activity.target_groups.set([targeted])
    report = draft(world)
    with pytest.raises(ValidationError) as info:
        services.report_update(
            user=world.reporter, report=report, version=report.version, people={other.pk: 5}
        )
    assert str(other) in str(info.value)
    assert not PeopleReached.objects.filter(report=report).exists()
    report = services.report_update(
        user=world.reporter, report=report, version=report.version, people={targeted.pk: 5}
    )
    assert report.people.get().vulnerable_group == targeted


def test_the_api_refuses_people_counts_for_a_group_the_activity_does_not_target(world):
    from rest_framework.test import APIClient

    from policy.models import VulnerableGroup

    targeted = VulnerableGroup.objects.create(code="idp", name_en="Displaced women")
    other = VulnerableGroup.objects.create(code="widows", name_en="Widows")
    world.activity.target_groups.set([targeted])
    report = draft(world)
    api = APIClient()
    api.force_authenticate(world.reporter)
    answer = api.patch(
        f"/api/v1/reports/{report.pk}/",
        {"version": report.version, "people": [{"vulnerable_group": other.code, "count": 4}]},
        format="json",
    )
    assert answer.status_code == 400
    assert str(other) in str(answer.json())
    assert not report.people.exists()


@pytest.mark.parametrize("part", ["values", "text", "evidence"])
def test_a_reviewer_who_wrote_part_of_a_report_cannot_approve_it(world, part):
    """Someone else started and submitted it; the reviewer, also a member of the entity,
    wrote some of it on the way: four eyes means someone else approves."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from accounts.models import Role
    from accounts.services import membership_grant

    membership_grant(user=world.reviewer, entity=world.cso_entity, role=Role.CSO_REPORTER)
    world.reviewer = type(world.reviewer).objects.get(pk=world.reviewer.pk)
    report = complete(world, draft(world))
    if part == "values":
        report = services.report_update(
            user=world.reviewer,
            report=report,
            version=report.version,
            values={(world.indicator.pk, world.basra.pk): Decimal("9")},
        )
    elif part == "text":
        report = services.report_update(
            user=world.reviewer,
            report=report,
            version=report.version,
            data={"challenges": "Roads closed."},
        )
    else:
        pdf = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
        upload = SimpleUploadedFile("list.pdf", pdf, content_type="application/pdf")
        services.evidence_add(user=world.reviewer, report=report, upload=upload)
        report = fresh(report)
    report = services.report_submit(user=world.reporter, report=report, version=report.version)
    with pytest.raises(PermissionDenied, match="another reviewer"):
        services.report_approve(user=world.reviewer, report=report, version=report.version)
    assert fresh(report).status == ReportStatus.SUBMITTED
    services.report_approve(user=world.admin, report=report, version=report.version)


def test_a_reviewer_who_returned_a_report_may_still_approve_it(world):
    report = submitted(world)
    report = services.report_return(
        user=world.reviewer, report=report, version=report.version, comment="Basra?"
    )
    report = services.report_submit(user=world.reporter, report=report, version=report.version)
    services.report_approve(user=world.reviewer, report=report, version=report.version)
    assert fresh(report).status == ReportStatus.APPROVED


def test_the_database_refuses_to_delete_an_approved_report_or_any_part_of_it(world):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.db import DatabaseError, transaction

    from reporting.models import Evidence, PeopleReached, ProgressReport

    report = complete(world, draft(world))
    pdf = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
    upload = SimpleUploadedFile("list.pdf", pdf, content_type="application/pdf")
    services.evidence_add(user=world.reporter, report=report, upload=upload)
    report = services.report_submit(
        user=world.reporter, report=fresh(report), version=fresh(report).version
    )
    report = services.report_approve(user=world.reviewer, report=report, version=report.version)
    assert report.people.exists() and report.evidence.exists()
    attempts = [
        lambda: IndicatorValue.objects.filter(report=report)._raw_delete("default"),
        lambda: PeopleReached.objects.filter(report=report)._raw_delete("default"),
        lambda: Evidence.objects.filter(report=report)._raw_delete("default"),
        lambda: ProgressReport.objects.filter(pk=report.pk)._raw_delete("default"),
    ]
    values = IndicatorValue.objects.filter(report=report).count()
    for attempt in attempts:
        with pytest.raises(DatabaseError), transaction.atomic():
            attempt()
    assert IndicatorValue.objects.filter(report=report).count() == values > 0
    assert ProgressReport.objects.filter(pk=report.pk).exists()
    services.report_reopen(user=world.admin, report=report, reason="Start again")
    assert IndicatorValue.objects.filter(report=report)._raw_delete("default") == values


@pytest.mark.django_db(transaction=True)
def test_a_test_database_with_approved_reports_can_still_be_flushed(world):
    """The delete triggers must not stop `flush` (transactional tests, the browser tests)."""
    from django.core.management import call_command

    from reporting.models import ProgressReport

    approved(world)
    call_command("flush", interactive=False, verbosity=0)
    assert not ProgressReport.objects.exists()
