from django.core.management.base import BaseCommand

from reporting.reminders import send_reminders


class Command(BaseCommand):
    help = (
        "E-mail reporters about progress reports due within --days days and those overdue. "
        "Celery beat runs it every Sunday morning (CELERY_BEAT_SCHEDULE); by hand: "
        "`manage.py send_reminders --days 7`."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=7, help="Due within this many days.")
        parser.add_argument("--dry-run", action="store_true", help="List, do not send.")

    def handle(self, *args, days=7, dry_run=False, **options):
        sent = send_reminders(days, dry_run=dry_run, log=self.stdout.write)
        self.stdout.write(self.style.SUCCESS(f"{sent} reminder(s) sent."))
