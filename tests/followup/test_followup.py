"""The follow-up mechanisms: legislation stages, recommendations, civil-society assessments
beside the official record (the disputed flag), their permissions, pages and API."""

import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from followup import selectors, services
from followup.models import (
    Assessment,
    FollowUpStatus,
    LegalInstrument,
    Recommendation,
    SourceEvent,
    Stage,
)
from reporting import services as reporting_services
from tests.core.test_api import client_for, url
from tests.reporting_helpers import complete, draft
from tests.signin_helpers import verified_login

DAY = datetime.date(2024, 1, 10)


@pytest.fixture(autouse=True)
def published(world):
    """Assessments are for published plans; the world's plan is published here."""
    world.policy.is_published = True
    world.policy.save()


@pytest.fixture
def law(world):
    return LegalInstrument.objects.create(
        code="adv-law",
        kind="law",
        title_en="Anti-Domestic Violence Law",
        pillar=world.activity.objective.pillar,
    )


@pytest.fixture
def recommendation(world):
    source = SourceEvent.objects.create(code="conf", date=datetime.date(2020, 9, 26), title_en="C")
    item = Recommendation.objects.create(source=source, code="gr-1", text_en="Adopt the law.")
    item.activities.set([world.activity])
    return item


def record(world, law, stage, day, reason="", user=None):
    return services.legal_stage_record(
        user=user or world.admin,
        instrument=law,
        stage=stage,
        date=day,
        source="Official Gazette no. 1",
        reason=reason,
    )


# -- legislation ---------------------------------------------------------------------------------
def test_stages_move_forward_and_the_instrument_follows(world, law):
    record(world, law, Stage.DRAFTING, DAY)
    record(world, law, Stage.CABINET, DAY + datetime.timedelta(days=30))
    law.refresh_from_db()
    assert (law.stage, law.stage_date) == (Stage.CABINET, DAY + datetime.timedelta(days=30))
    assert law.history.count() >= 2  # every change is in the history


def test_a_step_back_needs_a_recorded_reason(world, law):
    record(world, law, Stage.FIRST_READING, DAY)
    with pytest.raises(ValidationError) as refused:
        record(world, law, Stage.DRAFTING, DAY + datetime.timedelta(days=5))
    assert "reason" in refused.value.message_dict
    law.refresh_from_db()
    assert law.stage == Stage.FIRST_READING and law.stages.count() == 1
    event = record(world, law, Stage.DRAFTING, DAY + datetime.timedelta(days=5), reason="Sent back")
    assert event.reason == "Sent back"
    # Stalling is off the road, not back; after it, going below the last stage on the road is
    # a step back, going on is not.
    record(world, law, Stage.CABINET, DAY + datetime.timedelta(days=8))
    record(world, law, Stage.STALLED, DAY + datetime.timedelta(days=9))
    with pytest.raises(ValidationError):
        record(world, law, Stage.DRAFTING, DAY + datetime.timedelta(days=10))
    record(world, law, Stage.SECOND_READING, DAY + datetime.timedelta(days=11))


def test_a_withdrawn_instrument_comes_back_only_with_a_reason(world, law):
    record(world, law, Stage.WITHDRAWN, DAY)
    with pytest.raises(ValidationError):
        record(world, law, Stage.DRAFTING, DAY + datetime.timedelta(days=1))
    record(world, law, Stage.DRAFTING, DAY + datetime.timedelta(days=1), reason="Tabled again")


def test_stages_are_recorded_in_order_not_in_the_future_and_with_a_source(world, law):
    record(world, law, Stage.CABINET, DAY)
    with pytest.raises(ValidationError) as earlier:
        record(world, law, Stage.FIRST_READING, DAY - datetime.timedelta(days=1))
    assert "date" in earlier.value.message_dict
    with pytest.raises(ValidationError):
        record(world, law, Stage.FIRST_READING, timezone.localdate() + datetime.timedelta(days=2))
    with pytest.raises(ValidationError) as no_source:
        services.legal_stage_record(
            user=world.admin, instrument=law, stage=Stage.VOTE, date=DAY, source=" "
        )
    assert "source" in no_source.value.message_dict


