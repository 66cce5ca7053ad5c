"""The numbers behind the measures, computed in the database with aggregates."""

from dataclasses import dataclass

from django.db.models import Count, Min, OuterRef, Q, Subquery
from django.utils import timezone

from policy.models import Activity, ActivityPartner
from reporting.models import ProgressReport, ReportEvent, ReportStatus


@dataclass(frozen=True)
class ReportingRate:
    """Expected reports against those submitted on time, late, and missing (as DHIS2 has it)."""

    expected: int
    on_time: int
    late: int

    @property
    def missing(self) -> int:
        return max(self.expected - self.on_time - self.late, 0)

    @property
    def rate(self):
        """Share of expected reports submitted at all; None when none was expected."""
        return None if not self.expected else (self.on_time + self.late) / self.expected


def _running(period):
    return Q(start_date__lte=period.end_date, end_date__gte=period.start_date) & ~Q(
        status=Activity.Status.CANCELLED
    )


def expected_by_entity(period) -> dict[int, int]:
    """entity id -> reports expected in `period`: one per activity the entity leads or
    implements, when the activity runs in the period and is not cancelled."""
    running = Activity.objects.filter(_running(period), objective__policy_id=period.policy_id)
    counts = {}
    for row in running.values("lead_entity_id").annotate(n=Count("id")):
        counts[row["lead_entity_id"]] = row["n"]
    partners = (
        ActivityPartner.objects.filter(role=ActivityPartner.Role.IMPLEMENTING, activity__in=running)
        .values("entity_id")
        .annotate(n=Count("activity_id", distinct=True))
    )
    for row in partners:
        counts[row["entity_id"]] = counts.get(row["entity_id"], 0) + row["n"]
    return counts


def submitted_by_entity(period) -> dict[int, tuple[int, int]]:
    """entity id -> (on time, late): reports of `period` ever submitted, judged by their first
    submission against the due date (end of that day, in the portal's time zone)."""
    first = (
        ReportEvent.objects.filter(report=OuterRef("pk"), kind=ReportEvent.Kind.SUBMITTED)
        .order_by("at")
        .values("at")[:1]
    )
    reports = (
        ProgressReport.objects.filter(period=period)
        .exclude(status=ReportStatus.DRAFT)
        .annotate(first_submitted=Subquery(first))
        .values("entity_id", "activity_id")
        .annotate(first=Min("first_submitted"))
    )
    due = period.due_date
    result = {}
    for row in reports:  # one row per entity and activity: a handful per entity
        on_time = row["first"] is not None and timezone.localtime(row["first"]).date() <= due
        before = result.get(row["entity_id"], (0, 0))
        result[row["entity_id"]] = (before[0] + on_time, before[1] + (not on_time))
    return result


def reporting_rate(period, entity_id=None) -> ReportingRate:
    expected = expected_by_entity(period)
    submitted = submitted_by_entity(period)
    ids = [entity_id] if entity_id is not None else set(expected) | set(submitted)
    return ReportingRate(
        expected=sum(expected.get(i, 0) for i in ids),
        on_time=sum(submitted.get(i, (0, 0))[0] for i in ids),
        late=sum(submitted.get(i, (0, 0))[1] for i in ids),
    )
