"""Steps of the reporting workflow, for tests that need a report in a given state."""

from decimal import Decimal

from reporting import services
from reporting.models import ProgressReport


def fresh(report):
    return ProgressReport.objects.get(pk=report.pk)


def draft(world, user=None):
    user = user or world.reporter
    return services.report_start(
        user=user, activity=world.activity, period=world.period, entity=world.cso_entity
    )


def complete(world, report, user=None):
    user = user or world.reporter
    values = {
        (world.indicator.pk, world.baghdad.pk): Decimal("12"),
        (world.indicator.pk, world.basra.pk): Decimal("8"),
    }
    return services.report_update(
        user=user,
        report=report,
        version=report.version,
        data={
            "activity_status": "in_progress",
            "percent_complete": 40,
            "achievements": "Trained 20 women.",
        },
        people={("female", "18-29"): 20},
        values=values,
    )


def submitted(world):
    report = complete(world, draft(world))
    return services.report_submit(user=world.reporter, report=report, version=report.version)


def approved(world):
    report = submitted(world)
    return services.report_approve(user=world.reviewer, report=report, version=report.version)


def returned(world, comment="Add the attendance sheets."):
    report = submitted(world)
    return services.report_return(
        user=world.reviewer, report=report, version=report.version, comment=comment
    )
