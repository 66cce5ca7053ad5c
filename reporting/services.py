"""Every write to a progress report. Web forms, the admin and (later) the API call these; each
checks permission, state and version, writes, records the timeline and history, and mails.

Errors: PermissionDenied (not yours to do), ValidationError (bad or missing data, with messages
per field), ReportLocked (approved: nothing may change), TransitionNotAllowed (wrong state for
the step), ReportConflict (someone else changed the report since you opened it).
"""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from analytics import figures
from indicators.models import Indicator, ReportingPeriod
from policy.models import VulnerableGroup
from reporting import notifications, permissions, selectors
from reporting.evidence import check_evidence
from reporting.models import (
    AgeBand,
    Evidence,
    IndicatorValue,
    PeopleReached,
    ProgressReport,
    ReportEvent,
    ReportStatus,
    Sex,
)


class ReportError(Exception):
    pass


class ReportLocked(ReportError):
    def __init__(self):
        super().__init__(
            _("This report is approved and locked. A Directorate admin can reopen it.")
        )


class TransitionNotAllowed(ReportError):
    pass


class ReportConflict(ReportError):
    def __init__(self, current):
        self.current = current
        super().__init__(
            _(
                "Someone else changed this report while you were working on it, so your changes "
                "were not saved. Your text is still in the form below: check it, then save "
                "again to replace their version."
            )
        )


def _locked_for_write(report, version):
    """Lock the row, and refuse if it moved on since the caller read it."""
    current = ProgressReport.objects.select_for_update().get(pk=report.pk)
    if current.is_locked:
        raise ReportLocked()
    if version is not None and current.version != version:
        raise ReportConflict(current)
    return current


def _bump(report, user, **fields):
    for name, value in fields.items():
        setattr(report, name, value)
    report.version += 1
    report._history_user = user
    report.save()
    return report


def _indicators_of(report):
    """The indicators whose figures a report's approval (or reopening) changes."""
    return set(report.values.values_list("indicator_id", flat=True))


def _event(report, user, kind, comment=""):
    return ReportEvent.objects.create(report=report, user=user, kind=kind, comment=comment)


@transaction.atomic
def report_start(*, user, activity, period, entity, governorate=None) -> ProgressReport:
    """The report of an entity for an activity and period; created as a draft if new."""
    if not permissions.can_report(user, activity, entity.pk, getattr(governorate, "pk", None)):
        raise PermissionDenied(_("You do not report on this activity for this entity."))
    existing = ProgressReport.objects.filter(
        activity=activity, entity=entity, period=period, governorate=governorate
    ).first()
    if existing:
        return existing
    if period.status != ReportingPeriod.Status.OPEN:
        raise TransitionNotAllowed(
            _("The period %(period)s is not open for reporting.") % {"period": period}
        )
    if period.policy_id != activity.objective.policy_id:
        raise TransitionNotAllowed(_("The period belongs to another policy than the activity."))
    if activity.status == activity.Status.CANCELLED:
        raise TransitionNotAllowed(_("The activity is cancelled; there is nothing to report."))
    if not selectors.activity_runs_in(activity, period):
        raise TransitionNotAllowed(
            _("The activity does not run in %(period)s.") % {"period": period}
        )
    report = ProgressReport(
        activity=activity,
        entity=entity,
        period=period,
        governorate=governorate,
        created_by=user,
        activity_status=activity.status,
    )
    report.full_clean()
    report._history_user = user
    try:
        with transaction.atomic():
            report.save()
    except IntegrityError:
        # A parallel start (a double tap, two tabs) inserted the same report between the
        # check above and this insert: that draft is the one to work on.
        existing = ProgressReport.objects.filter(
            activity=activity, entity=entity, period=period, governorate=governorate
        ).first()
        if existing is None:
            raise
        return existing
    figures.schedule_refresh(period_ids=[report.period_id])  # the report counts
    _event(report, user, ReportEvent.Kind.CREATED)
    return report


def _clean_values(report, values):
    """{(indicator_id, governorate_id): Decimal|None} checked against the report's cells."""
    allowed = {
        (r.indicator.pk, r.governorate.pk if r.governorate else None): r.indicator
        for r in selectors.value_rows(report)
    }
    errors = {}
    clean = {}
    for key, value in values.items():
        indicator = allowed.get(key)
        if indicator is None:
            raise ValidationError(_("This indicator is not part of the report."))
        if value is None:
            clean[key] = None
            continue
        value = Decimal(value)
        if value < 0:
            errors[key] = _("A value cannot be negative.")
        elif indicator.unit == Indicator.Unit.PERCENT and value > 100:
            errors[key] = _("A percentage lies between 0 and 100.")
        elif indicator.unit == Indicator.Unit.YES_NO and value not in (0, 1):
            errors[key] = _("Answer yes (1) or no (0).")
        clean[key] = value
    if errors:
        raise ValidationError({"values": [f"{allowed[k].code}: {m}" for k, m in errors.items()]})
    return clean