def test_only_the_directorate_records_stages(world, law):
    for user in (world.reporter, world.reviewer, world.partner):
        with pytest.raises(PermissionDenied):
            record(world, law, Stage.DRAFTING, DAY, user=user)


# -- recommendations ----------------------------------------------------------------------------
def test_a_follow_up_note_sets_the_status_and_only_the_directorate_writes_one(
    world, recommendation
):
    services.recommendation_follow_up(
        user=world.reviewer,
        recommendation=recommendation,
        date=DAY,
        status=FollowUpStatus.IN_PROGRESS,
        text="Draft sent to parliament.",
    )
    recommendation.refresh_from_db()
    assert recommendation.status == FollowUpStatus.IN_PROGRESS
    # An older note recorded later does not undo the newer status.
    services.recommendation_follow_up(
        user=world.admin,
        recommendation=recommendation,
        date=DAY - datetime.timedelta(days=100),
        status=FollowUpStatus.NOT_STARTED,
        text="Nothing yet.",
    )
    recommendation.refresh_from_db()
    assert recommendation.status == FollowUpStatus.IN_PROGRESS
    with pytest.raises(PermissionDenied):
        services.recommendation_follow_up(
            user=world.reporter,
            recommendation=recommendation,
            date=DAY,
            status=FollowUpStatus.IMPLEMENTED,
            text="Done!",
        )


# -- assessments and the disputed flag -----------------------------------------------------------
def assess(world, rating, activity=None, recommendation=None, user=None):
    return services.assessment_save(
        user=user or world.reporter,
        organisation=world.cso_entity,
        period=world.period,
        rating=rating,
        narrative="What we saw.",
        activity=activity,
        recommendation=recommendation,
    )


def official(world, activity_status, percent):
    report = draft(world)
    report = complete(world, report)
    report = reporting_services.report_update(
        user=world.reporter,
        report=report,
        version=report.version,
        data={"activity_status": activity_status, "percent_complete": percent},
    )
    report = reporting_services.report_submit(
        user=world.reporter, report=report, version=report.version
    )
    return reporting_services.report_approve(
        user=world.reviewer, report=report, version=report.version
    )


def flagged(assessment):
    return selectors.assessments().get(pk=assessment.pk)


def test_completed_officially_but_not_implemented_for_civil_society_is_disputed(world):
    assessment = assess(world, 1, activity=world.activity)
    assert flagged(assessment).official_level is None  # nothing approved: no dispute yet
    assert not flagged(assessment).disputed
    official(world, "completed", 100)
    assert flagged(assessment).official_level == 5 and flagged(assessment).disputed
    assert list(selectors.disputed_assessments()) == [assessment]


def test_a_step_of_difference_is_judgement_not_dispute(world):
    official(world, "in_progress", 50)  # level 3
    assert not flagged(assess(world, 4, activity=world.activity)).disputed
    assert not flagged(assess(world, 2, activity=world.activity)).disputed
    assert flagged(assess(world, 1, activity=world.activity)).disputed


def test_a_recommendation_is_disputed_against_its_follow_up_status(world, recommendation):
    assessment = assess(world, 2, recommendation=recommendation)
    assert not flagged(assessment).disputed  # not started (1) against limited progress (2)
    services.recommendation_follow_up(
        user=world.reviewer,
        recommendation=recommendation,
        date=DAY,
        status=FollowUpStatus.IMPLEMENTED,
        text="Adopted.",
    )
    assert flagged(assessment).disputed


def test_approvals_never_change_an_assessment(world):
    assessment = assess(world, 1, activity=world.activity)
    before = Assessment.objects.filter(pk=assessment.pk).values().get()
    official(world, "completed", 100)
    assert Assessment.objects.filter(pk=assessment.pk).values().get() == before


def test_only_members_of_the_organisation_write_its_assessments(world):
    for user in (world.other_reporter, world.reviewer, world.admin, world.partner):
        with pytest.raises(PermissionDenied):
            assess(world, 3, activity=world.activity, user=user)
    # A ministry is not civil society, even for its own members.
    with pytest.raises(PermissionDenied):
        services.assessment_save(
            user=world.reviewer,
            organisation=world.reviewer.memberships.get().entity,
            period=world.period,
            rating=3,
            narrative="x",
            activity=world.activity,
        )
    assert assess(world, 3, activity=world.activity, user=world.colleague).rating == 3


