from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from reporting.reminders import outstanding


class Command(BaseCommand):
    help = (
        "E-mail reporters about progress reports due within --days days and those overdue. "
        "Meant for cron, e.g. every Monday: `manage.py send_reminders --days 7`."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=7, help="Due within this many days.")
        parser.add_argument("--dry-run", action="store_true", help="List, do not send.")

    def handle(self, *args, days=7, dry_run=False, **options):
        link = settings.SITE_URL.rstrip("/") + reverse("reporting:my_work")
        sent = 0
        for membership, buckets in outstanding(days).items():
            user = membership.user
            for kind in ("overdue", "due"):
                items = [{"activity": a, "period": p} for a, p in buckets[kind]]
                if not items:
                    continue
                self.stdout.write(f"{user.email}: {len(items)} {kind}")
                if dry_run:
                    continue
                with translation.override(user.language or settings.LANGUAGE_CODE):
                    body = render_to_string(
                        "reporting/email/reminder.txt",
                        {
                            "items": items,
                            "overdue": kind == "overdue",
                            "link": link,
                        },
                    )
                subject, _sep, text = body.strip().partition("\n")
                send_mail(subject.strip(), text.strip(), settings.DEFAULT_FROM_EMAIL, [user.email])
                sent += 1
        self.stdout.write(self.style.SUCCESS(f"{sent} reminder(s) sent."))
