"""E-mails about reports. Queued after the transaction commits, so a rolled-back change never
mails anyone, and sent by a worker (core.tasks.send_mail). Console back end by default; SMTP
from the environment in production."""

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from accounts import roles
from accounts.models import Membership, Role, User
from core.tasks import queue_mail


def _reviewers():
    return (
        User.objects.filter(
            is_active=True,
            memberships__is_active=True,
            memberships__role__in=[Role.DIRECTORATE_REVIEWER, Role.DIRECTORATE_ADMIN],
        )
        .exclude(email="")
        .distinct()
    )


def _reporters(report):
    members = Membership.objects.filter(
        entity_id=report.entity_id,
        role__in=roles.REPORTER_ROLES,
        is_active=True,
        governorate_id=report.governorate_id,
        user__is_active=True,
    ).exclude(user__email="")
    return User.objects.filter(pk__in=members.values("user_id"))


def _send(users, template, report, **context):
    base = getattr(settings, "SITE_URL", "http://127.0.0.1:8000").rstrip("/")
    link = base + reverse("reporting:report", args=[report.pk])
    for user in users:
        with translation.override(user.language or settings.LANGUAGE_CODE):
            body = render_to_string(
                f"reporting/email/{template}.txt",
                {"report": report, "user": user, "link": link, **context},
            )
            subject, _sep, text = body.strip().partition("\n")
        queue_mail(subject.strip(), text.strip(), [user.email])


def _later(users_fn, template, report, **context):
    # robust: a mail server that is down is logged, and never turns a saved step into an error
    transaction.on_commit(lambda: _send(users_fn(report), template, report, **context), robust=True)


def notify_submitted(report):
    _later(lambda r: _reviewers(), "submitted", report)


def notify_returned(report, comment):
    _later(_reporters, "returned", report, comment=comment)


def notify_approved(report):
    _later(_reporters, "approved", report)


def notify_reopened(report, reason):
    _later(_reporters, "reopened", report, comment=reason)
