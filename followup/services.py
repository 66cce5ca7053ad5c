"""The one door for writes to the follow-up records: permission, state rules and history.
The admin, the pages and the API call these functions."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import roles
from followup.models import (
    STAGE_ORDER,
    Assessment,
    FollowUpNote,
    FollowUpStatus,
    LegalStageEvent,
    Rating,
    Stage,
)
from policy.models import Entity
from reporting.evidence import check_evidence

CIVIL_SOCIETY = (Entity.Kind.CSO, Entity.Kind.CBO, Entity.Kind.NETWORK)


def _position(stage):
    """Where a stage stands on the road to a law in force (None off the road)."""
    return STAGE_ORDER.index(stage) if stage in STAGE_ORDER else None


def _last_on_road(instrument):
    """The last stage on the road (after any step back) and the last stage of all."""
    stages = list(instrument.stages.order_by("date", "pk").values_list("stage", flat=True))
    on_road = [s for s in stages if s in STAGE_ORDER]
    return (on_road[-1] if on_road else None), (stages[-1] if stages else None)


def legal_stage_problems(*, instrument, stage, date, source, reason="") -> dict:
    """What is wrong with recording this step, field by field (empty when nothing is).

    Going back (to an earlier stage than the last one on the road, or out of
    "withdrawn") needs a reason; a step dated before the last recorded one is refused, so the
    history reads in order; a step cannot be in the future and needs its source.
    """
    errors = {}
    if stage not in Stage.values:
        errors["stage"] = _("Choose a stage from the list.")
    if not source or not source.strip():
        errors["source"] = _("Say where this stage is recorded (a gazette, a decision, a report).")
    if not isinstance(date, datetime.date):
        errors["date"] = _("Give the date of this stage.")
    elif date > timezone.localdate():
        errors["date"] = _("A stage cannot be dated in the future.")
    if errors or instrument is None or instrument.pk is None:
        return errors
    last_event = instrument.stages.order_by("-date", "-pk").first()
    if last_event and date < last_event.date:
        errors["date"] = _("The last recorded stage is dated %(date)s; record steps in order.") % {
            "date": last_event.date.isoformat()
        }
    on_road_stage, last = _last_on_road(instrument)
    back = (
        on_road_stage is not None
        and _position(stage) is not None
        and _position(stage) < _position(on_road_stage)
    ) or (last == Stage.WITHDRAWN and stage != Stage.WITHDRAWN)
    if back and not (reason or "").strip():
        errors["reason"] = _("This is a step back from “%(stage)s”: give the reason.") % {
            "stage": instrument.stage_name
        }
    return errors


@transaction.atomic
def legal_stage_record(
    *, user, instrument, stage, date, source, source_url="", note="", reason=""
) -> LegalStageEvent:
    """Record that an instrument reached a stage on a date, with its source (see
    legal_stage_problems for the rules). The instrument's current stage follows."""
    if user is None or not user.has_perm("followup.add_legalstageevent"):
        raise PermissionDenied(_("Only the Directorate records the stages of legal instruments."))
    instrument = type(instrument).objects.select_for_update().get(pk=instrument.pk)
    errors = legal_stage_problems(
        instrument=instrument, stage=stage, date=date, source=source, reason=reason
    )
    if errors:
        raise ValidationError(errors)
    event = LegalStageEvent(
        instrument=instrument,
        stage=stage,
        date=date,
        source=source.strip(),
        source_url=(source_url or "").strip(),
        note=(note or "").strip(),
        reason=(reason or "").strip(),
        recorded_by=user,
    )
    event._history_user = user
    event.full_clean()
    event.save()
    instrument.stage, instrument.stage_date = stage, date
    instrument._history_user = user
    instrument._change_reason = (reason or "").strip() or _("Stage recorded")
    instrument.save(update_fields=["stage", "stage_date", "updated_at"])
    return event


def _store_evidence(record, upload):
    if upload is None:
        return
    check_evidence(upload)
    record.evidence_name = upload.name[:255]
    record.evidence.save(upload.name, upload, save=False)