@transaction.atomic
def report_update(*, user, report, version, data=None, people=None, values=None):
    """Save a draft (or a returned report): any of the narrative fields, people reached
    {(sex, age_band) or vulnerable_group_id: count}, indicator values
    {(indicator_id, governorate_id): value}. Missing parts are left as they are."""
    if not permissions.can_edit_report(user, report):
        raise PermissionDenied(_("You may not change this report."))
    report = _locked_for_write(report, version)
    if not report.is_editable:
        raise TransitionNotAllowed(_("A submitted report waits for review; it cannot be changed."))
    fields = {
        k: v
        for k, v in (data or {}).items()
        if k in ("activity_status", "percent_complete", "achievements", "challenges", "next_steps")
    }
    for name, value in fields.items():
        setattr(report, name, value)
    report.full_clean(exclude=["created_by"])
    if people is not None:
        _save_people(report, user, people)
    if values is not None:
        _save_values(report, user, _clean_values(report, values))
    return _bump(report, user)


def _save_people(report, user, people):
    existing = {(p.sex, p.age_band, p.vulnerable_group_id): p for p in report.people.all()}
    targeted = set(report.activity.target_groups.values_list("pk", flat=True))
    strays = [
        key
        for key, count in people.items()
        if not isinstance(key, tuple) and key not in targeted and count not in (None, "")
    ]
    if strays:
        names = ", ".join(str(g) for g in VulnerableGroup.objects.filter(pk__in=strays))
        raise ValidationError(
            {
                "people": _(
                    "The activity does not target %(groups)s: count people only for the groups "
                    "it targets."
                )
                % {"groups": names or ", ".join(map(str, strays))}
            }
        )
    for key, count in people.items():
        if isinstance(key, tuple):
            sex, band, group = key[0], key[1], None
        else:
            sex, band, group = "", "", key
        row = existing.get((sex, band, group))
        if count in (None, ""):
            if row:
                row._history_user = user
                row.delete()
            continue
        if row is None:
            row = PeopleReached(
                report=report, sex=sex, age_band=band, vulnerable_group_id=group, count=count
            )
        elif row.count == int(count):
            continue
        row.count = int(count)
        row._history_user = user
        row.full_clean()
        row.save()


def _save_values(report, user, values):
    existing = {(v.indicator_id, v.governorate_id): v for v in report.values.all()}
    for (indicator_id, governorate_id), value in values.items():
        row = existing.get((indicator_id, governorate_id))
        if value is None:
            if row:
                row._history_user = user
                row.delete()
            continue
        if row is None:
            row = IndicatorValue(
                report=report, indicator_id=indicator_id, governorate_id=governorate_id, value=value
            )
        elif row.value == value:
            continue
        row.value = value
        row._history_user = user
        row.save()


def report_missing(report) -> dict:
    """What must be filled in before the report can be submitted, by field."""
    missing = {}
    if not report.activity_status:
        missing["activity_status"] = _("Say where the activity stands.")
    if report.percent_complete is None:
        missing["percent_complete"] = _("Give the percent complete.")
    if not report.achievements.strip():
        missing["achievements"] = _("Describe what was achieved in this period.")
    empty = [r.indicator.code for r in selectors.value_rows(report) if r.value is None]
    if empty:
        missing["values"] = _("Give a value for every indicator (missing: %(codes)s).") % {
            "codes": ", ".join(sorted(set(empty)))
        }
    return missing


@transaction.atomic
def report_submit(*, user, report, version):
    if not permissions.can_edit_report(user, report):
        raise PermissionDenied(_("You may not submit this report."))
    report = _locked_for_write(report, version)
    if not report.is_editable:
        raise TransitionNotAllowed(_("Only a draft or a returned report can be submitted."))
    missing = report_missing(report)
    if missing:
        raise ValidationError(missing)
    report = _bump(report, user, status=ReportStatus.SUBMITTED, submitted_at=timezone.now())
    _event(report, user, ReportEvent.Kind.SUBMITTED)
    figures.schedule_refresh(period_ids=[report.period_id])  # the reporting rate
    notifications.notify_submitted(report)
    return report