def test_the_official_record_is_the_lead_entitys_national_report(world):
    from decimal import Decimal

    assessment = assess(world, 5, activity=world.activity)
    official(world, "completed", 100)
    # The Basra office, a partner, reports its part as only planned: the activity's official
    # record is still the lead entity's report.
    part = reporting_services.report_start(
        user=world.gov_focal,
        activity=world.activity,
        period=world.period,
        entity=world.office,
        governorate=world.basra,
    )
    part = reporting_services.report_update(
        user=world.gov_focal,
        report=part,
        version=part.version,
        data={"activity_status": "planned", "percent_complete": 0, "achievements": "None yet."},
        values={(world.indicator.pk, world.basra.pk): Decimal("1")},
    )
    part = reporting_services.report_submit(user=world.gov_focal, report=part, version=part.version)
    reporting_services.report_approve(user=world.reviewer, report=part, version=part.version)
    assert flagged(assessment).official_level == 5 and not flagged(assessment).disputed


def test_visitors_see_no_assessment_of_an_unpublished_plan(client, world):
    official(world, "completed", 100)
    assessment = assess(world, 1, activity=world.activity)
    world.policy.is_published = False
    world.policy.save()
    assert client.get(reverse("followup:assessment", args=[assessment.pk])).status_code == 404
    assert "What we saw." not in client.get(reverse("followup:disputed")).content.decode()
    assert client_for().get(url("assessments")).json()["results"] == []
    assert len(client_for(world.reviewer).get(url("assessments")).json()["results"]) == 1
    # Nor can an organisation assess it until it is published.
    with pytest.raises(ValidationError):
        assess(world, 2, activity=world.other_activity)


def test_bad_ids_in_the_address_are_a_404_not_an_error(client, world):
    verified_login(client, world.reporter)
    for query in ("activity=abc", "recommendation=1.5", "activity=99999999999", ""):
        assert client.get(reverse("followup:assessment_new") + "?" + query).status_code == 404


def test_only_the_directorate_replies_and_the_reply_is_kept_with_the_assessment(world):
    assessment = assess(world, 1, activity=world.activity)
    with pytest.raises(PermissionDenied):
        services.assessment_reply(user=world.reporter, assessment=assessment, text="No.")
    services.assessment_reply(user=world.reviewer, assessment=assessment, text="We will check.")
    # The organisation updates its rating: one assessment per period, the reply stays.
    updated = assess(world, 2, activity=world.activity)
    assert updated.pk == assessment.pk and updated.reply == "We will check."
    assert Assessment.objects.count() == 1


# -- pages ---------------------------------------------------------------------------------------
def test_visitors_see_where_laws_stand_what_was_acted_on_and_what_is_disputed(
    client, world, law, recommendation
):
    record(world, law, Stage.CABINET, DAY)
    official(world, "completed", 100)
    assess(world, 1, activity=world.activity)
    hub = client.get(reverse("followup:hub")).content.decode()
    assert "1 legal instrument tracked" in hub and "1 item where" in hub
    legislation = client.get(reverse("followup:legislation")).content.decode()
    assert "Anti-Domestic Violence Law" in legislation and "Council of Ministers" in legislation
    timeline = client.get(reverse("followup:instrument", args=[law.code])).content.decode()
    assert "Official Gazette no. 1" in timeline and "Record a stage" not in timeline
    register = client.get(reverse("followup:recommendations")).content.decode()
    assert "Adopt the law." in register and "Not started" in register
    disputed = client.get(reverse("followup:disputed")).content.decode()
    assert "What we saw." in disputed and "Completed" in disputed and "Not implemented" in disputed


def test_the_directorate_records_a_stage_on_the_page_and_a_refusal_keeps_the_form(
    client, world, law
):
    verified_login(client, world.admin)
    page = reverse("followup:instrument", args=[law.code])
    done = client.post(page, {"stage": "vote", "date": "2024-01-10", "source": "CoR minutes"})
    assert done.status_code == 302
    refused = client.post(page, {"stage": "drafting", "date": "2024-02-01", "source": "Letter 7"})
    body = refused.content.decode()
    assert refused.status_code == 200 and "give the reason" in body and "Letter 7" in body
    verified_login(client, world.reviewer)
    assert (
        client.post(page, {"stage": "vote", "date": "2024-03-01", "source": "x"}).status_code == 403
    )


