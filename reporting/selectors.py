"""Reads for the reporting pages, already scoped to what the user may see."""

from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts import roles
from core.text import isolate
from indicators.models import Indicator, ReportingPeriod, Target
from policy.models import Activity
from reporting import permissions
from reporting.models import IndicatorValue, ProgressReport, ReportEvent, ReportStatus


def reports_visible_to(user):
    return (
        ProgressReport.objects.filter(permissions.visible_reports_filter(user))
        .select_related("activity__objective__pillar", "entity", "period", "governorate")
        .distinct()
    )


def open_periods():
    return ReportingPeriod.objects.filter(status=ReportingPeriod.Status.OPEN).select_related(
        "policy"
    )


@dataclass
class WorkItem:
    """One report a reporter owes: an activity, for an entity (and governorate), in a period."""

    activity: Activity
    entity_id: int
    entity_name: str
    governorate: object
    period: ReportingPeriod
    report: ProgressReport | None

    @property
    def state(self):
        if self.report is not None and self.report.status != ReportStatus.DRAFT:
            return self.report.status
        late = timezone.localdate() > self.period.due_date
        if self.report is None:
            return "late" if late else "due"
        return "late" if late else ReportStatus.DRAFT

    @property
    def state_label(self):
        return {
            "due": _("Due"),
            "late": _("Late"),
            ReportStatus.DRAFT: _("Draft saved"),
            ReportStatus.SUBMITTED: _("Submitted, waiting for review"),
            ReportStatus.RETURNED: _("Returned: please correct"),
            ReportStatus.APPROVED: _("Approved"),
        }[self.state]


def activity_runs_in(activity, period) -> bool:
    return activity.start_date <= period.end_date and activity.end_date >= period.start_date


def _activities_of(entity_ids, *, policy_id=None, period=None):
    """The activities the entities report on (they lead or implement them), not cancelled."""
    activities = (
        Activity.objects.owed_by(entity_ids)
        .exclude(status=Activity.Status.CANCELLED)
        .select_related("objective__pillar", "lead_entity")
        .prefetch_related("partnerships", "governorates")
        .order_by("code")
    )
    if policy_id is not None:
        activities = activities.filter(objective__policy_id=policy_id)
    if period is not None:
        activities = activities.filter(
            start_date__lte=period.end_date, end_date__gte=period.start_date
        )
    return activities


def owed(user, periods) -> list[tuple]:
    """(activity, membership, period) for each report the user owes in `periods`: the one rule
    of what a reporter owes, used by "my work", the report workbook and the API."""
    scopes = roles.reporter_memberships(user)
    periods = list(periods)
    if not scopes or not periods:
        return []
    entity_ids = {m.entity_id for m in scopes}
    policies = {p.policy_id for p in periods}
    activities = list(
        _activities_of(entity_ids, policy_id=next(iter(policies)) if len(policies) == 1 else None)
    )
    found = []
    for period in periods:
        for activity in activities:
            # A period belongs to one plan: its reports are on that plan's activities.
            if activity.objective.policy_id != period.policy_id:
                continue
            if not activity_runs_in(activity, period):
                continue
            for m in scopes:
                if permissions.membership_for(user, activity, m.entity_id, m.governorate_id):
                    found.append((activity, m, period))
    return found


def work_for(user) -> list[WorkItem]:
    """Every report the user's entities owe in the open periods, with the report if started."""
    scopes = roles.reporter_memberships(user)
    if not scopes:
        return []
    periods = list(open_periods())
    entity_ids = {m.entity_id for m in scopes}
    reports = {
        (r.activity_id, r.entity_id, r.governorate_id, r.period_id): r
        for r in ProgressReport.objects.filter(entity_id__in=entity_ids, period__in=periods)
    }
    items = []
    for activity, m, period in owed(user, periods):
        key = (activity.pk, m.entity_id, m.governorate_id, period.pk)
        items.append(
            WorkItem(activity, m.entity_id, m.entity.name, m.governorate, period, reports.get(key))
        )
    # A report returned for correction stays on the list even after its period closed.
    for report in returned_elsewhere(user, exclude_periods=periods):
        items.append(
            WorkItem(
                report.activity,
                report.entity_id,
                report.entity.name,
                report.governorate,
                report.period,
                report,
            )
        )
    return items


def returned_elsewhere(user, *, exclude_periods=(), period=None) -> list[ProgressReport]:
    """Reports returned for correction that the user may edit, outside `exclude_periods` (or in
    `period` only)."""
    entity_ids = {m.entity_id for m in roles.reporter_memberships(user)}
    if not entity_ids:
        return []
    reports = (
        ProgressReport.objects.filter(entity_id__in=entity_ids, status=ReportStatus.RETURNED)
        .exclude(period__in=list(exclude_periods))
        .select_related(
            "activity__objective__pillar",
            "activity__lead_entity",
            "period",
            "entity",
            "governorate",
        )
        .prefetch_related("activity__partnerships", "activity__governorates")
        .order_by("activity__code", "pk")
    )
    if period is not None:
        reports = reports.filter(period=period)
    return [r for r in reports if permissions.can_edit_report(user, r)]


