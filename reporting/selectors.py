"""Reads for the reporting pages, already scoped to what the user may see."""

from dataclasses import dataclass

from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from indicators.models import Indicator, ReportingPeriod, Target
from policy.models import Activity, ActivityPartner
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


def work_for(user) -> list[WorkItem]:
    """Every report the user's entities owe in the open periods, with the report if started."""
    scopes = permissions.reporter_memberships(user)
    if not scopes:
        return []
    periods = list(open_periods())
    entity_ids = {m.entity_id for m in scopes}
    activities = (
        Activity.objects.filter(
            Q(lead_entity_id__in=entity_ids)
            | Q(
                partnerships__entity_id__in=entity_ids,
                partnerships__role=ActivityPartner.Role.IMPLEMENTING,
            )
        )
        .exclude(status=Activity.Status.CANCELLED)
        .select_related("objective__pillar", "lead_entity")
        .prefetch_related("partnerships", "governorates")
        .distinct()
        .order_by("code")
    )
    reports = {
        (r.activity_id, r.entity_id, r.governorate_id, r.period_id): r
        for r in ProgressReport.objects.filter(entity_id__in=entity_ids, period__in=periods)
    }
    items = []
    for period in periods:
        for activity in activities:
            if activity.start_date > period.end_date or activity.end_date < period.start_date:
                continue
            for m in scopes:
                if permissions.membership_for(user, activity, m.entity_id, m.governorate_id):
                    key = (activity.pk, m.entity_id, m.governorate_id, period.pk)
                    items.append(
                        WorkItem(
                            activity,
                            m.entity_id,
                            m.entity.name,
                            m.governorate,
                            period,
                            reports.get(key),
                        )
                    )
    # A report returned for correction stays on the list even after its period closed.
    for report in (
        ProgressReport.objects.filter(entity_id__in=entity_ids, status=ReportStatus.RETURNED)
        .exclude(period__in=periods)
        .select_related("activity__objective__pillar", "period", "entity", "governorate")
        .prefetch_related("activity__partnerships", "activity__governorates")
    ):
        if permissions.can_edit_report(user, report):
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


def report_indicators(report) -> list[Indicator]:
    """The numeric indicators a report carries: the activity's own, and its objective's outcome
    indicators for which the reporting entity is responsible."""
    return list(
        Indicator.objects.filter(
            Q(activity=report.activity)
            | Q(objective_id=report.activity.objective_id, responsible_entity_id=report.entity_id)
        )
        # Text indicators have no number to report; the narrative carries them.
        .exclude(unit=Indicator.Unit.TEXT)
        .order_by("code")
    )


def report_governorates(report) -> list:
    """Where values are reported: the report's own governorate, else each governorate the
    activity lists; a nation-wide activity reports one national value (None)."""
    if report.governorate_id:
        return [report.governorate]
    if report.activity.is_nationwide:
        return [None]
    return list(report.activity.governorates.all()) or [None]


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


def value_rows(report) -> list[ValueRow]:
    """Each indicator x governorate cell of the report, with last period's value and target."""
    indicators = report_indicators(report)
    governorates = report_governorates(report)
    gov_ids = [g.pk if g else None for g in governorates]
    current = {(v.indicator_id, v.governorate_id): v for v in report.values.all()}
    previous_report = (
        ProgressReport.objects.filter(
            activity_id=report.activity_id,
            entity_id=report.entity_id,
            governorate_id=report.governorate_id,
            period__policy_id=report.period.policy_id,
            period__start_date__lt=report.period.start_date,
            status=ReportStatus.APPROVED,  # only official figures are shown as "last period"
        )
        .order_by("-period__start_date")
        .prefetch_related(Prefetch("values"))
        .first()
    )
    previous = (
        {(v.indicator_id, v.governorate_id): v for v in previous_report.values.all()}
        if previous_report
        else {}
    )
    # The target that applies: the first one due at or after this period's end.
    targets = {}
    for t in (
        Target.objects.filter(
            indicator__in=indicators, period__end_date__gte=report.period.end_date
        )
        .filter(Q(governorate__isnull=True) | Q(governorate_id__in=[g for g in gov_ids if g]))
        .select_related("period")
        .order_by("-period__end_date")
    ):
        targets[(t.indicator_id, t.governorate_id)] = t
    rows = []
    for indicator in indicators:
        for gov in governorates:
            key = (indicator.pk, gov.pk if gov else None)
            target = targets.get(key) or targets.get((indicator.pk, None))
            rows.append(ValueRow(indicator, gov, current.get(key), previous.get(key), target))
    return rows


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
        what = f"{record.indicator.code} ({where})"
        old = last.get(record.id)
        new = "" if record.history_type == "-" else local_number(record.value)
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
