"""Reads of the follow-up records: the official level beside civil society's rating (the
disputed flag), the legislation pipeline and follow-up rates."""

from django.db.models import (
    BooleanField,
    Case,
    Count,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.utils import timezone

from followup.models import STAGE_ORDER, Assessment, FollowUpStatus, LegalInstrument, Stage
from policy.models import Activity, published_q
from reporting.models import ProgressReport, ReportStatus

# How far the official record says a thing went, on civil society's 1-5 scale. An activity's
# official record is its latest approved report for the period; a recommendation's is the
# Directorate's follow-up status.
ACTIVITY_LEVELS = [
    (Q(official_activity_status=Activity.Status.COMPLETED), 5),
    (Q(official_activity_status=Activity.Status.IN_PROGRESS, official_percent__gte=75), 4),
    (Q(official_activity_status=Activity.Status.IN_PROGRESS, official_percent__gte=40), 3),
    (Q(official_activity_status=Activity.Status.IN_PROGRESS), 2),
    (Q(official_activity_status=Activity.Status.DELAYED), 2),
    (Q(official_activity_status__in=[Activity.Status.PLANNED, Activity.Status.CANCELLED]), 1),
]
RECOMMENDATION_LEVELS = {
    FollowUpStatus.IMPLEMENTED: 5,
    FollowUpStatus.PARTIAL: 3,
    FollowUpStatus.IN_PROGRESS: 2,
    FollowUpStatus.NOT_STARTED: 1,
    FollowUpStatus.NOT_ACCEPTED: 1,
}
# Two steps apart on the scale is a disagreement ("completed" against "not implemented" is
# four); one step is a difference of judgement.
DISPUTE_GAP = 2


def with_official(queryset):
    """Assessments with `official_level` (1-5, or None without an official record) and
    `disputed`, computed in the database so lists can filter and count them."""
    # The official record of an activity is its lead entity's own (national) report: partners'
    # and governorate offices' reports cover a part, not the activity.
    latest = ProgressReport.objects.filter(
        activity=OuterRef("activity"),
        period=OuterRef("period"),
        entity=OuterRef("activity__lead_entity"),
        governorate__isnull=True,
        status=ReportStatus.APPROVED,
    ).order_by("-approved_at", "-pk")
    activity_cases = [
        When(Q(activity__isnull=False) & condition, then=Value(level))
        for condition, level in ACTIVITY_LEVELS
    ]
    recommendation_cases = [
        When(recommendation__status=status, then=Value(level))
        for status, level in RECOMMENDATION_LEVELS.items()
    ]
    return (
        queryset.annotate(
            official_activity_status=Subquery(latest.values("activity_status")[:1]),
            official_percent=Subquery(latest.values("percent_complete")[:1]),
        )
        .annotate(
            official_level=Case(
                *activity_cases, *recommendation_cases, default=None, output_field=IntegerField()
            )
        )
        .annotate(
            disputed=Case(
                When(
                    Q(official_level__isnull=False)
                    & (
                        Q(official_level__gte=F("rating") + DISPUTE_GAP)
                        | Q(official_level__lte=F("rating") - DISPUTE_GAP)
                    ),
                    then=Value(True),
                ),
                default=Value(False),
                output_field=BooleanField(),
            )
        )
    )


def published_only(queryset):
    """What a visitor may see: assessments of published plans' activities and periods."""
    return queryset.filter(published_q("period__policy")).filter(
        Q(activity__isnull=True) | published_q("activity__objective__policy")
    )


def visible_activities(user):
    """Activities a person may see linked from a follow-up record (visitors: published plans)."""
    activities = Activity.objects.order_by("code")
    if user is None or not user.is_authenticated:
        activities = activities.filter(published_q("objective__policy"))
    return activities


def assessments(user=None, **filters):
    queryset = Assessment.objects.filter(**filters)
    if user is not None and not user.is_authenticated:
        queryset = published_only(queryset)
    return with_official(
        queryset.select_related(
            "organisation",
            "activity__objective__pillar",
            "recommendation__source",
            "recommendation__pillar",
            "period",
            "replied_by",
        )
    )


def disputed_assessments(user=None):
    return assessments(user).filter(disputed=True).order_by("-period__start_date", "pk")


def pipeline():
    """Every instrument with its stage, the days at it and its place on the road."""
    today = timezone.localdate()
    rows = []
    for instrument in LegalInstrument.objects.select_related(
        "pillar", "responsible_entity"
    ).order_by("government", "code"):
        position = STAGE_ORDER.index(instrument.stage) if instrument.stage in STAGE_ORDER else None
        rows.append(
            {
                "instrument": instrument,
                "days": (today - instrument.stage_date).days if instrument.stage_date else None,
                "position": position,
                "off_road": instrument.stage in (Stage.STALLED, Stage.WITHDRAWN),
            }
        )
    return rows


def follow_up_rates(queryset, group):
    """Per pillar or addressee: how many recommendations in each status, and the share acted
    on (in progress, partially implemented or implemented)."""
    acted = [FollowUpStatus.IN_PROGRESS, FollowUpStatus.PARTIAL, FollowUpStatus.IMPLEMENTED]
    rows = (
        queryset.values(group)
        .annotate(
            total=Count("pk"),
            implemented=Count("pk", filter=Q(status=FollowUpStatus.IMPLEMENTED)),
            partial=Count("pk", filter=Q(status=FollowUpStatus.PARTIAL)),
            in_progress=Count("pk", filter=Q(status=FollowUpStatus.IN_PROGRESS)),
            not_started=Count("pk", filter=Q(status=FollowUpStatus.NOT_STARTED)),
            not_accepted=Count("pk", filter=Q(status=FollowUpStatus.NOT_ACCEPTED)),
            acted=Count("pk", filter=Q(status__in=acted)),
        )
        .order_by(group)
    )
    return list(rows)