def test_a_cso_member_assesses_an_activity_on_the_page(client, world):
    verified_login(client, world.reporter)
    page = reverse("followup:assessment_new") + f"?activity={world.activity.pk}"
    assert client.get(page).status_code == 200
    response = client.post(
        page,
        {
            "organisation": world.cso_entity.pk,
            "period": world.period.pk,
            "rating": 2,
            "narrative": "Only one session.",
        },
    )
    assert response.status_code == 302
    assessment = Assessment.objects.get()
    assert (assessment.rating, assessment.author) == (2, world.reporter)
    verified_login(client, world.reviewer)
    assert client.get(page).status_code == 403  # the Directorate replies, it does not assess


def test_follow_up_pages_keep_their_query_counts_as_records_grow(client, world, recommendation):
    def queries(name, *args):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse(name, args=args)).status_code == 200
        return len(captured)

    before = {n: queries(n) for n in ("followup:recommendations", "followup:disputed")}
    for i in range(5):
        extra = Recommendation.objects.create(
            source=recommendation.source, code=f"x-{i}", text_en=f"More {i}"
        )
        extra.activities.set([world.activity, world.other_activity])
    after = {n: queries(n) for n in ("followup:recommendations", "followup:disputed")}
    assert after == before


# -- API -----------------------------------------------------------------------------------------
def test_the_api_lists_instruments_recommendations_and_disputed_assessments(
    world, law, recommendation
):
    record(world, law, Stage.CABINET, DAY)
    official(world, "completed", 100)
    disputed = assess(world, 1, activity=world.activity)
    assess(world, 2, recommendation=recommendation)
    visitor = client_for()
    instruments = visitor.get(url("legal-instruments", stage="cabinet")).json()["results"]
    assert [i["code"] for i in instruments] == ["adv-law"]
    assert instruments[0]["stages"][0]["source"] == "Official Gazette no. 1"
    assert visitor.get(url("legal-instruments", stage="vote")).json()["results"] == []
    items = visitor.get(url("recommendations", status="not_started")).json()["results"]
    assert [r["code"] for r in items] == ["gr-1"] and items[0]["activities"] == ["1.1.1"]
    flagged_items = visitor.get(url("assessments", disputed="true")).json()["results"]
    assert [a["id"] for a in flagged_items] == [disputed.pk]
    assert visitor.get(url("assessments", disputed="maybe")).status_code == 400
    assert len(visitor.get(url("assessments", disputed="false")).json()["results"]) == 1
    assert flagged_items[0]["official_level"] == 5


def test_assessments_are_written_and_answered_through_the_api(world):
    body = {
        "organisation": world.cso_entity.code,
        "period": world.period.pk,
        "activity": world.activity.pk,
        "rating": 3,
        "narrative": "Half of it.",
    }
    created = client_for(world.reporter).post(url("assessments"), body, format="json")
    assert created.status_code == 201, created.content
    assert (
        client_for(world.partner).post(url("assessments"), body, format="json").status_code == 403
    )
    assert (
        client_for(world.other_reporter).post(url("assessments"), body, format="json").status_code
        == 403
    )
    pk = created.json()["id"]
    refused = client_for(world.reporter).post(
        url("assessments", pk, "reply"), {"reply": "x"}, format="json"
    )
    assert refused.status_code == 403
    answered = client_for(world.reviewer).post(
        url("assessments", pk, "reply"), {"reply": "Noted."}, format="json"
    )
    assert answered.status_code == 200 and answered.json()["reply"] == "Noted."


@pytest.mark.parametrize("name", ["legal-instruments", "recommendations", "assessments"])
def test_follow_up_lists_take_the_same_queries_for_1_and_50_rows(world, name):
    source = SourceEvent.objects.create(code="c", date=DAY, title_en="C")
    for i in range(3):
        law = LegalInstrument.objects.create(
            code=f"law-{i}", kind="law", title_en=f"L{i}", pillar=world.activity.objective.pillar
        )
        record(world, law, Stage.DRAFTING, DAY)
        item = Recommendation.objects.create(source=source, code=f"r{i}", text_en="t")
        item.activities.set([world.activity])
        assess(world, 2, recommendation=item)
    client = client_for(world.reviewer)
    client.get(url(name))  # the token's first use writes its "last used" (hourly)

    def count(size):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url(name, page_size=size)).status_code == 200
        return len(captured)

    assert count(1) == count(50)


