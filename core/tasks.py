"""Every e-mail goes out through this task: a slow or absent mail server holds up a worker,
never a person's request. Messages are written (in the recipient's language) before they are
queued; the task only sends."""

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail as django_send_mail


@shared_task(
    name="core.send_mail",
    autoretry_for=(OSError,),  # the mail server down or refusing for a while
    retry_backoff=60,
    max_retries=5,
)
def send_mail(subject, text, recipients):
    django_send_mail(subject, text, settings.DEFAULT_FROM_EMAIL, list(recipients))


def queue_mail(subject, text, recipients):
    """Send an e-mail in the background (at once, in this process, without a broker)."""
    send_mail.delay(subject, text, list(recipients))
