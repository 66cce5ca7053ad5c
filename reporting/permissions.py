"""Who may do what with progress reports. The role predicates are accounts.roles's (from
active memberships, read once per request); these add the report's entity, place and state,
and answer `user.has_perm(..., report)` (registered in ReportingConfig.ready), so the pages,
the admin, the API and the workbook ask the same functions."""

from django.db.models import Q

from accounts.models import Role
from accounts.roles import (
    governorate_focal_points,
    has_role,
    is_directorate_admin,
    is_reviewer,
    object_rule,
    reporter_memberships,
)
from policy.models import covering_q
from reporting.models import ReportStatus


def entity_works_on(entity_id, activity) -> bool:
    """An entity reports on the activities it leads or implements (policy.models.owed_q)."""
    return activity.is_owed_by(entity_id)


def activity_covers(activity, governorate_id) -> bool:
    """The activity runs in the governorate (policy.models.covering_q)."""
    return activity.covers(governorate_id)


def membership_for(user, activity, entity_id, governorate_id):
    """The reporter membership that lets `user` report for this entity, activity and scope."""
    for m in reporter_memberships(user):
        if m.entity_id != entity_id or m.governorate_id != governorate_id:
            continue
        if not entity_works_on(entity_id, activity):
            continue
        if governorate_id is not None and not activity_covers(activity, governorate_id):
            continue
        return m
    return None


def can_report(user, activity, entity_id, governorate_id=None) -> bool:
    return membership_for(user, activity, entity_id, governorate_id) is not None


@object_rule("reporting.view_progressreport")
def can_view_report(user, report) -> bool:
    if is_reviewer(user):
        return True
    if can_report(user, report.activity, report.entity_id, report.governorate_id):
        return True
    if report.status != ReportStatus.DRAFT:
        for m in governorate_focal_points(user):
            if report.governorate_id in (None, m.governorate_id) and activity_covers(
                report.activity, m.governorate_id
            ):
                return True  # a governorate focal point reads the governorate's reports
    return report.is_locked and has_role(user, Role.PARTNER_VIEWER)


@object_rule("reporting.change_progressreport")
def can_edit_report(user, report) -> bool:
    return can_report(user, report.activity, report.entity_id, report.governorate_id)


@object_rule("reporting.review_progressreport")
def can_review(user, report) -> bool:
    return is_reviewer(user)


@object_rule("reporting.reopen_progressreport")
def can_reopen(user, report) -> bool:
    return is_directorate_admin(user)


def visible_reports_filter(user) -> Q:
    """A filter on ProgressReport that keeps what `user` may read (see can_view_report)."""
    if is_reviewer(user):
        return Q()
    condition = Q(pk__in=[])
    for m in reporter_memberships(user):
        condition |= Q(entity_id=m.entity_id, governorate_id=m.governorate_id)
    for m in governorate_focal_points(user):
        covers = covering_q(m.governorate_id, path="activity")
        same_place = Q(governorate__isnull=True) | Q(governorate_id=m.governorate_id)
        condition |= covers & same_place & ~Q(status=ReportStatus.DRAFT)
    if has_role(user, Role.PARTNER_VIEWER):
        condition |= Q(status="approved")
    return condition
