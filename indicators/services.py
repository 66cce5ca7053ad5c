"""Writes to the indicators app's rows that are not plan rows written through core.services."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from accounts import roles
from indicators.models import ReportingPeriod


def _period_status(*, user, period, status):
    if not roles.is_directorate_admin(user):
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
