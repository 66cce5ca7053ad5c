from django.core.management.base import BaseCommand, CommandError

import audit
from audit.services import access_log_purge


class Command(BaseCommand):
    help = (
        "Remove access-log events older than ACCESS_LOG_RETENTION_DAYS (or --days). Meant for "
        "cron, e.g. every night: `manage.py purge_access_log`."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="Keep this many days instead.")

    def handle(self, days=None, **options):
        days = audit.retention_days() if days is None else days
        if days < 1:
            raise CommandError("--days must be 1 or more.")
        removed = access_log_purge(days=days)
        self.stdout.write(f"{removed} access-log events older than {days} days removed.")
