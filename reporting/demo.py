"""Demo progress reports in every state, so that each demo account has something to do.
Written through the reporting services, so their timelines and history are real."""

import datetime
from decimal import Decimal

from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from accounts.models import User
from indicators.models import Indicator, ReportingPeriod
from policy.models import Activity, Entity
from reporting import selectors, services
from reporting.models import ProgressReport

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
