"""Every write to a progress report. Web forms, the admin and (later) the API call these; each
checks permission, state and version, writes, records the timeline and history, and mails.

Errors: PermissionDenied (not yours to do), ValidationError (bad or missing data, with messages
per field), ReportLocked (approved: nothing may change), TransitionNotAllowed (wrong state for
the step), ReportConflict (someone else changed the report since you opened it).
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import roles
from core import copy
from core.exports import safe_cell, unneutralise
from core.services import StateError
from core.text import join_list
from indicators.models import PERCENT_RANGE, Indicator, ReportingPeriod, range_problem
from policy.models import VulnerableGroup
from reporting import notifications, permissions, selectors
from reporting.evidence import check_evidence
from reporting.models import (
    PERCENT_COMPLETE_OUTSIDE,
    AgeBand,
    Evidence,
    IndicatorValue,
    PeopleReached,
    ProgressReport,
    ReportEvent,
    ReportStatus,
    Sex,
)
from reporting.signals import reports_changed

# What IndicatorValue.value holds (max_digits=18, decimal_places=4).
VALUE_DIGITS = IndicatorValue._meta.get_field("value").max_digits
VALUE_DECIMALS = IndicatorValue._meta.get_field("value").decimal_places
VALUE_LIMIT = Decimal(10) ** (VALUE_DIGITS - VALUE_DECIMALS)
NOTE_LIMIT = IndicatorValue._meta.get_field("note").max_length


class ReportError(StateError):
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


def _counts_changed(indicator_ids=(), period_ids=()):
    """The figures of these indicators and periods change (reporting.signals)."""
    reports_changed.send(ProgressReport, indicator_ids=indicator_ids, period_ids=period_ids)


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
    _counts_changed(period_ids=[report.period_id])  # the report counts
    _event(report, user, ReportEvent.Kind.CREATED)
    return report


@dataclass(frozen=True)
class NotAvailable:
    """The answer "not available" for an indicator value (in `values` of report_update and
    report_save), with the reporter's reason if they gave one: stored as a value with no number
    (IndicatorValue.not_available), counted neither as missing nor in any figure."""

    reason: str = ""


def value_problem(indicator, value) -> str | None:
    """Why `value` cannot be reported for `indicator` (a Decimal), or None: the one rule of a
    reported number, for the form, the workbook and the API."""
    problem = range_problem(indicator.unit, value)
    if problem:
        return problem
    if indicator.unit == Indicator.Unit.YES_NO and value not in (0, 1):
        return _("Answer yes (1) or no (0).")
    if value.as_tuple().exponent < -VALUE_DECIMALS or value >= VALUE_LIMIT:
        return _("At most %(decimals)s decimal places and %(digits)s digits before them.") % {
            "decimals": VALUE_DECIMALS,
            "digits": VALUE_DIGITS - VALUE_DECIMALS,
        }
    return None


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
        if value is None or isinstance(value, NotAvailable):
            clean[key] = value
            continue
        value = Decimal(value)
        problem = value_problem(indicator, value)
        if problem:
            errors[key] = problem
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


@dataclass
class ReportSaved:
    """What report_save did: the report as saved; `removed`, the name of the evidence file
    taken away; `not_submitted`, why a submission asked for was refused (the draft is saved:
    nothing the person typed is lost)."""

    report: ProgressReport
    removed: str | None = None
    submitted: bool = False
    not_submitted: dict | None = None
    evidence: Evidence | None = None  # the file added


def report_save(
    *,
    user,
    report,
    version,
    data=None,
    people=None,
    values=None,
    evidence=None,
    remove_evidence=None,
    submit=False,
) -> ReportSaved:
    """The report form's one action, in one transaction: save the draft, add an evidence file
    and remove another, then submit if asked. Any refusal (a conflict, a bad file, a value out
    of range) writes nothing, the new file included. A submission refused because the report
    is not complete yet leaves the draft saved, with the reasons (`not_submitted`)."""
    stored = []
    try:
        with transaction.atomic():
            report = report_update(
                user=user, report=report, version=version, data=data, people=people, values=values
            )
            if evidence is not None:
                added = evidence_add(user=user, report=report, upload=evidence)
                stored.append((added.file.storage, added.file.name))
            outcome = ReportSaved(report=report, evidence=added if evidence is not None else None)
            if remove_evidence is not None:
                gone = report.evidence.filter(pk=remove_evidence).first()
                if gone is not None:
                    evidence_remove(user=user, evidence=gone)
                    outcome.removed = gone.original_name
            if submit and outcome.removed is None:
                try:
                    with transaction.atomic():
                        outcome.report = report_submit(
                            user=user, report=report, version=report.version
                        )
                        outcome.submitted = True
                except ValidationError as incomplete:
                    outcome.not_submitted = incomplete.message_dict
            return outcome
    except BaseException:
        for storage, name in stored:  # the row is gone with the transaction: so is the file
            storage.delete(name)
        raise


def _save_people(report, user, people):
    existing = {(p.sex, p.age_band, p.vulnerable_group_id): p for p in report.people.all()}
    targeted = set(report.activity.target_groups.values_list("pk", flat=True))
    strays = [
        key
        for key, count in people.items()
        if not isinstance(key, tuple) and key not in targeted and count not in (None, "")
    ]
    if strays:
        names = join_list(VulnerableGroup.objects.filter(pk__in=strays))
        raise ValidationError(
            {
                "people": _(
                    "The activity does not target %(groups)s: count people only for the groups "
                    "it targets."
                )
                % {"groups": names or join_list(strays)}
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
        if isinstance(value, NotAvailable):
            number, flag, note = None, True, value.reason.strip()[:NOTE_LIMIT]
        else:
            number, flag, note = value, False, row.note if row and not row.not_available else ""
        if row is None:
            row = IndicatorValue(
                report=report, indicator_id=indicator_id, governorate_id=governorate_id
            )
        elif (row.value, row.not_available, row.note) == (number, flag, note):
            continue
        row.value, row.not_available, row.note = number, flag, note
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
        missing["values"] = _(
            "Give a value for every indicator, or mark it not available (missing: %(codes)s)."
        ) % {"codes": join_list(sorted(set(empty)))}
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
    _counts_changed(period_ids=[report.period_id])  # the reporting rate
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
    _counts_changed(period_ids=[report.period_id])
    notifications.notify_returned(report, comment.strip())
    return report


@transaction.atomic
def report_approve(*, user, report, version, comment="", confirmed=None):
    """Approve and lock; an optional comment is recorded in the same step. `confirmed`: the
    reviewer's answer to "approving locks the report" where a page asks it (the review page):
    False refuses; None where nothing is asked (the API, whose call is the confirmation)."""
    if not permissions.can_review(user, report):
        raise PermissionDenied(_("Only Directorate reviewers approve reports."))
    if confirmed is False:
        raise ValidationError(
            {
                "confirm": _(
                    "Tick the box to confirm that you checked the figures and evidence: "
                    "approving locks the report."
                )
            }
        )
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
    _counts_changed(_indicators_of(report), period_ids=[report.period_id])
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
    _counts_changed(_indicators_of(report), period_ids=[report.period_id])
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


PEOPLE_KEYS = [(sex, band) for sex in Sex.values for band in AgeBand.values]


# -- many reports at once: the report workbook and its API -------------------------------------
REPORT_FIELDS = ("activity_status", "percent_complete", "achievements", "challenges", "next_steps")


@dataclass
class SlotChange:
    """What a workbook (or an API client) says one report should hold. `slot`: a
    selectors.Slot, its report as read when the workbook was made known by `version` (None: no
    report then). `fields`: the narrative fields given, by name; `values`: {(indicator id,
    governorate id): Decimal or None (cleared)}; only what is given is compared and written.
    `problems`: what could not be read for it (cells), which refuse it."""

    slot: selectors.Slot
    version: int | None
    fields: dict = field(default_factory=dict)
    values: dict = field(default_factory=dict)
    problems: list = field(default_factory=list)
    where: str = ""  # how a person finds it in the file ("row 12")


@dataclass
class SlotOutcome:
    change: SlotChange
    state: str = "unchanged"  # new, changed, unchanged, refused
    reasons: list = field(default_factory=list)
    fields_changed: list = field(default_factory=list)
    values_new: int = 0
    values_changed: int = 0
    values_cleared: int = 0
    submitted: bool = False
    missing: list = field(default_factory=list)
    report: ProgressReport | None = None
    existing: dict = field(default_factory=dict)  # {(indicator id, governorate id): value row}

    @property
    def values_written(self):
        return self.values_new + self.values_changed + self.values_cleared


class BulkRefused(ReportError):
    """Some reports were refused: nothing was written. `outcomes` says which and why."""

    def __init__(self, outcomes):
        self.outcomes = outcomes
        refused = [o for o in outcomes if o.state == "refused"]
        super().__init__(
            _("%(count)s reports were refused, so nothing was saved.") % {"count": len(refused)}
        )


def _normal_text(text):
    """A text as it comes back from a workbook cell: what a cell cannot hold left out
    (core.exports.safe_cell), one kind of line break."""
    text = unneutralise(safe_cell(text or ""))
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _same(name, old, new):
    if name in ("achievements", "challenges", "next_steps"):
        return _normal_text(old) == _normal_text(new)
    return (old if old is not None else "") == (new if new is not None else "")


def reports_bulk_save(
    *, user, changes, on_behalf=False, submit=False, dry_run=False, grid=None, reason=""
) -> list[SlotOutcome]:
    """Save what many reports should hold, all or nothing: the same rules as report_start,
    report_update and report_submit, checked for every report before anything is written,
    then written in bulk, each change in the history. `on_behalf`: a Directorate import of
    values into any entity's reports (reviewers only); else the person reports on each slot.
    `submit`: then submit each report of the changes that is complete. `dry_run`: check and
    say what would change, write nothing. Raises BulkRefused (nothing written) when any report
    is refused. `grid`: selectors.value_grid of the slots, when the caller has it."""
    with transaction.atomic():
        outcomes = _bulk_plan(user, changes, on_behalf, grid)
        if any(o.state == "refused" for o in outcomes):
            raise BulkRefused(outcomes)
        if dry_run:
            return outcomes
        _bulk_write(user, outcomes, reason)
        if submit:
            _bulk_submit(user, outcomes)
        return outcomes


def _bulk_plan(user, changes, on_behalf, grid):
    changes = list(changes)
    if on_behalf and not roles.is_reviewer(user):
        raise PermissionDenied(_("Only Directorate reviewers import values for other entities."))
    slots = [c.slot for c in changes]
    # The reports as they stand now, locked until the transaction ends: what is compared is
    # what is written over.
    pairs = {(s.activity.pk, s.entity.pk, s.period.pk) for s in slots}
    current = {}
    if pairs:
        query = ProgressReport.objects.filter(
            activity_id__in={a for a, _e, _p in pairs},
            entity_id__in={e for _a, e, _p in pairs},
            period_id__in={p for _a, _e, p in pairs},
        )
        # In a fixed order, so two saves over the same reports wait for each other instead of
        # deadlocking.
        for report in query.order_by("pk").select_for_update():
            current[
                (report.activity_id, report.entity_id, report.governorate_id, report.period_id)
            ] = report
    stale = False
    for slot in slots:
        now = current.get(slot.key)
        seen = slot.report
        if (seen and (seen.pk, seen.version)) != (now and (now.pk, now.version)):
            stale = True  # started or saved since the caller read it: read its cells again
        slot.report = now
    if grid is None or stale:
        grid = selectors.value_grid(slots)
    outcomes = []
    for change in changes:
        outcome = SlotOutcome(change, report=change.slot.report)
        outcomes.append(outcome)
        _plan_one(user, change, outcome, on_behalf, grid.get(change.slot.key, []))
    return outcomes


def _plan_one(user, change, outcome, on_behalf, rows):
    slot, report = change.slot, change.slot.report
    reasons = outcome.reasons
    reasons.extend(change.problems)
    allowed = (
        roles.is_reviewer(user)
        if on_behalf
        else permissions.can_report(
            user, slot.activity, slot.entity.pk, slot.governorate.pk if slot.governorate else None
        )
    )
    if not allowed:
        reasons.append(_("You do not report on this activity for this entity."))
        outcome.state = "refused"
        return
    baseline = report or ProgressReport(activity_status=slot.activity.status)
    for name, value in change.fields.items():
        if not _same(name, getattr(baseline, name), value):
            outcome.fields_changed.append(name)
    cells = {(r.indicator.pk, r.governorate.pk if r.governorate else None): r for r in rows}
    outcome.existing = {k: r.value for k, r in cells.items() if r.value is not None}
    if outcome.fields_changed:
        reasons.extend(_field_problems(baseline, change.fields))
    for key, value in change.values.items():
        row = cells.get(key)
        if row is None:
            reasons.append(_("This indicator is not part of the report."))
            continue
        if value is not None and not isinstance(value, NotAvailable):
            problem = value_problem(row.indicator, value)
            if problem:
                reasons.append(f"{row.indicator.code}: {problem}")
                continue
        old = _answer(row.value)
        if old is None and value is not None:
            outcome.values_new += 1
        elif old is not None and value is None:
            outcome.values_cleared += 1
        elif old is not None and old != value:
            outcome.values_changed += 1
    if (
        report is None
        and outcome.fields_changed == ["activity_status"]
        and not (outcome.values_written)
    ):
        # A report not started, whose row says only where the activity stood when the workbook
        # was made (the plan may have changed since): nothing to report yet.
        outcome.fields_changed = []
    touched = outcome.fields_changed or outcome.values_written
    if not reasons and touched:
        reasons.extend(_state_refusal(change, report))
    if reasons:
        outcome.state = "refused"
    elif not touched:
        outcome.state = "unchanged"
    else:
        outcome.state = "new" if report is None else "changed"


def _answer(row):
    """What a stored value row answers: its number, NotAvailable(its note), or None (no row)."""
    if row is None:
        return None
    return NotAvailable(row.note) if row.not_available else row.value


def _set_answer(row, value):
    """Write a number or NotAvailable into a value row (the note is the reason, or kept)."""
    if isinstance(value, NotAvailable):
        row.value, row.not_available, row.note = None, True, value.reason.strip()[:NOTE_LIMIT]
    else:
        row.note = "" if row.not_available else row.note
        row.value, row.not_available = value, False


def _field_problems(baseline, fields) -> list:
    """The narrative fields' own rules (choices, lengths, 0-100), as the form's full_clean."""
    candidate = ProgressReport(
        **{f.attname: getattr(baseline, f.attname) for f in ProgressReport._meta.concrete_fields}
    )
    for name, value in fields.items():
        setattr(candidate, name, value)
    problems = []
    try:
        candidate.clean_fields(
            exclude=[f.name for f in ProgressReport._meta.fields if f.name not in fields]
        )
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            label = ProgressReport._meta.get_field(name).verbose_name
            problems.extend(f"{label}: {m}" for m in messages)
    percent = fields.get("percent_complete")  # clean_fields refused a negative one
    if percent is not None and percent > PERCENT_RANGE[1]:
        problems.append(PERCENT_COMPLETE_OUTSIDE)
    return problems


def _state_refusal(change, report) -> list:
    slot = change.slot
    if report is None:
        if change.version not in (None, 1):
            return [_("This report was deleted since the workbook was made. Download a new one.")]
        period, activity = slot.period, slot.activity
        if period.status != ReportingPeriod.Status.OPEN:
            return [_("The period %(period)s is not open for reporting.") % {"period": period}]
        if period.policy_id != activity.objective.policy_id:
            return [_("The period belongs to another policy than the activity.")]
        if activity.status == activity.Status.CANCELLED:
            return [_("The activity is cancelled; there is nothing to report.")]
        if not selectors.activity_runs_in(activity, period):
            return [_("The activity does not run in %(period)s.") % {"period": period}]
        return []
    if report.is_locked:
        return [str(ReportLocked())]
    if not report.is_editable:
        return [_("A submitted report waits for review; it cannot be changed.")]
    # A report started since the workbook was made is at version 1 until someone saves it.
    known = change.version if change.version is not None else 1
    if report.version != known:
        return [
            _(
                "Someone changed this report in the portal since the workbook was made "
                "(version %(then)s, now %(now)s). Download a new workbook and enter your "
                "changes again."
            )
            % {"then": change.version or "-", "now": report.version}
        ]
    return []


def _bulk_write(user, outcomes, reason):
    from core.services import BATCH, bulk_delete, bulk_history

    now = timezone.now()
    writing = [o for o in outcomes if o.state in ("new", "changed")]
    if not writing:
        return
    # New reports: as report_start makes them, with what the file gives.
    created, updated = [], []
    for o in writing:
        if o.state == "new":
            slot = o.change.slot
            o.report = slot.report = ProgressReport(
                activity=slot.activity,
                entity=slot.entity,
                period=slot.period,
                governorate=slot.governorate,
                created_by=user,
                activity_status=slot.activity.status,
                # Started and saved at once: version 2, as report_start then report_update
                # leave it, so a file made before it existed is refused as a conflict.
                version=2,
            )
            created.append(o.report)
        else:
            o.report.version += 1
            o.report.updated_at = now
            updated.append(o.report)
        for name in o.fields_changed:
            setattr(o.report, name, o.change.fields[name])
    if created:
        try:
            with transaction.atomic():
                ProgressReport.objects.bulk_create(created, batch_size=BATCH)
        except IntegrityError:
            # Someone started one of these reports since they were read: nothing is written.
            for o in writing:
                if o.state == "new":
                    o.state = "refused"
                    o.reasons.append(
                        _(
                            "Someone started this report in the portal while the workbook was "
                            "being saved. Try again."
                        )
                    )
            raise BulkRefused(outcomes) from None
        bulk_history(ProgressReport, created, "+", user, reason, {})
        ReportEvent.objects.bulk_create(
            [ReportEvent(report=r, user=user, kind=ReportEvent.Kind.CREATED) for r in created],
            batch_size=BATCH,
        )
    if updated:
        names = {name for o in writing for name in o.fields_changed}
        ProgressReport.objects.bulk_update(
            updated, sorted(names | {"version", "updated_at"}), batch_size=BATCH
        )
        bulk_history(ProgressReport, updated, "~", user, reason, {})
    # The values, against those read with the reports (a version that had not moved).
    new, changed, cleared = [], [], []
    for o in writing:
        for key, value in o.change.values.items():
            row = o.existing.get(key)
            if value is None:
                if row is not None:
                    cleared.append(row)
            elif row is None:
                new.append((o.report.pk, key[0], key[1], value))
            elif _answer(row) != value:
                _set_answer(row, value)
                row.updated_at = now
                changed.append(row)
    if copy.available():
        _write_values_copy(user, reason, now, new, changed)
    else:
        if new:
            rows = []
            for r, i, g, v in new:
                row = IndicatorValue(report_id=r, indicator_id=i, governorate_id=g)
                _set_answer(row, v)
                rows.append(row)
            IndicatorValue.objects.bulk_create(rows, batch_size=BATCH)
            bulk_history(IndicatorValue, rows, "+", user, reason, {})
        if changed:
            IndicatorValue.objects.bulk_update(
                changed, ["value", "not_available", "note", "updated_at"], batch_size=BATCH
            )
            bulk_history(IndicatorValue, changed, "~", user, reason, {})
    if cleared:
        bulk_delete(IndicatorValue, cleared, user, reason)
    if created:
        _counts_changed(period_ids={r.period_id for r in created})  # the reports count


VALUE_COLUMNS = [
    "id",
    "updated_at",
    "report_id",
    "indicator_id",
    "governorate_id",
    "value",
    "not_available",
    "note",
]
HISTORY_COLUMNS = ["history_date", "history_change_reason", "history_type", "history_user_id"]


def _write_values_copy(user, reason, now, new, changed):
    """The values and their history records with COPY (PostgreSQL): 50,000 in seconds, where
    the ORM's bulk_create and simple-history's bulk writer take three times as long. The same
    rows and records as the ORM path writes (tests/reporting/test_report_workbook.py runs on
    both)."""
    table = IndicatorValue._meta.db_table
    history = IndicatorValue.history.model._meta.db_table
    stamp = (now, reason)  # "" when none, as simple-history's bulk writer records it
    user_id = user.pk if user is not None else None
    if new:
        ids = copy.next_ids(IndicatorValue, len(new))
        rows = []
        for pk, (r, i, g, v) in zip(ids, new, strict=True):
            answer = IndicatorValue()
            _set_answer(answer, v)
            rows.append((pk, now, r, i, g, answer.value, answer.not_available, answer.note))
        copy.copy_rows(table, VALUE_COLUMNS, rows)
        copy.copy_rows(
            history, VALUE_COLUMNS + HISTORY_COLUMNS, ((*row, *stamp, "+", user_id) for row in rows)
        )
    if changed:
        copy.update_rows(
            table,
            "id",
            [
                ("value", "numeric"),
                ("not_available", "boolean"),
                ("note", "varchar(255)"),
                ("updated_at", "timestamp with time zone"),
            ],
            [(row.pk, row.value, row.not_available, row.note, now) for row in changed],
        )
        copy.copy_rows(
            history,
            VALUE_COLUMNS + HISTORY_COLUMNS,
            (
                (
                    row.pk,
                    now,
                    row.report_id,
                    row.indicator_id,
                    row.governorate_id,
                    row.value,
                    row.not_available,
                    row.note,
                    *stamp,
                    "~",
                    user_id,
                )
                for row in changed
            ),
        )


def _bulk_submit(user, outcomes):
    for o in outcomes:
        report = o.report
        if report is None or not report.is_editable:
            continue
        missing = report_missing(report)
        if missing:
            o.missing = [str(m) for m in missing.values()]
            continue
        report_submit(user=user, report=report, version=report.version)
        o.submitted = True