@transaction.atomic
def recommendation_follow_up(
    *, user, recommendation, date, status, text, evidence=None
) -> FollowUpNote:
    """A dated follow-up note of the Directorate; the recommendation takes its status."""
    if not roles.is_reviewer(user):
        raise PermissionDenied(_("Only the Directorate follows up recommendations."))
    errors = {}
    if status not in FollowUpStatus.values:
        errors["status"] = _("Choose a follow-up status from the list.")
    if not text or not text.strip():
        errors["text"] = _("Say what was done, or why not.")
    if not isinstance(date, datetime.date) or date > timezone.localdate():
        errors["date"] = _("Give a date that is not in the future.")
    if errors:
        raise ValidationError(errors)
    note = FollowUpNote(
        recommendation=recommendation, date=date, status=status, text=text.strip(), author=user
    )
    _store_evidence(note, evidence)
    note._history_user = user
    note.full_clean()
    note.save()
    latest = recommendation.notes.order_by("-date", "-pk").first()
    if latest.pk == note.pk and recommendation.status != status:
        recommendation.status = status
        recommendation._history_user = user
        recommendation.save(update_fields=["status", "updated_at"])
    return note


def can_assess_for(user, organisation) -> bool:
    """Only members of a civil-society organisation write its assessments: its reporters, not
    a read-only partner account."""
    return organisation.kind in CIVIL_SOCIETY and any(
        m.entity_id == organisation.pk for m in roles.reporter_memberships(user)
    )


def assessing_organisations(user) -> list[Entity]:
    return list(
        {
            m.entity_id: m.entity
            for m in roles.reporter_memberships(user)
            if m.entity.kind in CIVIL_SOCIETY
        }.values()
    )


@transaction.atomic
def assessment_save(
    *,
    user,
    organisation,
    period,
    rating,
    narrative,
    activity=None,
    recommendation=None,
    evidence=None,
) -> Assessment:
    """Create or update an organisation's assessment of an activity or a recommendation for a
    period. The Directorate's reply, if any, stays with it (the history shows what it answered)."""
    if not can_assess_for(user, organisation):
        raise PermissionDenied(
            _("Only members of %(organisation)s may write its assessments.")
            % {"organisation": organisation.name}
        )
    errors = {}
    if (activity is None) == (recommendation is None):
        errors["__all__"] = _("Assess either an activity or a recommendation.")
    if rating not in Rating.values:
        errors["rating"] = _("Choose a rating on the scale.")
    if not narrative or not narrative.strip():
        errors["narrative"] = _("Say what your organisation observed.")
    if activity is not None and activity.objective.policy_id != period.policy_id:
        errors["period"] = _("This period belongs to another plan.")
    if period.start_date > timezone.localdate():
        errors["period"] = _("This period has not started yet.")
    policy = activity.objective.policy if activity is not None else period.policy
    if not policy.is_published:
        errors["period"] = _("Assessments are for published plans.")
    if errors:
        raise ValidationError(errors)
    assessment = Assessment.objects.filter(
        organisation=organisation, activity=activity, recommendation=recommendation, period=period
    ).first() or Assessment(
        organisation=organisation,
        activity=activity,
        recommendation=recommendation,
        period=period,
        author=user,
    )
    assessment.rating = rating
    assessment.narrative = narrative.strip()
    _store_evidence(assessment, evidence)
    assessment._history_user = user
    assessment.full_clean()
    assessment.save()
    return assessment


@transaction.atomic
def assessment_reply(*, user, assessment, text) -> Assessment:
    """The Directorate answers an assessment; the answer is shown with it."""
    if not roles.is_reviewer(user):
        raise PermissionDenied(_("Only the Directorate replies to assessments."))
    if not text or not text.strip():
        raise ValidationError({"reply": _("Write the reply.")})
    assessment.reply = text.strip()
    assessment.replied_by = user
    assessment.replied_at = timezone.now()
    assessment._history_user = user
    assessment.save(update_fields=["reply", "replied_by", "replied_at", "updated_at"])
    return assessment
