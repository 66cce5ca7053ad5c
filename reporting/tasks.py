from celery import shared_task

from reporting.reminders import send_reminders as _send_reminders


@shared_task(name="reporting.send_reminders")
def send_reminders(days=7):
    """Weekly (celery beat): remind reporters of reports due within `days` days and overdue."""
    return _send_reminders(days)
