"""Which reports are due soon or overdue, and whom to remind."""

import datetime

from django.utils import timezone

from accounts import roles
from accounts.models import Membership
from indicators.models import ReportingPeriod
from policy.models import Activity
from reporting.models import ProgressReport, ReportStatus
from reporting.selectors import activity_runs_in


def outstanding(days: int):
    """{membership: {"due": [(activity, period)], "overdue": [...]}} for reports not yet
    submitted in open periods due within `days` days, or already past due."""
    today = timezone.localdate()
    periods = list(
        ReportingPeriod.objects.filter(
            status=ReportingPeriod.Status.OPEN,
            due_date__lte=today + datetime.timedelta(days=days),
        )
    )
    if not periods:
        return {}
    done = set(  # a returned report is not done: it waits for the reporter again
        ProgressReport.objects.filter(
            period__in=periods, status__in=[ReportStatus.SUBMITTED, ReportStatus.APPROVED]
        ).values_list("activity_id", "entity_id", "governorate_id", "period_id")
    )
    members = (
        Membership.objects.filter(
            role__in=roles.REPORTER_ROLES, is_active=True, user__is_active=True
        )
        .exclude(user__email="")
        .select_related("user", "entity", "governorate")
    )
    by_entity = {}
    for m in members:
        by_entity.setdefault(m.entity_id, []).append(m)
    activities = (
        Activity.objects.owed_by(list(by_entity))
        .exclude(status=Activity.Status.CANCELLED)
        .prefetch_related("partnerships", "governorates")
    )
    result = {}
    for activity in activities:
        entity_ids = [e for e in by_entity if activity.is_owed_by(e)]
        for period in periods:
            if not activity_runs_in(activity, period):
                continue
            for entity_id in entity_ids:
                for m in by_entity[entity_id]:
                    covers = m.governorate_id is None or activity.covers(m.governorate_id)
                    key = (activity.pk, entity_id, m.governorate_id, period.pk)
                    if not covers or key in done:
                        continue
                    bucket = "overdue" if period.due_date < today else "due"
                    result.setdefault(m, {"due": [], "overdue": []})[bucket].append(
                        (activity, period)
                    )
    return result


def send_reminders(days: int = 7, dry_run: bool = False, log=None) -> int:
    """E-mail each reporter one message for their overdue reports and one for those due within
    `days` days, in their language; returns how many were sent (queued). `log(text)` hears of
    each one."""
    from django.conf import settings
    from django.template.loader import render_to_string
    from django.urls import reverse
    from django.utils import translation

    from core.tasks import queue_mail

    link = settings.SITE_URL.rstrip("/") + reverse("reporting:my_work")
    sent = 0
    for membership, buckets in outstanding(days).items():
        user = membership.user
        for kind in ("overdue", "due"):
            items = [{"activity": a, "period": p} for a, p in buckets[kind]]
            if not items:
                continue
            if log is not None:
                log(f"{user.email}: {len(items)} {kind}")
            if dry_run:
                continue
            with translation.override(user.language or settings.LANGUAGE_CODE):
                body = render_to_string(
                    "reporting/email/reminder.txt",
                    {"items": items, "overdue": kind == "overdue", "link": link},
                )
            subject, _sep, text = body.strip().partition("\n")
            queue_mail(subject.strip(), text.strip(), [user.email])
            sent += 1
    return sent