def report_indicators(report) -> list[Indicator]:
    """The numeric indicators a report carries: the activity's own, and its objective's outcome
    indicators for which the reporting entity is responsible."""
    return list(
        _indicators_for([(report.activity, report.entity_id)])[
            (report.activity.pk, report.entity_id)
        ]
    )


def _indicators_for(pairs) -> dict:
    """{(activity id, entity id): [indicator, ...] by code} for (activity, entity id) pairs: the
    rule of report_indicators, for many reports in two queries at most."""
    pairs = list(pairs)
    if not pairs:
        return {}
    activity_ids = {a.pk for a, _e in pairs}
    outcome = Q(
        objective_id__in={a.objective_id for a, _e in pairs},
        responsible_entity_id__in={e for _a, e in pairs},
    )
    own, responsible = {}, {}
    # Text indicators have no number to report; the narrative carries them.
    for indicator in (
        Indicator.objects.filter(Q(activity_id__in=activity_ids) | outcome)
        .exclude(unit=Indicator.Unit.TEXT)
        .order_by("code", "pk")
    ):
        if indicator.activity_id in activity_ids:
            own.setdefault(indicator.activity_id, []).append(indicator)
        if indicator.objective_id and indicator.responsible_entity_id:
            key = (indicator.objective_id, indicator.responsible_entity_id)
            responsible.setdefault(key, []).append(indicator)
    found = {}
    for activity, entity_id in pairs:
        chosen = {
            i.pk: i
            for i in (
                *own.get(activity.pk, ()),
                *responsible.get((activity.objective_id, entity_id), ()),
            )
        }
        found[(activity.pk, entity_id)] = sorted(chosen.values(), key=lambda i: (i.code, i.pk))
    return found


def report_governorates(report) -> list:
    """Where values are reported: the report's own governorate, else each governorate the
    activity lists; a nation-wide activity reports one national value (None)."""
    return _places(report.activity, report.governorate)


def _places(activity, governorate) -> list:
    if governorate is not None:
        return [governorate]
    if activity.is_nationwide:
        return [None]
    return list(activity.governorates.all()) or [None]


@dataclass
class ValueRow:
    indicator: Indicator
    governorate: object
    value: IndicatorValue | None
    previous: IndicatorValue | None
    target: Target | None

    @property
    def key(self):
        gov = self.governorate.code if self.governorate else "national"
        return f"value-{self.indicator.pk}-{gov}"


@dataclass
class Slot:
    """A report someone owes or holds: an activity, for an entity (and a governorate, when a
    governorate office reports for its own), in a period; `report` once started."""

    activity: Activity
    entity: object
    governorate: object
    period: ReportingPeriod
    report: ProgressReport | None = None

    @property
    def key(self):
        return (
            self.activity.pk,
            self.entity.pk,
            self.governorate.pk if self.governorate else None,
            self.period.pk,
        )


def value_rows(report) -> list[ValueRow]:
    """Each indicator x governorate cell of the report, with last period's value and target."""
    slot = Slot(report.activity, report.entity, report.governorate, report.period, report)
    return value_grid([slot])[slot.key]


def value_grid(slots) -> dict:
    """{slot key: [ValueRow, ...]}: each indicator x governorate cell of each slot, with its
    current value, the value of the last approved report before it, and the target that
    applies. The same rules for one report (the web form) and for thousands (a workbook), in
    six queries whatever their number."""
    slots = list(slots)
    if not slots:
        return {}
    indicators = _indicators_for({(s.activity, s.entity.pk) for s in slots})
    reports = [s.report for s in slots if s.report is not None]
    current = {}
    if reports:
        for v in IndicatorValue.objects.filter(report__in=reports):
            current[(v.report_id, v.indicator_id, v.governorate_id)] = v
    # Only official figures are shown as "last period": the latest approved report before.
    earlier = {}
    latest_start = max(s.period.start_date for s in slots)
    for r in (
        ProgressReport.objects.filter(
            activity_id__in={s.activity.pk for s in slots},
            entity_id__in={s.entity.pk for s in slots},
            period__policy_id__in={s.period.policy_id for s in slots},
            period__start_date__lt=latest_start,
            status=ReportStatus.APPROVED,
        )
        .select_related("period")
        .order_by("-period__start_date", "pk")
    ):
        earlier.setdefault((r.activity_id, r.entity_id, r.governorate_id), []).append(r)
    previous_report = {}
    for s in slots:
        for r in earlier.get(s.key[:3], ()):
            if (
                r.period.policy_id == s.period.policy_id
                and r.period.start_date < s.period.start_date
            ):
                previous_report[s.key] = r.pk
                break
    previous = {}
    if previous_report:
        for v in IndicatorValue.objects.filter(report_id__in=set(previous_report.values())):
            previous[(v.report_id, v.indicator_id, v.governorate_id)] = v
    # The target that applies: the first one due at or after the period's end.
    all_indicators = {i.pk for rows in indicators.values() for i in rows}
    targets = {}
    if all_indicators:
        for t in (
            Target.objects.filter(
                indicator_id__in=all_indicators,
                period__end_date__gte=min(s.period.end_date for s in slots),
            )
            .select_related("period")
            .order_by("period__end_date", "pk")
        ):
            targets.setdefault((t.indicator_id, t.governorate_id), []).append(t)

    def target_for(indicator_id, governorate_id, end):
        for t in targets.get((indicator_id, governorate_id), ()):
            if t.period.end_date >= end:
                return t
        return None

    grid = {}
    for s in slots:
        report_id = s.report.pk if s.report is not None else None
        earlier_id = previous_report.get(s.key)
        rows = []
        for indicator in indicators[(s.activity.pk, s.entity.pk)]:
            for gov in _places(s.activity, s.governorate):
                gov_id = gov.pk if gov else None
                target = None
                if gov_id is not None:
                    target = target_for(indicator.pk, gov_id, s.period.end_date)
                target = target or target_for(indicator.pk, None, s.period.end_date)
                rows.append(
                    ValueRow(
                        indicator,
                        gov,
                        current.get((report_id, indicator.pk, gov_id)),
                        previous.get((earlier_id, indicator.pk, gov_id)),
                        target,
                    )
                )
        grid[s.key] = rows
    return grid