def test_the_reference_data_holds_the_source_documents_laws_and_recommendations(db):
    call_command("seed_reference", stdout=io.StringIO())
    call_command("seed_reference", stdout=io.StringIO())  # idempotent
    codes = set(LegalInstrument.objects.values_list("code", flat=True))
    assert codes == {
        "anti-domestic-violence-law",
        "personal-status-law-amendment",
        "penal-code-amendment",
        "criminal-procedure-law-amendment",
    }
    assert all(
        i.stages.count() == 1 and i.stage == Stage.DRAFTING for i in LegalInstrument.objects.all()
    )
    assert Recommendation.objects.count() == 33
    assert not Recommendation.objects.filter(text_ar="").exists()
    assert not Recommendation.objects.filter(text_ckb="").exists()


def test_assessment_evidence_is_checked_and_served_only_to_the_organisation_and_directorate(
    client, world, settings, tmp_path
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    fake = SimpleUploadedFile("photo.pdf", b"<html>not a pdf</html>")
    with pytest.raises(ValidationError):
        services.assessment_save(
            user=world.reporter,
            organisation=world.cso_entity,
            period=world.period,
            rating=2,
            narrative="x",
            activity=world.activity,
            evidence=fake,
        )
    assert not Assessment.objects.exists()  # nothing written on a refused file
    pdf = SimpleUploadedFile("minutes.pdf", b"%PDF-1.4\n%%EOF\n")
    assessment = services.assessment_save(
        user=world.reporter,
        organisation=world.cso_entity,
        period=world.period,
        rating=2,
        narrative="x",
        activity=world.activity,
        evidence=pdf,
    )
    link = reverse("followup:evidence", args=["assessment", assessment.pk])
    assert client.get(link).status_code == 302  # visitors are sent to log in
    verified_login(client, world.other_reporter)
    assert client.get(link).status_code == 404
    for user in (world.colleague, world.reviewer):
        verified_login(client, user)
        response = client.get(link)
        assert response.status_code == 200 and b"".join(response.streaming_content).startswith(
            b"%PDF"
        )
        assert "minutes.pdf" in response["Content-Disposition"]


def test_directorate_admins_import_follow_up_sheets_and_nobody_reverts_past_the_rules(
    client, world, law
):
    for model in ("legalinstrument", "recommendation", "sourceevent"):
        assert world.admin.has_perm(f"followup.import_{model}")
        assert not world.reviewer.has_perm(f"followup.import_{model}")
    verified_login(client, world.admin)
    assert client.get(reverse("admin:followup_legalinstrument_import")).status_code == 200
    record(world, law, Stage.DRAFTING, DAY)
    record(world, law, Stage.CABINET, DAY + datetime.timedelta(days=1))
    first = law.history.order_by("history_date").first()
    revert = reverse("admin:followup_legalinstrument_simple_history", args=[law.pk, first.pk])
    page = client.get(revert).content.decode()
    assert "Revert legal instrument" not in page and "View legal instrument" in page
    client.post(revert, {"code": law.code})
    law.refresh_from_db()
    assert law.stage == Stage.CABINET  # a stage only moves through legal_stage_record


def test_a_code_that_two_plans_share_is_written_with_its_plan_in_follow_up_sheets(
    world, recommendation
):
    from core.importing import CodeListField
    from policy.models import Activity
    from tests.factories import ActivityFactory, PolicyFactory

    field = CodeListField(Activity, "activities", scope="objective__policy__code")
    assert field.export(recommendation) == "np:1.1.1"
    assert field.parse({"activities": "1.1.1"}) == [world.activity]  # one plan has it: fine
    later = ActivityFactory(objective__policy=PolicyFactory(code="np2"), code="1.1.1")
    with pytest.raises(ValueError, match="more than one plan"):
        field.parse({"activities": "1.1.1"})
    assert field.parse({"activities": "np2:1.1.1; np:1.1.1"}) == [later, world.activity]
