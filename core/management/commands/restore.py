"""manage.py restore <backup>: into an empty database and an empty MEDIA_ROOT, after checking
every checksum (core/backup.py; docs/deployment.md, "Restore drill")."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core import backup


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup` (a folder or a .tar/.tar.gz file) into "
        "an EMPTY database (no tables) and an empty MEDIA_ROOT. Every file is checked against "
        "manifest.json first; the row counts are compared afterwards."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="the backup: a folder or a .tar/.tar.gz file")
        parser.add_argument("--database", default="default", help="the database alias")

    def handle(self, *args, source, database, **options):
        try:
            report = backup.restore(Path(source), using=database)
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored {report.tables} tables ({report.rows} rows) and {report.files} "
            "uploaded files."
        )
        if report.mismatches:
            raise CommandError(
                "The row counts differ from the backup's manifest:\n  "
                + "\n  ".join(report.mismatches)
            )
        self.stdout.write(self.style.SUCCESS("Every table has the rows the manifest counted."))
        if report.newer_code:
            self.stdout.write(
                f"This code has {len(report.newer_code)} migrations the backup had not applied "
                f"(for example {report.newer_code[0]}): run `manage.py migrate` now."
            )
