import datetime

from django.utils import timezone

import audit
from audit.models import AccessEvent


def access_log_purge(*, days: int | None = None, now=None) -> int:
    """Remove the events older than the retention period (ACCESS_LOG_RETENTION_DAYS, or
    `days`); returns how many. The only way events leave the log."""
    days = audit.retention_days() if days is None else days
    if days < 1:
        raise ValueError("The retention period must be at least one day.")
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    deleted, _by_model = AccessEvent.objects.filter(at__lt=cutoff).delete()
    return deleted
