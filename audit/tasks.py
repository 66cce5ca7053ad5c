from celery import shared_task

from audit.services import access_log_purge


@shared_task(name="audit.purge_access_log")
def purge_access_log():
    """Nightly (celery beat): drop access-log events past ACCESS_LOG_RETENTION_DAYS."""
    return access_log_purge()
