"""Demo progress reports in every state, so that each demo account has something to do.
Written through the reporting services, so their timelines and history are real."""

import datetime
import zlib
from decimal import Decimal

from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from accounts.models import User
from indicators.models import Indicator, ReportingPeriod
from policy.models import Activity, Entity
from reporting import selectors, services
from reporting.models import IndicatorValue, PeopleReached, ProgressReport, ReportEvent

# (reporter, activity code, period label, the state to bring the report to, reviewer comment)
SCENARIOS = [
    ("cso", "4.1.1", "2024-Q3", "approved", ""),
    (
        "cso",
        "1.2.3",
        "2024-Q3",
        "returned",
        "Please add the number of women trained in each governorate and attach the attendance "
        "sheets.",
    ),
    ("cso", "1.1.3", "2024-Q3", "submitted", ""),
    ("cso", "4.1.1", "2024-Q4", "draft", ""),
    ("focal", "3.2.3", "2024-Q3", "approved", ""),
    ("focal", "3.2.1", "2024-Q3", "submitted", ""),
    (
        "focal",
        "2.3.3",
        "2024-Q3",
        "returned",
        "The share of women-headed households looks too high; check it against the MoLSA register.",
    ),
    ("focal", "3.2.4", "2024-Q3", "draft", ""),
]

ACHIEVEMENTS = (
    "Sessions held as planned with women's organisations and local authorities; "
    "participants came from the districts named in the plan."
)


def demo_due_dates():
    """The two open demo periods stay realistic whatever today's date: one late, one due."""
    today = timezone.localdate()
    return {
        "2024-Q3": today - datetime.timedelta(days=10),
        "2024-Q4": today + datetime.timedelta(days=20),
    }


def _value_for(row, share):
    indicator = row.indicator
    base = indicator.baseline_value or Decimal(0)
    target = row.target.value if row.target else base + 10
    if indicator.unit == Indicator.Unit.YES_NO:
        return Decimal(1 if share > Decimal("0.5") else 0)
    value = base + (target - base) * share
    return value.quantize(Decimal("1") if indicator.unit != "percent" else Decimal("0.1"))


def _fill(report, user, share):
    people = {("female", "18-29"): 40, ("female", "30-59"): 65, ("male", "18-29"): 5}
    for group in report.activity.target_groups.all()[:2]:
        people[group.pk] = 12
    values = {
        (r.indicator.pk, r.governorate.pk if r.governorate else None): _value_for(r, share)
        for r in selectors.value_rows(report)
    }
    return services.report_update(
        user=user,
        report=report,
        version=report.version,
        data={
            "activity_status": report.activity.status,
            "percent_complete": int(share * 100),
            "achievements": ACHIEVEMENTS,
            "challenges": "Transport to remote areas.",
            "next_steps": "Follow-up visits next quarter.",
        },
        people=people,
        values=values,
    )


def load_demo_reports(policy) -> int:
    # Demo steps would mail the demo accounts; the notifications run when the transaction
    # commits, so the whole load happens inside the override.
    dummy = "django.core.mail.backends.dummy.EmailBackend"
    with override_settings(EMAIL_BACKEND=dummy), transaction.atomic():
        return _load(policy)


def _load(policy):
    reviewer = User.objects.get(username="reviewer")
    created = 0
    for username, code, label, state, comment in SCENARIOS:
        user = User.objects.get(username=username)
        membership = user.memberships.first()
        activity = Activity.objects.get(objective__policy=policy, code=code)
        period = ReportingPeriod.objects.get(policy=policy, label=label)
        entity = Entity.objects.get(pk=membership.entity_id)
        if ProgressReport.objects.filter(activity=activity, entity=entity, period=period).exists():
            continue
        report = services.report_start(user=user, activity=activity, period=period, entity=entity)
        share = Decimal("0.6") if label == "2024-Q3" else Decimal("0.7")
        report = _fill(report, user, share)
        if state != "draft":
            report = services.report_submit(user=user, report=report, version=report.version)
        if state == "approved":
            services.report_approve(user=reviewer, report=report, version=report.version)
        if state == "returned":
            services.report_return(
                user=reviewer, report=report, version=report.version, comment=comment
            )
        created += 1
    return created


# Approved reports of earlier quarters, so that dashboards have a history to show. Entities
# other than the demo accounts' have no reporter account, so this is written as a system
# action (like the other seeds), not through the reporters' services.
HISTORY = {"2022-Q4": Decimal("0.35"), "2023-Q4": Decimal("0.6"), "2024-Q2": Decimal("0.75")}
EARLIER = {"2022-Q4": Decimal(0), "2023-Q4": Decimal("0.35"), "2024-Q2": Decimal("0.6")}


def _history_value(row, label, factor):
    """A figure for one period: for indicators summed over time, what was added in the period
    (so the sum to date follows the targets); for the others, the level reached."""
    share = HISTORY[label] * factor
    if row.indicator.aggregation != "sum":
        return max(_value_for(row, share), Decimal(0))
    base = row.indicator.baseline_value or Decimal(0)
    target = row.target.value if row.target else base + 10
    added = (target - base) * (HISTORY[label] - EARLIER[label]) * factor
    return max(added.quantize(Decimal("1")), Decimal(0))


def _spread(*parts) -> Decimal:
    """A stable factor between 0.5 and 1.3 from names: the demo looks varied, runs alike."""
    return Decimal(50 + zlib.crc32("/".join(parts).encode()) % 81) / 100


def load_demo_history(policy) -> int:
    with transaction.atomic():
        return _history(policy)


def _history(policy):
    director = User.objects.get(username="director")
    reviewer = User.objects.get(username="reviewer")
    created = 0
    for label, share in HISTORY.items():
        period = ReportingPeriod.objects.get(policy=policy, label=label)
        activities = (
            Activity.objects.filter(objective__policy=policy)
            .exclude(status=Activity.Status.CANCELLED)
            .filter(start_date__lte=period.end_date, end_date__gte=period.start_date)
            .select_related("lead_entity")
        )
        for activity in activities:
            if ProgressReport.objects.filter(activity=activity, period=period).exists():
                continue
            factor = _spread(activity.code, label)
            report = ProgressReport.objects.create(
                activity=activity,
                entity=activity.lead_entity,
                period=period,
                created_by=director,
                activity_status=activity.status,
                percent_complete=min(100, int(share * factor * 100)),
                achievements=ACHIEVEMENTS,
                challenges="Transport to remote areas.",
            )
            for row in selectors.value_rows(report):
                where = row.governorate.code if row.governorate else "national"
                IndicatorValue.objects.create(
                    report=report,
                    indicator=row.indicator,
                    governorate=row.governorate,
                    value=_history_value(row, label, factor * _spread(where)),
                )
            PeopleReached.objects.create(
                report=report, sex="female", age_band="18-29", count=int(80 * factor)
            )
            late = factor > Decimal("1.15")  # a few reports came in after the due date
            submitted_at = timezone.make_aware(
                datetime.datetime.combine(
                    period.due_date + datetime.timedelta(days=9 if late else -5), datetime.time(10)
                )
            )
            for kind, user, at in (
                ("created", director, submitted_at),
                ("submitted", director, submitted_at),
                ("approved", reviewer, submitted_at),
            ):
                event = ReportEvent.objects.create(report=report, kind=kind, user=user)
                ReportEvent.objects.filter(pk=event.pk).update(at=at)
            ProgressReport.objects.filter(pk=report.pk).update(
                status="approved",
                submitted_at=submitted_at,
                approved_at=submitted_at,
                version=2,
            )
            created += 1
    return created