@transaction.atomic
def report_comment(*, user, report, comment):
    if not permissions.can_review(user, report):
        raise PermissionDenied(_("Only Directorate reviewers comment on reports."))
    if not comment.strip():
        raise ValidationError({"comment": _("Write a comment.")})
    if ProgressReport.objects.get(pk=report.pk).is_locked:
        raise ReportLocked()
    return _event(report, user, ReportEvent.Kind.COMMENTED, comment.strip())


@transaction.atomic
def report_return(*, user, report, version, comment):
    if not permissions.can_review(user, report):
        raise PermissionDenied(_("Only Directorate reviewers return reports."))
    if not (comment or "").strip():
        raise ValidationError({"comment": _("Say what the reporter should change.")})
    report = _locked_for_write(report, version)
    if report.status != ReportStatus.SUBMITTED:
        raise TransitionNotAllowed(_("Only a submitted report can be returned."))
    report = _bump(report, user, status=ReportStatus.RETURNED)
    _event(report, user, ReportEvent.Kind.RETURNED, comment.strip())
    figures.schedule_refresh(period_ids=[report.period_id])
    notifications.notify_returned(report, comment.strip())
    return report


@transaction.atomic
def report_approve(*, user, report, version, comment=""):
    """Approve and lock; an optional comment is recorded in the same step."""
    if not permissions.can_review(user, report):
        raise PermissionDenied(_("Only Directorate reviewers approve reports."))
    report = _locked_for_write(report, version)
    if report.status != ReportStatus.SUBMITTED:
        raise TransitionNotAllowed(_("Only a submitted report can be approved."))
    if user.pk in selectors.writers(report):
        raise PermissionDenied(
            _("You wrote part of this report; another reviewer must approve it.")
        )
    report = _bump(report, user, status=ReportStatus.APPROVED, approved_at=timezone.now())
    if comment.strip():
        _event(report, user, ReportEvent.Kind.COMMENTED, comment.strip())
    _event(report, user, ReportEvent.Kind.APPROVED)
    figures.schedule_refresh(_indicators_of(report), period_ids=[report.period_id])
    notifications.notify_approved(report)
    return report


@transaction.atomic
def report_reopen(*, user, report, reason):
    """Unlock an approved report for correction; only Directorate admins, with a reason."""
    if not permissions.can_reopen(user, report):
        raise PermissionDenied(_("Only Directorate admins reopen approved reports."))
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Give the reason for reopening.")})
    report = ProgressReport.objects.select_for_update().get(pk=report.pk)
    if report.status != ReportStatus.APPROVED:
        raise TransitionNotAllowed(_("Only an approved report can be reopened."))
    report._change_reason = reason.strip()
    report = _bump(report, user, status=ReportStatus.RETURNED, approved_at=None)
    _event(report, user, ReportEvent.Kind.REOPENED, reason.strip())
    figures.schedule_refresh(_indicators_of(report), period_ids=[report.period_id])
    notifications.notify_reopened(report, reason.strip())
    return report


@transaction.atomic
def evidence_add(*, user, report, upload) -> Evidence:
    if not permissions.can_edit_report(user, report):
        raise PermissionDenied(_("You may not add evidence to this report."))
    report = _locked_for_write(report, None)
    if not report.is_editable:
        raise TransitionNotAllowed(_("Evidence can be added to a draft or a returned report."))
    content_type = check_evidence(upload)
    evidence = Evidence(
        report=report,
        original_name=upload.name[:255],
        content_type=content_type,
        size=upload.size,
        uploaded_by=user,
    )
    evidence.file.save(upload.name, upload, save=False)
    evidence._history_user = user
    evidence.save()
    return evidence


@transaction.atomic
def evidence_remove(*, user, evidence) -> None:
    report = evidence.report
    if not permissions.can_edit_report(user, report):
        raise PermissionDenied(_("You may not remove evidence from this report."))
    report = _locked_for_write(report, None)
    if not report.is_editable:
        raise TransitionNotAllowed(_("Evidence can be removed from a draft or a returned report."))
    evidence._history_user = user
    stored = evidence.file.name
    storage = evidence.file.storage
    evidence.delete()
    transaction.on_commit(lambda: storage.delete(stored))


def _period_status(*, user, period, status):
    if not permissions.is_directorate_admin(user):
        raise PermissionDenied(_("Only Directorate admins open and close reporting periods."))
    period.status = status
    period._history_user = user
    period.full_clean()
    period.save()
    return period


@transaction.atomic
def period_open(*, user, period):
    return _period_status(user=user, period=period, status=ReportingPeriod.Status.OPEN)


@transaction.atomic
def period_close(*, user, period):
    return _period_status(user=user, period=period, status=ReportingPeriod.Status.CLOSED)


PEOPLE_KEYS = [(sex, band) for sex in Sex.values for band in AgeBand.values]