@dataclass
class Change:
    at: object
    user: object
    what: str
    old: str
    new: str
    written: bool = False  # old and new are what a person wrote (a narrative), not our words


def report_changes(report) -> list[Change]:
    """Who changed what in a report, newest first, from its history (a few queries in all)."""
    from core.templatetags.numbers import local_number
    from reporting.models import Evidence

    changes = []
    watched = (
        "activity_status",
        "percent_complete",
        "achievements",
        "challenges",
        "next_steps",
        "status",
    )
    fields = {f: ProgressReport._meta.get_field(f) for f in watched}
    labels = {f: str(field.verbose_name) for f, field in fields.items()}
    # A status is shown by its name in the reader's language, not by its stored value.
    choices = {f: dict(field.flatchoices) for f, field in fields.items() if field.choices}
    previous = None
    for record in report.history.order_by("history_date", "history_id").select_related(
        "history_user"
    ):
        if previous is not None:
            for field in watched:
                old, new = getattr(previous, field), getattr(record, field)
                if old != new:
                    names = choices.get(field, {})
                    changes.append(
                        Change(
                            record.history_date,
                            record.history_user,
                            labels[field],
                            _short(names.get(old, old)),
                            _short(names.get(new, new)),
                            written=field in ("achievements", "challenges", "next_steps"),
                        )
                    )
        previous = record
    last = {}
    for record in (
        IndicatorValue.history.filter(report_id=report.pk)
        .order_by("history_date", "history_id")
        .select_related("history_user", "indicator", "governorate")
    ):
        where = record.governorate.name if record.governorate_id else _("national")
        what = f"{isolate(record.indicator.code, rtl_only=True)} ({where})"
        old = last.get(record.id)
        if record.history_type == "-":
            new = ""
        elif record.not_available:
            new = str(_("not available"))
        else:
            new = local_number(record.value)
        if old is not None or new:
            changes.append(Change(record.history_date, record.history_user, what, old or "", new))
        last[record.id] = None if record.history_type == "-" else new
    for record in Evidence.history.filter(report_id=report.pk).select_related("history_user"):
        added = record.history_type != "-"
        changes.append(
            Change(
                record.history_date,
                record.history_user,
                _("evidence file"),
                "" if added else record.original_name,
                record.original_name if added else "",
                written=True,
            )
        )
    changes.sort(key=lambda c: c.at, reverse=True)
    return changes


def _short(value):
    text = "" if value is None else str(value)
    return text if len(text) <= 120 else text[:117] + "…"


WRITTEN_FIELDS = ("activity_status", "percent_complete", "achievements", "challenges", "next_steps")


def writers(report) -> set[int]:
    """Everyone who wrote any part of a report: who started it, submitted it, uploaded its
    evidence, or saved its texts, values or people counts (from the history, so a part written
    and then removed counts too). A review (a return, a comment) is not writing."""
    from reporting.models import Evidence, PeopleReached

    ids = {report.created_by_id, *report.evidence.values_list("uploaded_by_id", flat=True)}
    ids |= set(
        report.events.filter(kind=ReportEvent.Kind.SUBMITTED).values_list("user_id", flat=True)
    )
    for model in (IndicatorValue, PeopleReached, Evidence):
        ids |= set(
            model.history.filter(report_id=report.pk).values_list("history_user_id", flat=True)
        )
    previous = None
    for record in report.history.order_by("history_date", "history_id").only(
        "history_user_id", *WRITTEN_FIELDS
    ):
        if previous is None or any(
            getattr(previous, f) != getattr(record, f) for f in WRITTEN_FIELDS
        ):
            ids.add(record.history_user_id)
        previous = record
    ids.discard(None)
    return ids
